/** One module per aggregate: the only code that speaks SQL. */
export * as actions from './actions.js';
export * as attendance from './attendance.js';
export * as audit from './audit.js';
export * as dashboard from './dashboard.js';
export * as holidays from './holidays.js';
export * as leaveTypes from './leave-types.js';
export * as notifications from './notifications.js';
export * as outbox from './outbox.js';
export * as pushSubscriptions from './push-subscriptions.js';
export * as reports from './reports.js';
export * as requests from './requests.js';
export * as schedules from './schedules.js';
export * as sessions from './sessions.js';
export * as settings from './settings.js';
export * as sites from './sites.js';
export * as statuses from './statuses.js';
export * as users from './users.js';
