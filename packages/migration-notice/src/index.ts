// The main entry: everything in `./core` plus the Deprecation/Sunset/Link header helpers, the
// HTTP date helpers and the rendered notice.
export * from './core.ts';
export {
  type BuildDeprecationHeadersOptions,
  buildDeprecationHeaders,
  type DateHeaderResult,
  type DeprecatedOperationId,
  type DeprecationHeaderName,
  type LinkHeaderResult,
  type ParsedLink,
  parseDeprecationHeader,
  parseLinkHeader,
  parseSunsetHeader,
  readDeprecationSignal,
} from './headers.ts';
export { formatAtlasHttpDate, formatHttpDate, type HttpDateParse, parseHttpDate } from './http-date.ts';
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
