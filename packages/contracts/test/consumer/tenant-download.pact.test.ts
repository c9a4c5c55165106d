// Consumer contract of downloadClusterBackupTenant (POST .../backup/tenant/download), the deprecated
// endpoint, as @atlas-kit/client calls it: the answer it relies on, the deprecation signal, every
// documented error and the sunset. One intent per interaction.
import { AtlasApiError, AtlasRateLimitError, EndpointSunsetError } from '@atlas-kit/client';
import { MatchersV3 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { type TenantErrorStatus, tenantErrorCode } from '../../src/error-facts.ts';
import {
  enumPattern,
  fillPath,
  flexDownload,
  headerExample,
  ids,
  successExample,
  tenantDownload,
} from '../../src/spec-facts.ts';
import { afterSunset, states } from '../../src/states.ts';
import {
  apiErrorBody,
  clientFor,
  errorContentType,
  HEX24,
  HTTP_DATE,
  newPact,
  rejectionOf,
  requestHeaders,
} from './support.ts';

const { regex } = MatchersV3;

const op = tenantDownload;
const pathParams = { groupId: ids.groupId, clusterName: ids.clusterName };
const path = fillPath(op.path, pathParams);
const body = { snapshotId: ids.snapshotId, targetDeploymentItemName: ids.targetDeploymentItemName };
const example = successExample(op);
const dataParams = { groupId: ids.groupId, clusterName: ids.clusterName, snapshotId: ids.snapshotId };

describe('downloadClusterBackupTenant (consumer: @atlas-kit/client)', () => {
  const pact = newPact();

  it('reads the restore job Atlas starts for a ready snapshot', async () => {
    // The fields the client turns into a SnapshotDownloadResult and polls with: matched by their
    // documented formats, not by value, so any real job satisfies the contract.
    await pact
      .addInteraction()
      .given(states.tenantLive)
      .given(states.snapshotReady, dataParams)
      .uponReceiving('a request to download a ready tenant snapshot')
      .withRequest(op.method, path, (b) => b.headers(requestHeaders(op, true)).jsonBody(body))
      .willRespondWith(200, (b) =>
        b.headers({ 'Content-Type': op.mediaType }).jsonBody({
          id: regex(HEX24, String(example.id)),
          clusterName: regex('^[a-zA-Z0-9][a-zA-Z0-9-]*$', String(example.clusterName)),
          snapshotId: regex(HEX24, String(example.snapshotId)),
          status: regex(enumPattern('TenantRestore', 'status'), String(example.status)),
          deliveryType: regex(enumPattern('TenantRestore', 'deliveryType'), String(example.deliveryType)),
        }),
      )
      .executeTest(async (mockServer) => {
        const { client } = clientFor(mockServer);
        const result = await client.downloadClusterBackupTenant(pathParams, body);
        expect(result.status).toBe(200);
        expect(result.data).toMatchObject({ id: example.id, status: example.status, snapshotId: ids.snapshotId });
      });
  });

  it('reads the Deprecation and Sunset headers of a live answer', async () => {
    // Atlas announces a deprecated resource version with Deprecation and Sunset in HTTP-date form;
    // the client turns them into a DeprecationSignal and one deprecation event.
    await pact
      .addInteraction()
      .given(states.tenantLive)
      .given(states.snapshotReady, dataParams)
      .uponReceiving('a tenant snapshot download request, answered with the deprecation signal')
      .withRequest(op.method, path, (b) => b.headers(requestHeaders(op, true)).jsonBody(body))
      .willRespondWith(200, (b) =>
        b
          .headers({
            'Content-Type': op.mediaType,
            Deprecation: regex(HTTP_DATE, headerExample(op, 'Deprecation')),
            Sunset: regex(HTTP_DATE, headerExample(op, 'Sunset')),
          })
          // The body is the previous interaction's concern; the client only needs a job object here.
          .jsonBody({ id: regex(HEX24, String(example.id)) }),
      )
      .executeTest(async (mockServer) => {
        const { client, deprecations } = clientFor(mockServer);
        const result = await client.downloadClusterBackupTenant(pathParams, body);
        expect(result.deprecation?.deprecation).toEqual(new Date(headerExample(op, 'Deprecation')));
        expect(result.deprecation?.sunset).toEqual(new Date(headerExample(op, 'Sunset')));
        expect(deprecations).toHaveLength(1);
        expect(deprecations[0]?.operationId).toBe(op.operationId);
      });
  });

  // Each documented error, with the endpoint-specific code where Atlas documents one. The client
  // must surface status and errorCode as an AtlasApiError (never retry 4xx/5xx except 429).
  const errors: { status: TenantErrorStatus; state: string; description: string }[] = [
    {
      status: 400,
      state: states.downloadInProgress,
      description: 'a tenant snapshot download request while another download of the snapshot runs',
    },
    {
      status: 401,
      state: states.accessDenied,
      description: 'a tenant snapshot download request with credentials denied access',
    },
    {
      status: 403,
      state: states.notProjectOwner,
      description: 'a tenant snapshot download request without the Project Owner role',
    },
    {
      status: 404,
      state: states.snapshotMissing,
      description: 'a request to download a tenant snapshot that does not exist',
    },
    {
      status: 409,
      state: states.snapshotIncomplete,
      description: 'a request to download a tenant snapshot that is still being taken',
    },
    {
      status: 500,
      state: states.backupServiceFails,
      description: 'a tenant snapshot download request when Atlas fails',
    },
  ];
  for (const { status, state, description } of errors) {
    it(`surfaces ${status} ${tenantErrorCode(status)} as an AtlasApiError`, async () => {
      await pact
        .addInteraction()
        .given(states.tenantLive)
        .given(state, dataParams)
        .uponReceiving(description)
        .withRequest(op.method, path, (b) => b.headers(requestHeaders(op, true)).jsonBody(body))
        .willRespondWith(status, (b) =>
          b.headers({ 'Content-Type': errorContentType(status) }).jsonBody(apiErrorBody(status)),
        )
        .executeTest(async (mockServer) => {
          const { client } = clientFor(mockServer);
          const error = await rejectionOf(client.downloadClusterBackupTenant(pathParams, body));
          expect(error).toBeInstanceOf(AtlasApiError);
          expect(error).toMatchObject({ status, errorCode: tenantErrorCode(status), operationId: op.operationId });
        });
    });
  }

  it('surfaces 429 RATE_LIMITED with its Retry-After as an AtlasRateLimitError', async () => {
    // retry: false — the client would otherwise wait Retry-After and try again; one request keeps
    // the interaction deterministic (the retry loop itself is the client's own unit test).
    await pact
      .addInteraction()
      .given(states.tenantLive)
      .given(states.rateLimited, { groupId: ids.groupId })
      .uponReceiving('a tenant snapshot download request over the rate limit')
      .withRequest(op.method, path, (b) => b.headers(requestHeaders(op, true)).jsonBody(body))
      .willRespondWith(429, (b) =>
        b
          .headers({ 'Content-Type': errorContentType(429), 'Retry-After': regex('^\\d+$', '30') })
          .jsonBody(apiErrorBody(429, { literalCode: true })),
      )
      .executeTest(async (mockServer) => {
        const { client } = clientFor(mockServer, { retry: false });
        const error = await rejectionOf(client.downloadClusterBackupTenant(pathParams, body));
        expect(error).toBeInstanceOf(AtlasRateLimitError);
        expect(error).toMatchObject({
          status: 429,
          errorCode: tenantErrorCode(429),
          attempts: 1,
          retryAfterMs: 30_000,
        });
      });
  });

  it('turns 410 VERSION_GONE after the sunset into an EndpointSunsetError', async () => {
    // After x-sunset Atlas answers 410 with VERSION_GONE; the client must say so with the
    // migration notice and the replacement instead of a generic API error.
    await pact
      .addInteraction()
      .given(states.tenantSunset)
      .uponReceiving('a tenant snapshot download request after the sunset')
      .withRequest(op.method, path, (b) => b.headers(requestHeaders(op, true)).jsonBody(body))
      .willRespondWith(410, (b) =>
        b.headers({ 'Content-Type': errorContentType(410) }).jsonBody(apiErrorBody(410, { literalCode: true })),
      )
      .executeTest(async (mockServer) => {
        const { client } = clientFor(mockServer, { now: () => afterSunset });
        const error = await rejectionOf(client.downloadClusterBackupTenant(pathParams, body));
        expect(error).toBeInstanceOf(EndpointSunsetError);
        expect(error).toMatchObject({ status: 410, errorCode: tenantErrorCode(410), sunset: op.lifecycle.sunset });
        expect((error as EndpointSunsetError).replacement?.operationId).toBe(flexDownload.operationId);
      });
  });
});
