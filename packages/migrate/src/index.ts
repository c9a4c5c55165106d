export { type ApplyOptions, type ApplyResult, apply, type LeftCaller, TODO_MARK } from './apply.ts';
export { type DeadOperation, deadOperations } from './facts.ts';
export type { Caller, CallerKind, Mention, MentionKind, ScanResult, Skipped } from './model.ts';
export { scanMarkdown } from './report/markdown.ts';
export { type ScanOptions, scan } from './scan.ts';
