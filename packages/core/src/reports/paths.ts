/** The route that hands a finished export to the admin who started it (the one place it is spelt). */
export const EXPORT_ROUTE = '/exports/:jobId';

/** Where the file of the export `jobId` is downloaded (EXPORT_ROUTE, filled in). */
export function downloadPath(jobId: string): string {
  return EXPORT_ROUTE.replace(':jobId', encodeURIComponent(jobId));
}
