import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  deriveFacts,
  FactsError,
  factsFile,
  generateFactsModule,
  readFragment,
  sourceFiles,
} from '../scripts/facts-from-specs.ts';
import {
  deprecatedOperation,
  deprecatedOperationDescription,
  deprecationDate,
  replacementOperation,
  restoreJobPolls,
  sunsetDate,
} from '../src/index.ts';

async function loadFragments(): Promise<Record<string, any>> {
  const out: Record<string, any> = {};
  for (const f of sourceFiles()) out[f] = await readFragment(f);
  return out;
}

describe('generated facts', () => {
  it('src/generated/facts.ts is what the generator makes of specs/ today (run `pnpm --filter @atlas-kit/migration-notice generate` if not)', async () => {
    const fresh = await generateFactsModule();
    const onDisk = await readFile(factsFile, 'utf8');
    expect(onDisk).toBe(fresh);
  });

  it('carries the "do not edit" header naming its sources', async () => {
    const onDisk = await readFile(factsFile, 'utf8');
    expect(onDisk.split('\n')[0]).toMatch(/^\/\/ generated from specs\/tenant-download\.yaml, .* — do not edit\.$/);
    expect(onDisk).toContain('} as const;');
  });

  it('exposes the deprecated operation as the contract describes it', () => {
    expect(deprecatedOperation).toMatchObject({
      operationId: 'downloadClusterBackupTenant',
      formerOperationIds: ['downloadSharedClusterBackup'],
      docsOperationId: 'downloadGroupClusterBackupTenant',
      method: 'POST',
      path: '/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/tenant/download',
      resourceVersion: '2023-01-01',
      mediaType: 'application/vnd.atlas.2023-01-01+json',
      deprecated: true,
      sunset: '2026-01-22',
    });
    expect(deprecatedOperation.docsUrl).toMatch(/\/operation\/downloadGroupClusterBackupTenant$/);
  });

  it('exposes the replacement and the polls', () => {
    expect(replacementOperation).toMatchObject({
      operationId: 'downloadFlexBackup',
      method: 'POST',
      path: '/api/atlas/v2/groups/{groupId}/flexClusters/{name}/backup/download',
      resourceVersion: '2024-11-13',
      mediaType: 'application/vnd.atlas.2024-11-13+json',
      requestSchema: 'FlexBackupSnapshotDownloadCreate20241113',
      responseSchema: 'FlexBackupRestoreJob20241113',
    });
    expect(replacementOperation.docsUrl).toMatch(
      /^https:\/\/www\.mongodb\.com\/docs\/.*\/operation\/downloadFlexBackup$/,
    );
    expect(restoreJobPolls.tenant).toMatchObject({
      operationId: 'getBackupTenantRestore',
      method: 'GET',
      path: '/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/tenant/restores/{restoreId}',
      resourceVersion: '2023-01-01',
      mediaType: 'application/vnd.atlas.2023-01-01+json',
      deprecated: true,
      sunset: '2026-01-22',
    });
    expect(restoreJobPolls.flex).toMatchObject({
      operationId: 'getFlexRestoreJob',
      method: 'GET',
      path: '/api/atlas/v2/groups/{groupId}/flexClusters/{name}/backup/restoreJobs/{restoreJobId}',
      resourceVersion: '2024-11-13',
      mediaType: 'application/vnd.atlas.2024-11-13+json',
      deprecated: false,
    });
  });

  it('sunsetDate is UTC midnight of x-sunset; deprecationDate is the documented evidence day', () => {
    expect(sunsetDate.toISOString()).toBe('2026-01-22T00:00:00.000Z');
    expect(deprecationDate.toISOString()).toBe('2025-06-30T00:00:00.000Z');
  });

  it('the fragment description backs the tiers the notice names', () => {
    // The notice's tier list (messages/*) restates this sentence; if upstream wording changes, revisit it.
    expect(deprecatedOperationDescription).toMatch(/Flex clusters that were created using the \[Create Cluster\]/);
    expect(deprecatedOperationDescription).toMatch(/former M2\/M5 clusters that have been migrated to Flex clusters/);
  });
});

describe('generator fails loudly on a missing or contradictory fact', () => {
  const cases: Array<[string, (f: Record<string, any>) => void, RegExp]> = [
    [
      'no x-sunset',
      (f) =>
        delete f['tenant-download.yaml'].paths[Object.keys(f['tenant-download.yaml'].paths)[0] as string].post[
          'x-sunset'
        ],
      /specs\/tenant-download\.yaml: downloadClusterBackupTenant x-sunset: expected YYYY-MM-DD/,
    ],
    [
      'malformed x-sunset',
      (f) => {
        Object.values<any>(f['tenant-download.yaml'].paths)[0].post['x-sunset'] = 'January 2026';
      },
      /x-sunset: expected YYYY-MM-DD, got "January 2026"/,
    ],
    [
      'no x-xgen-docs-url',
      (f) => delete Object.values<any>(f['tenant-download.yaml'].paths)[0].post['x-xgen-docs-url'],
      /downloadClusterBackupTenant x-xgen-docs-url: missing/,
    ],
    [
      'not deprecated',
      (f) => {
        Object.values<any>(f['tenant-download.yaml'].paths)[0].post.deprecated = false;
      },
      /expected `deprecated: true`/,
    ],
    [
      'externalDocs pointing at an operation the flex fragment lacks',
      (f) => {
        Object.values<any>(f['tenant-download.yaml'].paths)[0].post.externalDocs.url =
          'https://www.mongodb.com/docs/x/#tag/Flex-Snapshots/operation/downloadSomethingElse';
      },
      /specs\/flex-backup\.yaml: paths: expected exactly one operation "downloadSomethingElse", found 0/,
    ],
    [
      'request and response media types disagree',
      (f) => {
        const op = Object.values<any>(f['tenant-download.yaml'].paths)[0].post;
        op.requestBody.content = {
          'application/vnd.atlas.2024-01-01+json': op.requestBody.content['application/vnd.atlas.2023-01-01+json'],
        };
      },
      /request media type application\/vnd\.atlas\.2024-01-01\+json differs/,
    ],
    [
      'x-xgen-version contradicting the media type',
      (f) => {
        const op = Object.values<any>(f['flex-backup.yaml'].paths)[0].post;
        op.responses['200'].content['application/vnd.atlas.2024-11-13+json']['x-xgen-version'] = '2025-01-01';
      },
      /specs\/flex-backup\.yaml: downloadFlexBackup: x-xgen-version 2025-01-01 disagrees/,
    ],
    [
      'the poll missing',
      (f) => {
        f['tenant-restores.yaml'].paths = {};
      },
      /specs\/tenant-restores\.yaml: paths: expected exactly one operation "getBackupTenantRestore", found 0/,
    ],
  ];
  for (const [name, mutate, message] of cases) {
    it(name, async () => {
      const fragments = structuredClone(await loadFragments());
      mutate(fragments);
      expect(() => deriveFacts(fragments)).toThrow(FactsError);
      expect(() => deriveFacts(fragments)).toThrow(message);
    });
  }

  it('names an unreadable or invalid fragment file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mn-specs-'));
    try {
      const url = pathToFileURL(`${dir}/`);
      await expect(generateFactsModule(url)).rejects.toThrow(/specs\/tenant-download\.yaml: cannot read \(ENOENT\)/);
      for (const f of sourceFiles()) await writeFile(join(dir, f), 'paths: [unclosed');
      await expect(generateFactsModule(url)).rejects.toThrow(/specs\/tenant-download\.yaml: not valid YAML/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
