export { notify, type NotificationDetails } from './notify.js';
export { markNotificationsRead, myNotifications, type NotificationView } from './queries.js';
export {
  pushKey,
  sendPushes,
  subscribePush,
  unsubscribePush,
  webPushService,
  PUSH_TTL_SECONDS,
  type PushResult,
  type PushService,
  type PushTarget,
} from './push.js';
export { pushText, type PushLang } from './push-text.js';
