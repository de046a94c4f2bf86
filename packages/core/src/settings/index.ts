export { SettingsCache, type CompanySettings } from './settings-cache.js';
export { updateSettings } from './update.js';
export { canonicalTimeZone } from './time-zone.js';
