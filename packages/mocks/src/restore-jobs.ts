// The stateful restore-job flow. A download answers the job as PENDING; each poll of it moves it
// one phase on: QUEUED → RUNNING → COMPLETED (or FAILED). Bodies are the spec's examples with the
// request's values put in: the download example for the running phases, the poll example (a
// finished job) for COMPLETED. Ids are deterministic: the n-th job of a handler set gets the
// example's id plus n (hex), so the first job has exactly the example's id.
//
// The store is bounded: past its cap the oldest job is forgotten (a poll of it then answers 404, as
// for any unknown job).
import type { components } from '@atlas-kit/openapi/types';
import { BoundedMap } from './bounded-map.ts';
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
  /** The snapshot's own finish time, when the mock knows the snapshot (Flex: the cluster's listing). */
  snapshotFinishedDate?: string;
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
const isoSecondsOf = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;

// Answers mostly carry seconds seen just before (a pinned clock, a burst of requests, a finished
// job's three dates): formatting a Date is the costliest step of a body, so recent seconds'
// texts are kept (bounded: a moving clock only ever needs the last few).
const isoBySecond = new Map<number, string>();
const isoSeconds = (d: Date): string => {
  const second = Math.floor(d.getTime() / 1000);
  let iso = isoBySecond.get(second);
  if (iso === undefined) {
    iso = isoSecondsOf(d);
    if (isoBySecond.size >= 64) isoBySecond.clear();
    isoBySecond.set(second, iso);
  }
  return iso;
};

// Ids are 96-bit numbers written as 24 hex digits. They are counted in two 48-bit halves with
// plain numbers: BigInt arithmetic and formatting cost more than the rest of a job's creation.
const half = 2 ** 48;
if (!/^[0-9a-f]{24}$/.test(exampleId)) throw new Error(`the spec's example id is not 24 hex digits: ${exampleId}`);
const firstHigh = Number.parseInt(exampleId.slice(0, 12), 16);
const firstLow = Number.parseInt(exampleId.slice(12), 16);
// Two 24-bit halves: small integers format several times faster than a 48-bit one.
const hex12 = (n: number) =>
  Math.floor(n / 0x1000000)
    .toString(16)
    .padStart(6, '0') + (n % 0x1000000).toString(16).padStart(6, '0');

/** The id `n` steps after the example's, modulo 2^96 (n < 2^52). */
export function idAfterExample(n: number): string {
  const low = firstLow + n;
  const high = (firstHigh + Math.floor(low / half)) % half;
  return hex12(high) + hex12(low % half);
}

const seedKeys = [
  'api',
  'id',
  'groupId',
  'clusterName',
  'snapshotId',
  'targetDeploymentItemName',
  'targetProjectId',
  'status',
] as const;
const statuses: readonly RestoreJobStatus[] = [...runningPhases, 'COMPLETED', 'FAILED'];

/** A seed from JavaScript (a Pact state handler's JSON): a TypeError naming the key for a bad value. */
export function checkSeed(input: unknown): SeedRestoreJob {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new TypeError(`seedRestoreJob takes an object such as {api: 'flex'}, got ${JSON.stringify(input)}`);
  }
  const seed = input as Record<string, unknown>;
  for (const [key, value] of Object.entries(seed)) {
    if (!(seedKeys as readonly string[]).includes(key)) {
      const name = /^\w{1,40}$/.test(key) ? `.${key}` : `[${JSON.stringify(key.slice(0, 40))}]`;
      throw new TypeError(`seedRestoreJob${name} is unknown; use one of ${seedKeys.join(', ')}`);
    }
    if (value !== undefined && typeof value !== 'string') {
      throw new TypeError(`seedRestoreJob.${key} must be a string, got ${JSON.stringify(value)}`);
    }
  }
  if (seed.api !== 'tenant' && seed.api !== 'flex') {
    throw new TypeError(`seedRestoreJob.api must be 'tenant' or 'flex', got ${JSON.stringify(seed.api)}`);
  }
  if (seed.status !== undefined && !statuses.includes(seed.status as RestoreJobStatus)) {
    throw new TypeError(
      `seedRestoreJob.status must be one of ${statuses.join(', ')}, got ${JSON.stringify(seed.status)}`,
    );
  }
  return { ...seed } as unknown as SeedRestoreJob;
}

export class RestoreJobStore {
  readonly #jobs: BoundedMap<string, RestoreJob>;
  #next = 0;

  constructor(maxJobs = 1000) {
    this.#jobs = new BoundedMap(maxJobs);
  }

  nextId(): string {
    for (;;) {
      const id = idAfterExample(this.#next);
      this.#next += 1;
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

  /** The jobs kept, oldest first. */
  list(): RestoreJob[] {
    return [...this.#jobs.values()].map((job) => ({ ...job }));
  }

  reset(): void {
    this.#jobs.clear();
    this.#next = 0;
  }
}

type HrefPart = string | { slot: 'groupId' | 'cluster' | 'id' };

/**
 * The example's href cut where the project, the cluster and the job id go (origin and path shape
 * from the spec), once per example rather than three replaces per answer.
 */
function hrefTemplate(exampleHref: string): HrefPart[] {
  // Braces never appear in the example's URL (they would be percent-encoded), so they mark the slots.
  let marked = exampleHref.replace(`/groups/${exampleProject}/`, '/groups/{groupId}/');
  marked = marked.replace(`/${exampleCluster}/`, '/{cluster}/');
  if (marked.endsWith(`/${exampleId}`)) marked = `${marked.slice(0, -exampleId.length)}{id}`;
  return marked.split(/(\{groupId\}|\{cluster\}|\{id\})/).map((piece): HrefPart => {
    if (piece === '{groupId}') return { slot: 'groupId' };
    if (piece === '{cluster}') return { slot: 'cluster' };
    if (piece === '{id}') return { slot: 'id' };
    return piece;
  });
}

const hrefTemplates = new Map<string, HrefPart[]>();

function selfLink(job: RestoreJob, exampleHref: string): string {
  let parts = hrefTemplates.get(exampleHref);
  if (!parts) {
    parts = hrefTemplate(exampleHref);
    hrefTemplates.set(exampleHref, parts);
  }
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') out += part;
    else if (part.slot === 'groupId') out += job.groupId;
    else if (part.slot === 'cluster') out += encodeURIComponent(job.clusterName);
    else out += job.id;
  }
  return out;
}

/** `expires=<epoch>` as the example's snapshotUrl writes it (from its expirationDate). */
const exampleExpires = (base: TenantRestore | FlexBackupRestoreJob): string =>
  `expires=${Date.parse(required(base.expirationDate, 'expirationDate')) / 1000}`;

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
  if (job.snapshotFinishedDate !== undefined) body.snapshotFinishedDate = job.snapshotFinishedDate;
  body.status = job.status;
  if (finished && job.finishedAt) {
    const expires = new Date(job.finishedAt.getTime() + linkLifetimeMs);
    body.restoreFinishedDate = isoSeconds(job.finishedAt);
    body.expirationDate = isoSeconds(expires);
    body.snapshotUrl = required(base.snapshotUrl, 'snapshotUrl')
      .replace(`/${exampleId}/`, () => `/${job.id}/`)
      .replace(`/${exampleCluster}-`, () => `/${encodeURIComponent(job.clusterName)}-`)
      .replace(exampleExpires(base), () => `expires=${Math.floor(expires.getTime() / 1000)}`);
  }
  return body as TenantRestore | FlexBackupRestoreJob;
}
