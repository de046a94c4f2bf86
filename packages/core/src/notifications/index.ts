export { notify, type NotificationDetails } from './notify.js';
export { markNotificationsRead, myNotifications, type NotificationView } from './queries.js';
