import { describe, expect, it } from 'vitest';
import { isJobFinished, JOB_PHASES, jobProgress, jobSchema } from './jobs.ts';

describe('jobSchema', () => {
  it('parses sub-jobs recursively and keeps unknown fields and phases', () => {
    const job = jobSchema.parse({
      kind: 'Job',
      metadata: { uid: 'j1' },
      spec: {
        type: 'DeleteCluster',
        subJobs: [
          { kind: 'Job', status: { phase: 'Success' }, spec: { subJobs: [{ status: { phase: 'Queued' }, extra: true }] } },
          { kind: 'Job', status: { phase: 'Running' } },
        ],
      },
      status: { phase: 'Running' },
    });
    expect(job.spec?.subJobs?.[0]?.spec?.subJobs?.[0]).toMatchObject({ status: { phase: 'Queued' }, extra: true });
    expect(jobProgress(job)).toEqual({ done: 1, total: 2 });
  });

  it('reads null sub-jobs as none', () => {
    const job = jobSchema.parse({ spec: { subJobs: null }, status: { phase: 'Success' } });
    expect(job.spec?.subJobs).toBeUndefined();
    expect(jobProgress(job)).toEqual({ done: 1, total: 1 });
  });

  it('rejects a sub-job that is not an object', () => {
    expect(jobSchema.safeParse({ spec: { subJobs: ['x'] } }).success).toBe(false);
  });
});

describe('job phases', () => {
  it('are the four documented wire values; Failed and Success are final', () => {
    expect(JOB_PHASES).toEqual(['Initializing', 'Running', 'Failed', 'Success']);
    expect(JOB_PHASES.filter(isJobFinished)).toEqual(['Failed', 'Success']);
    expect(isJobFinished(undefined)).toBe(false);
  });
});
