import { describe, expect, it } from 'vitest';
import { isRunning, jobView, type JobProgress, type ReportFile } from './job-view';

const job = { jobId: 'job-1', month: '2026-11' };
const progress = (changes: Partial<JobProgress>): JobProgress => ({
  jobId: 'job-1',
  state: 'running',
  percent: 40,
  message: null,
  downloadUrl: null,
  ...changes,
});
const file = (jobId: string): ReportFile => ({
  jobId,
  month: '2026-11',
  format: 'csv',
  fileName: `absensi-2026-11-${jobId}.csv`,
  rowCount: 12,
  createdAt: '2026-11-24T03:00:00.000Z',
  downloadUrl: `/exports/${jobId}`,
});

describe('the started export', () => {
  it('is queued until its progress arrives, then follows it', () => {
    expect(jobView(job, undefined, [])).toEqual({
      ...job,
      state: 'queued',
      percent: 0,
      message: null,
      downloadUrl: null,
    });
    expect(jobView(job, progress({}), [])).toMatchObject({ state: 'running', percent: 40 });
    expect(isRunning(jobView(job, progress({}), []))).toBe(true);
  });

  it("ignores another job's progress", () => {
    expect(jobView(job, progress({ jobId: 'job-0', state: 'failed' }), [])).toMatchObject({
      state: 'queued',
    });
  });

  it('is done once its file is listed, even with no last progress event', () => {
    const view = jobView(job, progress({}), [file('job-0'), file('job-1')]);
    expect(view).toMatchObject({ state: 'succeeded', percent: 100, downloadUrl: '/exports/job-1' });
    expect(isRunning(view)).toBe(false);
    expect(jobView(job, undefined, [file('job-0')])).toMatchObject({ state: 'queued' });
  });

  it('keeps what the job itself said once it ended', () => {
    const failed = progress({ state: 'failed', percent: 60, message: 'disk full' });
    expect(jobView(job, failed, [file('job-1')])).toMatchObject({
      state: 'failed',
      message: 'disk full',
    });
    expect(isRunning(null)).toBe(false);
  });
});
