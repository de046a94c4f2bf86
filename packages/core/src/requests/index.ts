export { fileRequest, cancelRequest, type FiledRequest } from './file.js';
export { decideRequest, orderOvertime } from './decide.js';
export {
  listLeaveTypes,
  listRequests,
  leaveBalances,
  myRequests,
  requestAttachment,
  type RequestPage,
} from './queries.js';
export { createLeaveType, updateLeaveType } from './leave-types.js';
export type { LeaveBalance } from './balance.js';
export type { LeaveTypeView, RequestView, AttachmentView } from './views.js';
export { MAX_ATTACHMENT_BYTES, ATTACHMENT_TYPES, sniffImage, leaveDaysOf } from './rules.js';
