export {
  confirmHolidays,
  createHoliday,
  deleteHoliday,
  updateHoliday,
  type ConfirmedHolidays,
  type HolidayInput,
} from './manage.js';
export { holidaysBetween, listHolidays, proposeHolidays, type HolidayProposal } from './queries.js';
export {
  FIRST_HOLIDAY_YEAR,
  LAST_HOLIDAY_YEAR,
  holidayOn,
  proposedNationalHolidays,
  type CalendarDay,
  type ProposedHoliday,
} from './rules.js';
export { holidayView, type HolidayView } from './views.js';
