import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { operationIds } from '@atlas-kit/openapi';
import { describe, expect, it } from 'vitest';
import { type CheckInput, checkDrift, type DriftReport, type OperationReport } from '../src/check.ts';
import { defaultBaselines } from '../src/facts.ts';
import { parseOpenApi } from '../src/parse.ts';
import { triples, UPSTREAM } from './helpers.ts';

const MT = 'application/vnd.atlas.2023-01-01+json';
const docs = new Map<string, ReturnType<typeof parseOpenApi>>();
const upstream = (file: string) => {
  let doc = docs.get(file);
  if (!doc) {
    doc = parseOpenApi(gunzipSync(readFileSync(file)).toString('utf8'), file);
    docs.set(file, doc);
  }
  return doc;
};

function check(file: string, now: string, more: Partial<CheckInput> = {}): DriftReport {
  return checkDrift({
    baselines: defaultBaselines().map(({ file: f, doc }) => ({ doc, source: f })),
    upstreams: [{ doc: upstream(file), source: file }],
    now: new Date(`${now}T00:00:00Z`),
    ...more,
  }).report;
}

const op = (report: DriftReport, id: string): OperationReport => {
  const found = report.operations.find((o) => o.operationId === id);
  if (!found) throw new Error(`no ${id} in the report`);
  return found;
};

describe('every pinned operation against the vendored upstream snapshots', () => {
  it('checks every operation of the compiled fragments in one report, the Flex ones included', () => {
    const report = check(UPSTREAM['2026-08-13'], '2026-08-13');
    expect(report.operations.map((o) => o.operationId)).toEqual(operationIds);
    expect(operationIds).toEqual(
      expect.arrayContaining(['downloadFlexBackup', 'getFlexRestoreJob', 'listFlexBackupSnapshots']),
    );
  });

  it("2026-08-13 (today's upstream): green — the tenant operations are gone after their sunset, Flex is intact", () => {
    const report = check(UPSTREAM['2026-08-13'], '2026-08-13');
    expect(report.breaking).toBe(false);
    expect(report.verdict).toBe('warning');
    for (const id of ['downloadClusterBackupTenant', 'getBackupTenantRestore']) {
      const tenant = op(report, id);
      expect(triples(tenant.changes)).toEqual(['warning operation-removed-after-sunset operation']);
      expect(tenant.lifecycle).toMatchObject({ phase: 'removed', sunset: '2026-01-22', daysElapsed: 203 });
      expect(tenant.lifecycle.replacement?.foundUpstream).toBe(true);
    }
    expect(op(report, 'downloadClusterBackupTenant').changes[0]?.message).toContain('migrate to downloadFlexBackup');
    for (const id of ['downloadFlexBackup', 'getFlexRestoreJob', 'listFlexBackupSnapshots', 'getFlexBackupSnapshot']) {
      expect(op(report, id)).toMatchObject({
        verdict: 'ok',
        changes: [],
        upstream: { found: true, matchedBy: 'path' },
      });
    }
    expect(report.migrationNotice).toBe(true);
  });

  it('--strict-lifecycle keeps the removal breaking', () => {
    const report = check(UPSTREAM['2026-08-13'], '2026-08-13', { strictLifecycle: true });
    expect(report.breaking).toBe(true);
    expect(op(report, 'downloadClusterBackupTenant').changes[0]?.severity).toBe('breaking');
    expect(op(report, 'downloadFlexBackup').verdict).toBe('ok');
  });

  it('a caller list: breaking while a caller of a removed operation remains, named in the report; a warning when none does', () => {
    const callers = [
      { file: 'src/jobs/backup.ts', line: 41, column: 9, operationId: 'getBackupTenantRestore' },
      { file: 'src/jobs/flex.ts', line: 7, column: 3, operationId: 'downloadFlexBackup' },
    ];
    const report = check(UPSTREAM['2026-08-13'], '2026-08-13', { callers });
    expect(report.breaking).toBe(true);
    const poll = op(report, 'getBackupTenantRestore');
    expect(poll.changes[0]).toMatchObject({ severity: 'breaking', kind: 'operation-removed-after-sunset' });
    expect(poll.changes[0]?.message).toContain('1 caller still calls it (src/jobs/backup.ts:41:9)');
    expect(poll.lifecycle.callers).toEqual({ count: 1, first: [callers[0]] });
    const download = op(report, 'downloadClusterBackupTenant');
    expect(download.changes[0]).toMatchObject({ severity: 'warning' });
    expect(download.changes[0]?.message).toContain('no callers remain');
  });

  it('2026-03-05 (last state before removal): past its sunset, never a bare "no breaking change"', () => {
    // The snapshot listing of that day did not yet require `results` (today's does): that one
    // difference is breaking, against the pinned fragment of today. The tenant operations are the point here.
    expect(triples(op(check(UPSTREAM['2026-03-05'], '2026-03-05'), 'listFlexBackupSnapshots').changes)).toEqual([
      `breaking response-property-became-optional responses.200.content[application/vnd.atlas.2024-11-13+json].schema.results`,
    ]);
    const report = check(UPSTREAM['2026-03-05'], '2026-03-05', {
      operations: ['downloadClusterBackupTenant', 'getBackupTenantRestore', 'downloadFlexBackup', 'getFlexRestoreJob'],
    });
    expect(report.breaking).toBe(false);
    const tenant = op(report, 'downloadClusterBackupTenant');
    expect(tenant.verdict).toBe('warning');
    expect(tenant.lifecycle.phase).toBe('past-sunset');
    // the SDK transform drops envelope/pretty and the enums that the pinned fragment restores
    expect(triples(tenant.changes)).toEqual(
      triples([
        { severity: 'warning', kind: 'operation-past-sunset', location: 'operation.x-sunset' },
        { severity: 'warning', kind: 'request-parameter-removed', location: 'parameters.query.envelope' },
        { severity: 'warning', kind: 'request-parameter-removed', location: 'parameters.query.pretty' },
        {
          severity: 'warning',
          kind: 'response-property-enum-removed',
          location: `responses.200.content[${MT}].schema.deliveryType`,
        },
        {
          severity: 'warning',
          kind: 'response-property-enum-removed',
          location: `responses.200.content[${MT}].schema.status`,
        },
      ]),
    );
  });

  it('2026-03-05 before the sunset: the tenant download only deprecated', () => {
    const tenant = op(check(UPSTREAM['2026-03-05'], '2026-01-10'), 'downloadClusterBackupTenant');
    expect(tenant.lifecycle).toMatchObject({
      deprecated: true,
      sunset: '2026-01-22',
      daysRemaining: 12,
      phase: 'deprecated',
    });
  });

  it('2025-06-30: the earlier sunset upstream is breaking, both dates reported with whose they are', () => {
    const report = check(UPSTREAM['2025-06-30'], '2026-01-10');
    const tenant = op(report, 'downloadClusterBackupTenant');
    expect(tenant.upstream).toMatchObject({
      found: true,
      matchedBy: 'path',
      operationId: 'downloadSharedClusterBackup',
    });
    expect(triples(tenant.changes)).toEqual(
      triples([
        { severity: 'breaking', kind: 'sunset-moved-earlier', location: 'operation.x-sunset' },
        {
          severity: 'warning',
          kind: 'response-optional-header-removed',
          location: 'responses.200.headers.RateLimit-Limit',
        },
        {
          severity: 'warning',
          kind: 'response-optional-header-removed',
          location: 'responses.200.headers.RateLimit-Remaining',
        },
        { severity: 'info', kind: 'operation-id-changed', location: 'operation.operationId' },
        { severity: 'info', kind: 'response-non-success-status-removed', location: 'responses.429' },
        // ApiError.parameters items: `{}` in the fragment, `{type: object}` in 2025-06-30 — a narrower response
        {
          severity: 'info',
          kind: 'response-property-type-narrowed',
          location: 'responses.400.content[application/json].schema.parameters[]',
        },
      ]),
    );
    expect(tenant.lifecycle).toMatchObject({
      sunset: '2026-01-15',
      sunsets: { upstream: '2026-01-15', kit: '2026-01-22' },
    });
  });

  it('2026-08-13 checked before the sunset date: removed before its sunset is breaking', () => {
    const tenant = op(check(UPSTREAM['2026-08-13'], '2026-01-02'), 'downloadClusterBackupTenant');
    expect(triples(tenant.changes)).toEqual(['breaking operation-removed-before-sunset operation']);
    expect(tenant.changes[0]?.message).toContain('removed 20 days before its sunset date 2026-01-22');
  });

  it('a breaking change in a live Flex operation turns the run red', () => {
    const doc = structuredClone(upstream(UPSTREAM['2026-08-13']));
    const path = '/api/atlas/v2/groups/{groupId}/flexClusters/{name}/backup/download';
    const flex = doc.paths[path].post;
    flex.responses = Object.fromEntries(Object.entries(flex.responses).filter(([status]) => status !== '200'));
    const report = checkDrift({
      baselines: defaultBaselines().map(({ file, doc: d }) => ({ doc: d, source: file })),
      upstreams: [{ doc, source: 'edited' }],
      now: new Date('2026-08-13T00:00:00Z'),
    }).report;
    expect(report.breaking).toBe(true);
    expect(op(report, 'downloadFlexBackup').changes.map((c) => `${c.severity} ${c.kind}`)).toContain(
      'breaking response-success-status-removed',
    );
  });
});
