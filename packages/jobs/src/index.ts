export { exportMonth, type ExportFile, type ExportFormat } from './export.js';
export {
  downloadPath,
  progressEvent,
  reportJobFailure,
  runExportJob,
  type ExportJobData,
} from './export-job.js';
export {
  createQueue,
  EXPORT_QUEUE,
  InProcessJobStarter,
  MAINTENANCE_QUEUE,
  newExportJobId,
  QueueJobStarter,
  type MaintenanceTask,
} from './queue.js';
