/**
 * The admin area's words for planning (shift types, schedules, the roster, sites, holidays,
 * managers) and for where taps were, in English; travels in the admin area's lazy chunk.
 */
export const planEn = {
  // Where a tap was
  place: 'Location',
  geoOutside: 'Outside the site',
  geoUnknown: 'No location',
  /** Said (to a screen reader, and on hover) by the dash of a record with no site and no position. */
  noPlace: 'No work site and no position recorded',
  accuracy: '±{metres}',
  onMap: 'Map',
  site: 'Site',
  siteNamed: 'Site: {name}',
  allSites: 'All sites',
  // Shift types
  shiftType: 'Shift',
  newShiftType: 'New shift type',
  shiftTypesHelp:
    'Each shift type has its hours, the grace before a clock-in counts as late and before a clock-out counts as leaving early, the unpaid break, and how long after its end a shift left open is clocked out automatically.',
  shiftCode: 'Code (on the roster)',
  shiftStartTime: 'Starts',
  shiftEndTime: 'Ends',
  hours: 'Hours',
  crossesMidnight: 'ends the next day',
  crossesMidnightHelp:
    'This shift crosses midnight: it starts at {start} and ends at {end} the next day. Its taps count for the day it started.',
  lateGrace: 'Grace for lateness (min)',
  earlyGrace: 'Grace for leaving early (min)',
  breakMinutes: 'Unpaid break (min)',
  autoOutAfter: 'Auto clock-out after the end (min)',
  colour: 'Colour',
  minutes: '{count} min',
  // Schedules
  newSchedule: 'New schedule',
  schedulesHelp:
    'A schedule is a weekly pattern (a shift or a day off each weekday) or a rotating cycle of N days (for example 2 mornings, 2 nights, 2 off). Assign it to a department or an employee from a date; change single days on the roster.',
  scheduleKind: 'Kind',
  kindWeekly: 'Weekly',
  kindRotating: 'Rotating cycle',
  kindRotatingFrom: 'Rotating, {days}-day cycle, day 1 on {date}',
  cycleLength: 'Days in the cycle',
  anchorDate: 'Day 1 of the cycle falls on',
  rotatingHelp:
    'The cycle repeats from its day 1, before and after that date: day 1 falls again every cycle.',
  cycleDay: 'Day {day}',
  patternDays: 'The days of the pattern',
  off: 'Off',
  assign: 'Assign',
  assignTo: 'Assign to',
  everyone: 'Everyone',
  chooseDepartment: 'Choose a department',
  toOptional: 'To (optional)',
  notAssigned: 'Not assigned to anyone yet.',
  departmentNamed: 'Department {name}',
  employeeNumber: 'Employee #{id}',
  validFrom: 'from {from}',
  validFromTo: 'from {from} to {to}',
  unassign: 'End',
  // Roster
  rosterHelp:
    "Each cell is the day's plan from the person's schedule; choose a shift or a day off to change that day only, or go back to the schedule.",
  rosterLegend:
    'A cell with a thick border was changed on the roster; a holiday and a day off are shown as such.',
  previousWeek: '‹ Previous week',
  thisWeek: 'This week',
  nextWeek: 'Next week ›',
  nobodyToPlan: 'Nobody to plan here yet.',
  backToSchedule: 'Back to the schedule',
  holidayNamed: 'Holiday: {name}',
  unscheduled: 'No schedule',
  // Sites
  newSite: 'New site',
  sitesHelp:
    'A site is a workplace: where it is, how far around it a tap counts as there, its own time zone (WIB, WITA, WIT) for shift times and holidays, and what a tap outside does.',
  position: 'Position',
  latitude: 'Latitude',
  longitude: 'Longitude',
  coordinatesHelp:
    'Paste "latitude, longitude" from a map into Latitude to fill both (for example -6.175392, 106.827153).',
  radius: 'Radius',
  radiusMetres: 'Radius (m)',
  maxAccuracy: "Phone's accuracy counted, at most (m)",
  geofence: 'Outside the radius',
  policyOff: 'Not checked',
  policyFlag: 'Recorded, flagged',
  policyRequire: 'Refused',
  policyOffHelp: 'Taps are recorded wherever they are; the distance is still kept.',
  policyFlagHelp:
    'A tap outside the radius (or without a location) is recorded with a flag and its distance, for you to check.',
  policyRequireHelp:
    'A tap outside the radius (or without a location) is refused, telling the employee how far away they are.',
  addEmployeeToSite: 'Add an employee',
  addEmployeeTo: 'Add an employee to {site}',
  workSites: 'Work sites',
  primarySite: 'Primary (their time zone and holidays)',
  saveSites: 'Save sites',
  // Holidays
  newHoliday: 'New holiday',
  holidayKind: 'Kind',
  kindNational: 'National holiday',
  kindCollectiveLeave: 'Cuti bersama',
  kindCompany: 'Company holiday',
  proposeNational: 'Propose national holidays for {year}',
  proposalsTitle: "Indonesia's national holidays in {year}",
  proposalsHelp:
    'Untick any the company does not observe; the ticked ones are added for every site. Dates that already have a holiday are left as they are.',
  proposalsChosen: '{count} chosen.',
  confirmChosen: 'Add the chosen holidays',
  alreadyHoliday: 'already: {name}',
  noHolidays: 'No holidays this year yet.',
  confirmDeleteHoliday: 'Delete the holiday {name}?',
  delete: 'Delete',
  previousYear: 'Previous year',
  nextYear: 'Next year',
  // Managers
  roleManager: 'Manager',
  managerScopes: 'Whom this manager looks after',
  managerScopesHelp:
    'A manager sees the dashboard, the records and the roster of these departments only, and plans their roster.',
  managerScopesAfterSave: 'Save first; then choose the departments this manager looks after.',
  saveScopes: 'Save whom they look after',
} as const;

export type PlanMessageKey = keyof typeof planEn;
