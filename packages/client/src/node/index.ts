// Node entry: what needs node:fs. Import the client itself from '@atlas-kit/client'.
export { DownloadError } from '../errors.ts';
export { type DownloadProgress, type DownloadToOptions, type DownloadToResult, downloadTo } from './download-to.ts';
