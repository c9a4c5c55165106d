// Main entry: browser-safe (no node: imports). downloadTo lives in '@atlas-kit/client/node', the
// Digest building blocks in '@atlas-kit/client/digest'.
export type { SnapshotDownloadResult } from '@atlas-kit/migration-notice/core';
export type { AtlasAuth, AuthMiddleware } from './auth/types.ts';
export {
  type AtlasClient,
  type AtlasClientOptions,
  type AtlasResult,
  type CallOptions,
  createAtlasClient,
} from './client.ts';
export type { DeprecationEvent } from './deprecation.ts';
export {
  AtlasApiError,
  AtlasAuthError,
  AtlasError,
  type AtlasErrorCode,
  AtlasNetworkError,
  AtlasRateLimitError,
  AtlasTimeoutError,
  AtlasValidationError,
  DownloadError,
  EndpointSunsetError,
  NoCompletedSnapshotError,
  type ReplacementFacts,
  RestoreJobFailedError,
  type ValidationIssue,
} from './errors.ts';
export type { LatestSnapshotOptions } from './latest-snapshot.ts';
export {
  type ClientOperationId,
  clientOperationIds,
  type FlexBackupRestoreJob,
  type FlexBackupSnapshot,
  type FlexBackupSnapshotPage,
  type FlexDownloadBody,
  type PathParams,
  type QueryParams,
  type TenantDownloadBody,
  type TenantRestore,
} from './operations.ts';
export type { RateLimitInfo } from './rate-limit.ts';
export type { RetryEvent, RetryOptions } from './retry.ts';
export type {
  LatestSnapshotDownloadRequest,
  SnapshotDownloadOutcome,
  SnapshotDownloadRequest,
  SnapshotRoute,
  SnapshotRouteReason,
  SnapshotStatusEvent,
} from './snapshot-download.ts';
