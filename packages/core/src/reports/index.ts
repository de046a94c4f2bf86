export { exportMonth, type ExportFile, type ExportFormat } from './export-month.js';
export { EXPORT_LANGUAGES, type ExportLanguage } from './export-words.js';
export { progressEvent, reportJobFailure, runExportJob, type ExportJobData } from './export-job.js';
export type { JobStarter } from './job-starter.js';
export { downloadPath, EXPORT_ROUTE } from './paths.js';
export { exportFile, listExports, startExport, type ReportFileView } from './queries.js';
