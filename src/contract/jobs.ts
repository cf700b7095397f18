import { z } from 'zod';
import { openEnum, optionalList } from './common.ts';

/**
 * `status.phase` of a job (§4.1.7, Table 4-127; printed as Go constants `JobPhaseInitializing JobPhase =
 * "Initializing"` …, so these are the wire values). The reference gives no meaning beyond the names.
 */
export const JOB_PHASES = [
  /** The job has been accepted and is being prepared. */
  'Initializing',
  /** The job is running. */
  'Running',
  /** The job has failed; `status.reason` says why. */
  'Failed',
  /** The job has completed. */
  'Success',
] as const;
export type JobPhase = (typeof JOB_PHASES)[number];

/** Phases after which a job no longer changes; polling stops there. */
export const FINISHED_JOB_PHASES = ['Failed', 'Success'] as const satisfies readonly JobPhase[];

export function isJobFinished(phase: string | undefined): boolean {
  return (FINISHED_JOB_PHASES as readonly string[]).includes(phase ?? '');
}

/**
 * Job types seen in the reference's examples only (`spec.type` has no documented enum; "An example
 * value is CreateCluster"). Responses accept any string.
 */
export const KNOWN_JOB_TYPES = ['CreateCluster', 'InstallMaster', 'CreatePSMCert'] as const;

const jobMetadataSchema = z.looseObject({
  /** Job ID. */
  uid: z.string().optional(),
  creationTimestamp: z.string().optional(),
  updateTimestamp: z.string().optional(),
});

const jobStatusSchema = z.looseObject({
  phase: openEnum(JOB_PHASES).optional(),
  /** Why the job is in its current phase. */
  reason: z.string().optional(),
});

/**
 * A job (`ShowAutopilotJob`). Creation and deletion of a cluster answer with a job ID
 * (`status.jobID`); "the job is complete only after all subjobs are complete", and each sub-job is a
 * full job of the same shape. Jobs are short-lived: the cluster, not its job, is the source of truth.
 */
export interface Job {
  [key: string]: unknown;
  kind?: string | undefined;
  apiVersion?: string | undefined;
  metadata?: z.infer<typeof jobMetadataSchema> | undefined;
  spec?: JobSpec | undefined;
  status?: z.infer<typeof jobStatusSchema> | undefined;
}

export interface JobSpec {
  [key: string]: unknown;
  /** Job type, e.g. `CreateCluster` (see `KNOWN_JOB_TYPES`). */
  type?: string | undefined;
  /** ID of the cluster the job runs in. */
  clusterUID?: string | undefined;
  /** ID of the resource the job acts on. */
  resourceID?: string | undefined;
  /** Name of the resource the job acts on. */
  resourceName?: string | undefined;
  /** Extended parameters, e.g. `serverID` (documented as a string map). */
  extendParam?: Record<string, unknown> | undefined;
  subJobs?: Job[] | undefined;
}

// A Go service serialises an empty slice as `null`; read it as "no sub-jobs".
const subJobsSchema: z.ZodType<Job[] | undefined> = z.lazy(() => optionalList(jobSchema));

const jobSpecSchema: z.ZodType<JobSpec> = z.looseObject({
  type: openEnum(KNOWN_JOB_TYPES).optional(),
  clusterUID: z.string().optional(),
  resourceID: z.string().optional(),
  resourceName: z.string().optional(),
  extendParam: z.record(z.string(), z.unknown()).optional(),
  subJobs: subJobsSchema.optional(),
});

export const jobSchema: z.ZodType<Job> = z.looseObject({
  /** Fixed at `Job`. */
  kind: z.string().optional(),
  /** Fixed at `v3`. */
  apiVersion: z.string().optional(),
  metadata: jobMetadataSchema.optional(),
  spec: jobSpecSchema.optional(),
  status: jobStatusSchema.optional(),
});

/** Sub-jobs done / total, for a progress indicator; a job without sub-jobs counts as one step. */
export function jobProgress(job: Job): { done: number; total: number } {
  const subJobs = job.spec?.subJobs ?? [];
  if (subJobs.length === 0) return { done: job.status?.phase === 'Success' ? 1 : 0, total: 1 };
  return { done: subJobs.filter((s) => s.status?.phase === 'Success').length, total: subJobs.length };
}
