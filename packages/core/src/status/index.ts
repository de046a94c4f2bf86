export {
  computeStatuses,
  netWorkedMinutes,
  overtimeDayOf,
  BREAK_AFTER_MINUTES,
} from './compute.js';
export { recomputeStatuses, type StatusRange } from './recompute.js';
export { settleRecentDays, SETTLE_DAYS } from './settle.js';
export { StatusRefresher, startOfPreviousMonth } from './refresher.js';
