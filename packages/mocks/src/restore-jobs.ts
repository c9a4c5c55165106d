// The stateful restore-job flow. A download answers the job as PENDING; each poll of it moves it
// one phase on: QUEUED → RUNNING → COMPLETED (or FAILED). Bodies are the spec's examples with the
// request's values put in: the download example for the running phases, the poll example (a
// finished job) for COMPLETED. Ids are deterministic: the n-th job of a handler set gets the
// example's id plus n (hex), so the first job has exactly the example's id.
import type { components } from '@atlas-kit/openapi/types';
import { operationSpecs } from './spec.ts';

export type TenantRestore = components['schemas']['TenantRestore'];
export type FlexBackupRestoreJob = components['schemas']['FlexBackupRestoreJob20241113'];

export type RestoreApi = 'tenant' | 'flex';
export type RestoreJobStatus = 'PENDING' | 'QUEUED' | 'RUNNING' | 'COMPLETED' | 'FAILED';
export type RestoreOutcome = 'COMPLETED' | 'FAILED';

const runningPhases = ['PENDING', 'QUEUED', 'RUNNING'] as const;

export interface RestoreJob {
  api: RestoreApi;
  id: string;
  groupId: string;
  clusterName: string;
  snapshotId: string;
  targetDeploymentItemName: string;
  targetProjectId: string;
  status: RestoreJobStatus;
  /** When the download was requested (restoreScheduledDate). */
  scheduledAt: Date;
  /** When the job reached COMPLETED or FAILED. */
  finishedAt?: Date;
}

export interface SeedRestoreJob {
  api: RestoreApi;
  /** Default: the next deterministic id. */
  id?: string;
  /** Defaults: the values of the spec's download example. */
  groupId?: string;
  clusterName?: string;
  snapshotId?: string;
  targetDeploymentItemName?: string;
  targetProjectId?: string;
  /** Default: PENDING. */
  status?: RestoreJobStatus;
}

const examples = {
  tenant: {
    started: operationSpecs.downloadClusterBackupTenant.example as TenantRestore,
    finished: operationSpecs.getBackupTenantRestore.example as TenantRestore,
  },
  flex: {
    started: operationSpecs.downloadFlexBackup.example as FlexBackupRestoreJob,
    finished: operationSpecs.getFlexRestoreJob.example as FlexBackupRestoreJob,
  },
};

const required = <T>(value: T | undefined, what: string): T => {
  if (value === undefined) throw new Error(`the spec's restore-job example lacks ${what}`);
  return value;
};

const exampleId = required(examples.tenant.started.id, 'id');
const exampleCluster = required(examples.tenant.started.clusterName, 'clusterName');
const exampleProject = required(examples.tenant.started.projectId, 'projectId');

/** How long a download link lives: the distance between the poll example's finish and expiry dates. */
const linkLifetimeMs = (() => {
  const finished = examples.tenant.finished;
  const ms =
    Date.parse(required(finished.expirationDate, 'expirationDate')) -
    Date.parse(required(finished.restoreFinishedDate, 'restoreFinishedDate'));
  if (!(ms > 0)) throw new Error('the poll example has no positive link lifetime');
  return ms;
})();

/** `2025-11-25T10:15:02Z`: the example's form (no milliseconds). */
const isoSeconds = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;

const idModulus = 1n << 96n;
const firstId = BigInt(`0x${exampleId}`);
const exampleIdAtEnd = new RegExp(`/${exampleId}$`);

export class RestoreJobStore {
  #jobs = new Map<string, RestoreJob>();
  #next = 0n;

  nextId(): string {
    for (;;) {
      const id = ((firstId + this.#next) % idModulus).toString(16).padStart(24, '0');
      this.#next += 1n;
      // Seeded jobs may already hold an id of the sequence.
      if (!this.#jobs.has(id)) return id;
    }
  }

  create(seed: SeedRestoreJob, now: Date): RestoreJob {
    const started = examples[seed.api].started;
    const groupId = seed.groupId ?? exampleProject;
    const clusterName = seed.clusterName ?? exampleCluster;
    const job: RestoreJob = {
      api: seed.api,
      id: seed.id ?? this.nextId(),
      groupId,
      clusterName,
      snapshotId: seed.snapshotId ?? required(started.snapshotId, 'snapshotId'),
      // The flex download names no target: the snapshot is restored for download from the instance itself.
      targetDeploymentItemName: seed.targetDeploymentItemName ?? clusterName,
      targetProjectId: seed.targetProjectId ?? groupId,
      status: seed.status ?? 'PENDING',
      scheduledAt: now,
      ...(seed.status === 'COMPLETED' || seed.status === 'FAILED' ? { finishedAt: now } : {}),
    };
    this.#jobs.set(job.id, job);
    return job;
  }

  /** The job a poll names, only when group and cluster match too (otherwise Atlas answers 404). */
  find(api: RestoreApi, id: string, groupId: string, clusterName: string): RestoreJob | undefined {
    const job = this.#jobs.get(id);
    return job && job.api === api && job.groupId === groupId && job.clusterName === clusterName ? job : undefined;
  }

  /** One poll: the job moves to its next phase; the last phase is `outcome`. */
  advance(job: RestoreJob, outcome: RestoreOutcome, now: Date): RestoreJob {
    const index = runningPhases.indexOf(job.status as (typeof runningPhases)[number]);
    if (index < 0) return job;
    const next = runningPhases[index + 1];
    if (next) {
      job.status = next;
    } else {
      job.status = outcome;
      job.finishedAt = now;
    }
    return job;
  }

  list(): RestoreJob[] {
    return [...this.#jobs.values()].map((j) => ({ ...j }));
  }

  reset(): void {
    this.#jobs.clear();
    this.#next = 0n;
  }
}

function selfLink(job: RestoreJob, exampleHref: string): string {
  // The example's href with this job's project, cluster and id in it (origin and path shape from the spec).
  return exampleHref
    .replace(`/groups/${exampleProject}/`, `/groups/${job.groupId}/`)
    .replace(`/${exampleCluster}/`, `/${encodeURIComponent(job.clusterName)}/`)
    .replace(exampleIdAtEnd, `/${job.id}`);
}

/** The body of a job, shaped like the spec's example of the matching operation and phase. */
export function restoreJobBody(job: RestoreJob): TenantRestore | FlexBackupRestoreJob {
  const finished = job.status === 'COMPLETED';
  const base = finished ? examples[job.api].finished : examples[job.api].started;
  const body: Record<string, unknown> = { ...base };
  const href = required(base.links?.[0]?.href, 'links[0].href');
  body.id = job.id;
  body.links = [{ ...base.links?.[0], href: selfLink(job, href) }];
  body.projectId = job.groupId;
  if (job.api === 'tenant') body.clusterName = job.clusterName;
  else body.instanceName = job.clusterName;
  body.snapshotId = job.snapshotId;
  body.targetDeploymentItemName = job.targetDeploymentItemName;
  body.targetProjectId = job.targetProjectId;
  body.restoreScheduledDate = isoSeconds(job.scheduledAt);
  body.status = job.status;
  if (finished && job.finishedAt) {
    const expires = new Date(job.finishedAt.getTime() + linkLifetimeMs);
    const exampleExpiry = required(base.expirationDate, 'expirationDate');
    body.restoreFinishedDate = isoSeconds(job.finishedAt);
    body.expirationDate = isoSeconds(expires);
    body.snapshotUrl = required(base.snapshotUrl, 'snapshotUrl')
      .replace(`/${exampleId}/`, `/${job.id}/`)
      .replace(`/${exampleCluster}-`, `/${encodeURIComponent(job.clusterName)}-`)
      .replace(`expires=${Date.parse(exampleExpiry) / 1000}`, `expires=${Math.floor(expires.getTime() / 1000)}`);
  }
  return body as TenantRestore | FlexBackupRestoreJob;
}
