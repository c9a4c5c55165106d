// The snapshots of Flex clusters, for listFlexBackupSnapshots and getFlexBackupSnapshot. Every Flex
// cluster starts with the snapshots of the spec's listing example (three finished daily snapshots;
// the newest is the snapshot of the download example), shaped for that project and cluster; a seed
// replaces a cluster's list (an empty list: a cluster with no snapshot yet). Newest first, as Atlas
// lists them.
import { operations } from '@atlas-kit/openapi';
import { examples } from '@atlas-kit/openapi/examples';
import type { components } from '@atlas-kit/openapi/types';
import { BoundedMap } from './bounded-map.ts';
import { specServerUrl } from './spec.ts';

export type FlexBackupSnapshot = components['schemas']['FlexBackupSnapshot20241113'];
export type FlexBackupSnapshotPage = components['schemas']['PaginatedApiAtlasFlexBackupSnapshot20241113'];

export interface SeedFlexSnapshots {
  /** Default: the project of the spec's examples. */
  groupId?: string;
  /** The Flex cluster (`name` in the path). Default: the cluster of the spec's examples. */
  clusterName?: string;
  /** Newest first. Each: any FlexBackupSnapshot fields; `id` and `status` are required. */
  snapshots: ReadonlyArray<{ id: string; status: string } & Partial<FlexBackupSnapshot>>;
}

const listExample = examples.listFlexBackupSnapshots.success as unknown as FlexBackupSnapshotPage;
const exampleSnapshots = (listExample.results ?? []) as FlexBackupSnapshot[];
const firstHref = exampleSnapshots[0]?.links?.[0]?.href ?? '';
// `https://…/groups/<project>/flexClusters/<cluster>/backup/snapshots/<id>`: the example's project and cluster.
const exampleRoute = /\/groups\/([^/]+)\/flexClusters\/([^/]+)\/backup\/snapshots\//.exec(firstHref);
if (!exampleRoute) throw new Error("the spec's snapshot listing example has no self link to take its route from");
const [, exampleProject = '', exampleCluster = ''] = exampleRoute;
const hex24 = /^[a-f0-9]{24}$/;

/** The path of a cluster's snapshot listing, under the spec's server (where Atlas's links point). */
export const listingHref = (groupId: string, clusterName: string) =>
  `${specServerUrl}${operations.listFlexBackupSnapshots.path.replace('{groupId}', groupId).replace('{name}', encodeURIComponent(clusterName))}`;

const shaped = (s: FlexBackupSnapshot, groupId: string, clusterName: string): FlexBackupSnapshot => ({
  ...s,
  links: [{ href: `${listingHref(groupId, clusterName)}/${s.id}`, rel: 'self' }],
});

/** A seed from JavaScript (a Pact state handler's JSON): a TypeError naming the key for a bad value. */
export function checkSnapshotSeed(input: unknown): SeedFlexSnapshots {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new TypeError(`seedFlexSnapshots takes an object such as {snapshots: []}, got ${JSON.stringify(input)}`);
  }
  const seed = input as Record<string, unknown>;
  for (const key of Object.keys(seed)) {
    if (!['groupId', 'clusterName', 'snapshots'].includes(key)) {
      throw new TypeError(`seedFlexSnapshots.${key.slice(0, 40)} is unknown; use groupId, clusterName, snapshots`);
    }
  }
  for (const key of ['groupId', 'clusterName'] as const) {
    if (seed[key] !== undefined && (typeof seed[key] !== 'string' || seed[key] === '')) {
      throw new TypeError(`seedFlexSnapshots.${key} must be a non-empty string, got ${JSON.stringify(seed[key])}`);
    }
  }
  if (!Array.isArray(seed.snapshots)) {
    throw new TypeError(`seedFlexSnapshots.snapshots must be an array, got ${JSON.stringify(seed.snapshots)}`);
  }
  seed.snapshots.forEach((s: unknown, i: number) => {
    const snapshot = s as Record<string, unknown> | null;
    if (typeof snapshot?.id !== 'string' || !hex24.test(snapshot.id)) {
      throw new TypeError(`seedFlexSnapshots.snapshots[${i}].id must be 24 hexadecimal digits`);
    }
    if (typeof snapshot.status !== 'string' || snapshot.status === '') {
      throw new TypeError(`seedFlexSnapshots.snapshots[${i}].status must be a non-empty string`);
    }
  });
  return seed as unknown as SeedFlexSnapshots;
}

export class SnapshotStore {
  readonly #seeded: BoundedMap<string, FlexBackupSnapshot[]>;

  constructor(maxClusters: number) {
    this.#seeded = new BoundedMap(maxClusters);
  }

  /** The cluster's snapshots, newest first. */
  list(groupId: string, clusterName: string): FlexBackupSnapshot[] {
    const seeded = this.#seeded.get(`${groupId}\u0000${clusterName}`);
    return (seeded ?? exampleSnapshots).map((s) => shaped(s, groupId, clusterName));
  }

  find(groupId: string, clusterName: string, id: string): FlexBackupSnapshot | undefined {
    const seeded = this.#seeded.get(`${groupId}\u0000${clusterName}`);
    const snapshot = (seeded ?? exampleSnapshots).find((s) => s.id === id);
    return snapshot && shaped(snapshot, groupId, clusterName);
  }

  seed(seed: SeedFlexSnapshots): FlexBackupSnapshot[] {
    const groupId = seed.groupId ?? exampleProject;
    const clusterName = seed.clusterName ?? exampleCluster;
    this.#seeded.set(
      `${groupId}\u0000${clusterName}`,
      seed.snapshots.map((s) => ({ ...s })),
    );
    return this.list(groupId, clusterName);
  }

  reset(): void {
    this.#seeded.clear();
  }
}
