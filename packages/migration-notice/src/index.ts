export {
  type DeprecatedOperation,
  deprecatedOperation,
  deprecationDate,
  type ReplacementOperation,
  type RestoreJobPoll,
  replacementOperation,
  restoreJobPolls,
  sunsetDate,
} from './facts.ts';
export {
  type BuildDeprecationHeadersOptions,
  buildDeprecationHeaders,
  type DateHeaderResult,
  type DeprecatedOperationId,
  type DeprecationHeaderName,
  type DeprecationSignal,
  type LinkHeaderResult,
  type ParsedLink,
  parseDeprecationHeader,
  parseLinkHeader,
  parseSunsetHeader,
  readDeprecationSignal,
} from './headers.ts';
export { formatAtlasHttpDate, formatHttpDate, type HttpDateParse, parseHttpDate } from './http-date.ts';
export { type Lifecycle, lifecycle, type Phase } from './lifecycle.ts';
export {
  formats,
  type Locale,
  locales,
  type NoticeData,
  type NoticeFormat,
  noticeData,
  type RenderNoticeOptions,
  renderNotice,
} from './render.ts';
export {
  type FlexBackupRestoreJob20241113,
  type FlexBackupSnapshotDownloadCreate20241113,
  fromFlexRestoreJob,
  fromTenantRestore,
  type SnapshotDownloadResult,
  type TenantDownloadRequest,
  type TenantRestore,
  toFlexDownloadRequest,
  toFlexPathParams,
} from './translators.ts';
