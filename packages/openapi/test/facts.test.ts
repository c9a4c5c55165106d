// The compiled facts: what every package reads instead of the spec. Each case pins a fact to the
// spec text it comes from, and the compiler's refusals show that a broken spec stops the build.
import { describe, expect, it } from 'vitest';
import atlasKit from '../generated/documents/atlas-kit.json' with { type: 'json' };
import { compileFacts } from '../scripts/compile/facts.ts';
import { atlas, findOperation, operation, operationIds, operations } from '../src/index.ts';

const doc = atlasKit as Record<string, any>;
const recompile = (edit: (d: Record<string, any>) => void) => {
  const copy = structuredClone(doc);
  edit(copy);
  return () => compileFacts(copy, () => 'test');
};
const tenantPath = '/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/tenant/download';

describe('facts of the API', () => {
  it('the token endpoint and its path relative to the server', () => {
    expect(atlas.oauth.tokenUrl).toBe(doc.components.securitySchemes.ServiceAccounts.flows.clientCredentials.tokenUrl);
    expect(`${atlas.serverUrl}${atlas.oauth.tokenPath}`).toBe(atlas.oauth.tokenUrl);
  });

  it('the generic error code of each status comes from the shared answers and the overlay', () => {
    expect(atlas.errorCodes).toMatchObject({
      400: 'VALIDATION_ERROR',
      401: 'UNAUTHORIZED',
      404: 'RESOURCE_NOT_FOUND',
      406: 'INVALID_VERSION_DATE',
      410: 'VERSION_GONE',
      429: 'RATE_LIMITED',
      500: 'UNEXPECTED_ERROR',
    });
  });

  it('every operation shares the API prefix', () => {
    for (const op of Object.values(operations)) expect(op.path.startsWith(`${atlas.apiPrefix}/groups/`)).toBe(true);
  });
});

describe('facts of one operation', () => {
  it('route, media type and version of the deprecated download', () => {
    const op = operation('downloadClusterBackupTenant');
    expect(op).toMatchObject({
      method: 'POST',
      path: tenantPath,
      mswPath: '/api/atlas/v2/groups/:groupId/clusters/:clusterName/backup/tenant/download',
      version: '2023-01-01',
      mediaType: 'application/vnd.atlas.2023-01-01+json',
      formerOperationIds: ['downloadSharedClusterBackup'],
      fragment: 'tenant-download',
    });
    expect(op.parameters.filter((p) => p.in === 'path').map((p) => p.name)).toEqual(['groupId', 'clusterName']);
    expect(op.requestBody).toMatchObject({
      required: true,
      properties: ['snapshotId', 'targetDeploymentItemName', 'targetProjectId'],
      requiredProperties: ['snapshotId', 'targetDeploymentItemName'],
    });
  });

  it('lifecycle: deprecation, sunset, replacement and the successor link', () => {
    expect(operation('downloadClusterBackupTenant').lifecycle).toEqual({
      deprecated: true,
      sunset: '2026-01-22',
      deprecatedSince: '2025-06-30',
      replacement: 'downloadFlexBackup',
      successorDocs: {
        url: 'https://www.mongodb.com/docs/atlas/reference/api-resources-spec/v2/#tag/Flex-Snapshots/operation/downloadFlexBackup',
        title: 'Download Flex Backup',
      },
    });
    expect(operation('getBackupTenantRestore').lifecycle.replacement).toBe('getFlexRestoreJob');
    expect(operation('downloadFlexBackup').lifecycle).toEqual({ deprecated: false });
  });

  it("an answer's documented error codes: the endpoint's own first, upstream's unrelated examples apart", () => {
    const responses = operation('downloadClusterBackupTenant').responses;
    expect(responses['401'].errorCodes).toEqual(['TENANT_SNAPSHOT_ACCESS_DENIED', 'UNAUTHORIZED']);
    expect(responses['404'].errorCodes[0]).toBe('TENANT_SNAPSHOT_NOT_FOUND');
    expect(responses['403']).toMatchObject({ errorCodes: [], unrelatedErrorCodes: ['CANNOT_CHANGE_GROUP_NAME'] });
    expect(operation('downloadFlexBackup').responses['401'].errorCodes).toEqual(['UNAUTHORIZED']);
  });

  it('the listing operations have their paging parameters with bounds', () => {
    const list = operation('listFlexBackupSnapshots');
    expect(list.parameters.filter((p) => p.in === 'query').map((p) => p.name)).toEqual([
      'includeCount',
      'itemsPerPage',
      'pageNum',
      'envelope',
      'pretty',
    ]);
    expect(list.parameters.find((p) => p.name === 'itemsPerPage')).toMatchObject({ minimum: 1, maximum: 500 });
    expect(findOperation('listFlexBackups')?.operationId).toBe('listFlexBackupSnapshots');
    expect(findOperation('getFlexBackup')?.operationId).toBe('getFlexBackupSnapshot');
  });

  it('an unknown operationId names the known ones', () => {
    expect(() => operation('nope' as never)).toThrow(
      /Unknown operationId "nope"; specs\/ has downloadClusterBackupTenant/,
    );
    expect(operationIds).toHaveLength(6);
  });
});

describe('the compiler refuses a spec it cannot trust', () => {
  it('a deprecated operation without a replacement', () => {
    expect(recompile((d) => delete d.paths[tenantPath].post['x-atlas-kit-replacement'])).toThrow(
      'downloadClusterBackupTenant deprecated, but no x-atlas-kit-replacement',
    );
  });

  it('a replacement that is no operation of specs/', () => {
    expect(recompile((d) => (d.paths[tenantPath].post['x-atlas-kit-replacement'] = 'nope'))).toThrow(
      'downloadClusterBackupTenant: replacement nope is not an operation of specs/',
    );
  });

  it('a sunset that is no day', () => {
    expect(recompile((d) => (d.paths[tenantPath].post['x-sunset'] = 'soon'))).toThrow(
      'downloadClusterBackupTenant x-sunset: expected a day as YYYY-MM-DD, got "soon"',
    );
  });

  it('a path parameter the operation does not declare', () => {
    expect(
      recompile((d) => {
        d.paths[tenantPath].post.parameters = d.paths[tenantPath].post.parameters.filter(
          (p: { name?: string }) => p.name !== 'clusterName',
        );
      }),
    ).toThrow('downloadClusterBackupTenant path parameter {clusterName} is not declared');
  });

  it('an example whose errorCode is not its name', () => {
    expect(
      recompile((d) => {
        d.components.examples.UNAUTHORIZED.value.errorCode = 'OTHER';
      }),
    ).toThrow(/examples\/UNAUTHORIZED: the example's errorCode is "OTHER"/);
  });

  it('shared answers that disagree on the generic code of a status', () => {
    expect(
      recompile((d) => {
        d.paths[tenantPath].post.responses['429'] = {
          content: { 'application/json': { example: { error: 429, errorCode: 'SLOW_DOWN', detail: 'x' } } },
        };
        d.components.responses.tooManyRequests.content['application/json'].examples = {
          SLOW_DOWN: { value: { error: 429, errorCode: 'SLOW_DOWN', detail: 'x' } },
        };
        d.paths['/api/atlas/v2/groups/{groupId}/flexClusters/{name}/backup/download'].post.responses['429'] = {
          $ref: '#/components/responses/badRequest',
        };
      }),
    ).toThrow(/HTTP 429: the shared answers name/);
  });
});
