// Type tests of the options and scenario API: statuses come from the spec's generated types.
import type { HttpHandler } from 'msw';
import { describe, expectTypeOf, it } from 'vitest';
import {
  type AnswerContext,
  type AnswerStep,
  type AtlasControl,
  type AtlasMockOptions,
  type AtlasScenario,
  answerSteps,
  createAtlasHandlers,
  type DocumentedErrorCode,
  type ErrorStatus,
  type OperationScenario,
  type Reply,
} from '../src/index.ts';
import { type AtlasHttpServer, setupAtlasServer, startAtlasHttpServer } from '../src/node.ts';

describe('scenario types', () => {
  it('selectable statuses are the documented ones, per operation', () => {
    expectTypeOf<ErrorStatus<'downloadClusterBackupTenant'>>().toEqualTypeOf<
      400 | 401 | 403 | 404 | 406 | 409 | 410 | 429 | 500
    >();
    expectTypeOf<ErrorStatus<'getBackupTenantRestore'>>().toEqualTypeOf<
      400 | 401 | 403 | 404 | 406 | 410 | 429 | 500
    >();
    expectTypeOf<ErrorStatus<'downloadFlexBackup'>>().toEqualTypeOf<400 | 401 | 403 | 404 | 406 | 409 | 429 | 500>();
    expectTypeOf<ErrorStatus<'getFlexRestoreJob'>>().toEqualTypeOf<400 | 401 | 403 | 404 | 406 | 429 | 500>();
  });

  it('documented endpoint codes are typed', () => {
    expectTypeOf<DocumentedErrorCode<'downloadClusterBackupTenant', 404>>().toEqualTypeOf<
      'TENANT_SNAPSHOT_NOT_FOUND' | 'CLUSTER_NOT_FOUND' | 'RESOURCE_NOT_FOUND'
    >();
    expectTypeOf<
      DocumentedErrorCode<'downloadClusterBackupTenant', 409>
    >().toEqualTypeOf<'CANNOT_DOWNLOAD_INCOMPLETE_SNAPSHOT'>();
    expectTypeOf<DocumentedErrorCode<'downloadFlexBackup', 404>>().toEqualTypeOf<'RESOURCE_NOT_FOUND'>();
    expectTypeOf<DocumentedErrorCode<'downloadFlexBackup', 403>>().toEqualTypeOf<never>();
  });

  it('accepts documented scenarios and refuses the rest', () => {
    const ok: AtlasScenario = {
      downloadClusterBackupTenant: { status: 404, errorCode: 'CLUSTER_NOT_FOUND' },
      getBackupTenantRestore: { status: 200 },
      downloadFlexBackup: { status: 429, retryAfter: 30 },
      getFlexRestoreJob: { status: 500, detail: 'boom' },
      restoreOutcome: 'FAILED',
      latencyMs: 10,
    };
    expectTypeOf(ok).toExtend<AtlasScenario>();
    // @ts-expect-error 409 is not documented for getFlexRestoreJob
    const no409: AtlasScenario = { getFlexRestoreJob: { status: 409 } };
    // @ts-expect-error 418 is documented nowhere
    const teapot: OperationScenario<'downloadFlexBackup'> = { status: 418 };
    // @ts-expect-error retryAfter belongs to 429 only
    const retry: AtlasScenario = { downloadFlexBackup: { status: 404, retryAfter: 3 } };
    // @ts-expect-error not an outcome
    const outcome: AtlasScenario = { restoreOutcome: 'RUNNING' };
    // @ts-expect-error unknown operation
    const unknown: AtlasScenario = { downloadSharedClusterBackup: { status: 404 } };
    void [no409, teapot, retry, outcome, unknown];
  });
});

describe('API shapes', () => {
  it('createAtlasHandlers', () => {
    expectTypeOf(createAtlasHandlers).parameter(0).toEqualTypeOf<AtlasMockOptions | undefined>();
    expectTypeOf(createAtlasHandlers).returns.toEqualTypeOf<{ handlers: HttpHandler[]; atlas: AtlasControl }>();
    expectTypeOf<AtlasMockOptions['clock']>().toEqualTypeOf<(() => Date) | undefined>();
    expectTypeOf<AtlasMockOptions['unmatched']>().toEqualTypeOf<'not-found' | 'unhandled' | undefined>();
    expectTypeOf<AtlasControl['setScenario']>().parameter(0).toEqualTypeOf<AtlasScenario>();
    // @ts-expect-error the clock returns a Date, not a number
    const bad: AtlasMockOptions = { clock: () => 0 };
    void bad;
  });

  it('node helpers', () => {
    expectTypeOf(startAtlasHttpServer).returns.toEqualTypeOf<Promise<AtlasHttpServer>>();
    expectTypeOf<AtlasHttpServer>().toEqualTypeOf<{ url: string; close(): Promise<void>; atlas: AtlasControl }>();
    expectTypeOf(setupAtlasServer).returns.toHaveProperty('atlas').toEqualTypeOf<AtlasControl>();
    // @ts-expect-error the HTTP server always matches any origin
    void startAtlasHttpServer({ baseUrl: 'https://x' });
  });
});

describe('steps and limits', () => {
  it('answerSteps is a read-only list of (ctx) => Reply | undefined (or a promise of it)', () => {
    expectTypeOf(answerSteps).toEqualTypeOf<readonly AnswerStep[]>();
    expectTypeOf<AnswerStep>().parameters.toEqualTypeOf<[AnswerContext]>();
    expectTypeOf<AnswerStep>().returns.toEqualTypeOf<Reply | undefined | Promise<Reply | undefined>>();
  });

  it('limits take numbers, and only the three documented ones', () => {
    expectTypeOf<{ limits: { requestBodyBytes: 1; restoreJobs: 2; rateBuckets: 3 } }>().toExtend<AtlasMockOptions>();
    // @ts-expect-error an unknown limit does not compile
    createAtlasHandlers({ limits: { jobs: 5 } });
  });
});
