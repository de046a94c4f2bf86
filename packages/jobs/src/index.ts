export {
  createQueue,
  EXPORT_QUEUE,
  InProcessJobStarter,
  MAINTENANCE_QUEUE,
  newExportJobId,
  QueueJobStarter,
  type MaintenanceTask,
} from './queue.js';
