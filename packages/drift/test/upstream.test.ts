import { describe, expect, it } from 'vitest';
import { checkDrift, type DriftReport } from '../src/check.ts';
import { DEFAULT_BASELINE } from '../src/cli.ts';
import { loadDocument } from '../src/load.ts';
import { triples, UPSTREAM } from './helpers.ts';

const MT = 'application/vnd.atlas.2023-01-01+json';

async function check(file: string, now: string): Promise<DriftReport> {
  const baseline = await loadDocument(DEFAULT_BASELINE);
  const upstream = await loadDocument(file);
  return checkDrift({
    baseline: baseline.doc,
    baselineSource: 'specs/tenant-download.yaml',
    upstream: upstream.doc,
    upstreamSource: file,
    now: new Date(`${now}T00:00:00Z`),
  }).report;
}

describe('against the real upstream files in ../shared/upstream', () => {
  it('2026-03-05 (last state before removal): no breaking change', async () => {
    const report = await check(UPSTREAM['2026-03-05'], '2026-01-10');
    expect(report.breaking).toBe(false);
    expect(report.operation.upstream).toMatchObject({
      found: true,
      matchedBy: 'path',
      operationId: 'downloadClusterBackupTenant',
    });
    // the SDK transform drops envelope/pretty and the enums that the pinned fragment restores
    expect(triples(report.changes)).toEqual(
      triples([
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
    expect(report.lifecycle).toMatchObject({
      deprecated: true,
      sunset: '2026-01-22',
      daysRemaining: 12,
      phase: 'deprecated',
    });
  });

  it('2025-06-30: its differences from the final state, with their severities', async () => {
    const report = await check(UPSTREAM['2025-06-30'], '2026-01-10');
    expect(report.operation.upstream).toMatchObject({
      found: true,
      matchedBy: 'path',
      operationId: 'downloadSharedClusterBackup',
    });
    expect(triples(report.changes)).toEqual(
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
          kind: 'response-property-type-changed',
          location: 'responses.400.content[application/json].schema.parameters[]',
        },
      ]),
    );
    expect(report.breaking).toBe(true);
    expect(report.changes.find((c) => c.kind === 'sunset-moved-earlier')?.message).toContain(
      '2026-01-22 to 2026-01-15',
    );
    expect(report.lifecycle).toMatchObject({
      sunset: '2026-01-15',
      daysRemaining: 5,
      upstream: { found: true, sunset: '2026-01-15' },
    });
  });

  it('2026-08-13 (today): breaking, removed after its sunset, pointing to downloadFlexBackup', async () => {
    const report = await check(UPSTREAM['2026-08-13'], '2026-08-13');
    expect(report.breaking).toBe(true);
    expect(report.operation.upstream.found).toBe(false);
    expect(triples(report.changes)).toEqual(['breaking operation-removed-after-sunset operation']);
    expect(report.changes[0]?.message).toContain('downloadFlexBackup');
    expect(report.changes[0]?.message).toContain(
      'POST /api/atlas/v2/groups/{groupId}/flexClusters/{name}/backup/download',
    );
    expect(report.lifecycle).toMatchObject({
      phase: 'removed',
      sunset: '2026-01-22',
      daysRemaining: 0,
      daysElapsed: 203,
      replacement: { operationId: 'downloadFlexBackup', foundUpstream: true },
      pinned: { phase: 'sunset', daysElapsed: 203 },
    });
    expect(report.lifecycle.notice).toContain('downloadFlexBackup');
  });

  it('2026-08-13 checked before the sunset date: removed before its sunset', async () => {
    const report = await check(UPSTREAM['2026-08-13'], '2026-01-02');
    expect(triples(report.changes)).toEqual(['breaking operation-removed-before-sunset operation']);
    expect(report.changes[0]?.message).toContain('removed before its sunset date 2026-01-22 (20 days early)');
  });
});
