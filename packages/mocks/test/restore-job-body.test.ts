// The fast paths of a job's body give exactly what the plain computation gives: ids counted in
// two 48-bit halves = BigInt arithmetic modulo 2^96, the self link cut once = the example's href
// with the values put in, and remembered ISO seconds = a fresh toISOString for any clock.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idAfterExample, RestoreJobStore, restoreJobBody } from '../src/restore-jobs.ts';
import { operationSpecs } from '../src/spec.ts';
import { example } from './support.ts';

const seed = { seed: Number(process.env.FC_SEED ?? 20251201) };
const byBigInt = (n: number) =>
  ((BigInt(`0x${example.jobId}`) + BigInt(n)) % (1n << 96n)).toString(16).padStart(24, '0');
const isoSeconds = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;

describe('restore-job ids', () => {
  it('n steps after the example id, as BigInt arithmetic gives it (carries included)', () => {
    const low = Number.parseInt(example.jobId.slice(12), 16);
    const carry = 2 ** 48 - low;
    for (const n of [0, 1, 15, 16, 255, 0xffffff, 0x1000000, carry - 1, carry, carry + 1, 2 ** 50]) {
      expect(idAfterExample(n), String(n)).toBe(byBigInt(n));
    }
    expect(idAfterExample(0)).toBe(example.jobId);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 52 }), (n) => idAfterExample(n) === byBigInt(n)),
      seed,
    );
  });

  it('a store hands out the sequence, skipping ids a seed already took', () => {
    const store = new RestoreJobStore();
    store.create({ api: 'tenant', id: byBigInt(1) }, new Date(0));
    expect([store.nextId(), store.nextId(), store.nextId()]).toEqual([byBigInt(0), byBigInt(2), byBigInt(3)]);
  });
});

describe('restore-job bodies', () => {
  const exampleHref = (api: 'tenant' | 'flex', finished: boolean) => {
    const id = {
      tenant: ['downloadClusterBackupTenant', 'getBackupTenantRestore'],
      flex: ['downloadFlexBackup', 'getFlexRestoreJob'],
    } as const;
    return operationSpecs[id[api][finished ? 1 : 0]].example.links[0].href as string;
  };
  // The plain computation: the example's href with the job's project, cluster and id put in.
  const expectedHref = (href: string, job: { groupId: string; clusterName: string; id: string }) =>
    href
      .replace(`/groups/${example.groupId}/`, () => `/groups/${job.groupId}/`)
      .replace(`/${example.clusterName}/`, () => `/${encodeURIComponent(job.clusterName)}/`)
      .replace(new RegExp(`/${example.jobId}$`), () => `/${job.id}`);

  it('self links and dates equal the plain computation, for any values and clock', () => {
    const name = fc.string({ minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(
        fc.constantFrom('tenant' as const, 'flex' as const),
        fc.stringMatching(/^[a-f0-9]{24}$/),
        name,
        fc.constantFrom<'PENDING' | 'COMPLETED'>('PENDING', 'COMPLETED'),
        fc.array(fc.integer({ min: 0, max: 4_102_444_800_000 }), { minLength: 1, maxLength: 8 }),
        (api, groupId, clusterName, status, times) => {
          const store = new RestoreJobStore();
          for (const ms of times) {
            const at = new Date(ms);
            const job = store.create({ api, groupId, clusterName, status }, at);
            const body = restoreJobBody(job) as Record<string, any>;
            expect(body.links[0].href).toBe(expectedHref(exampleHref(api, status === 'COMPLETED'), job));
            expect(body.restoreScheduledDate).toBe(isoSeconds(at));
            if (status === 'COMPLETED') expect(body.restoreFinishedDate).toBe(isoSeconds(at));
          }
        },
      ),
      { ...seed, numRuns: 300 },
    );
  });

  it('dates follow a clock that moves within and across seconds', () => {
    const store = new RestoreJobStore();
    const t0 = Date.parse('2025-12-01T12:00:00Z');
    for (const offset of [0, 400, 999, 1000, 1001, 59_999, 60_000, 400, 0, -1]) {
      const at = new Date(t0 + offset);
      expect(restoreJobBody(store.create({ api: 'tenant' }, at)).restoreScheduledDate, String(offset)).toBe(
        isoSeconds(at),
      );
    }
  });
});
