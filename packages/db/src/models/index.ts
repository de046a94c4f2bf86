import type { Sequelize } from 'sequelize';
import { Attendance, initAttendance } from './attendance.js';
import { AttendanceAction, initAttendanceAction } from './attendance-action.js';
import { AuditLog, initAuditLog } from './audit-log.js';
import { EventRow, initEventRow } from './event.js';
import { Holiday, initHoliday } from './holiday.js';
import {
  DailyStatusRow,
  LeaveRequest,
  LeaveType,
  NotificationRow,
  RequestAttachment,
  initAbsences,
} from './absences.js';
import { ReportFile, initReportFile } from './report-file.js';
import { SessionRow, initSessionRow } from './session.js';
import { SettingsRow, initSettingsRow } from './settings.js';
import { Site, UserSite, initSite } from './site.js';
import { User, initUser } from './user.js';
import {
  ManagerScope,
  RosterOverride,
  Schedule,
  ScheduleAssignment,
  ScheduleDay,
  ShiftType,
  initSchedules,
} from './schedules.js';

export function initModels(sequelize: Sequelize) {
  initUser(sequelize);
  initAttendance(sequelize);
  initAttendanceAction(sequelize);
  initEventRow(sequelize);
  initSettingsRow(sequelize);
  initAuditLog(sequelize);
  initSessionRow(sequelize);
  initReportFile(sequelize);
  initSchedules(sequelize);
  initSite(sequelize);
  initHoliday(sequelize);
  initAbsences(sequelize);
  Attendance.belongsTo(User, { foreignKey: 'userId', as: 'user' });
  User.hasMany(Attendance, { foreignKey: 'userId', as: 'attendance' });
  UserSite.belongsTo(Site, { foreignKey: 'siteId', as: 'site' });
  return {
    User,
    Attendance,
    AttendanceAction,
    EventRow,
    SettingsRow,
    AuditLog,
    SessionRow,
    ReportFile,
    ShiftType,
    Schedule,
    ScheduleDay,
    ScheduleAssignment,
    RosterOverride,
    ManagerScope,
    Site,
    UserSite,
    Holiday,
    LeaveType,
    LeaveRequest,
    RequestAttachment,
    DailyStatusRow,
    NotificationRow,
  };
}

export type Models = ReturnType<typeof initModels>;
export * from './attendance.js';
export * from './attendance-action.js';
export * from './audit-log.js';
export * from './event.js';
export * from './holiday.js';
export * from './absences.js';
export * from './report-file.js';
export * from './session.js';
export * from './settings.js';
export * from './site.js';
export * from './user.js';
export * from './schedules.js';
