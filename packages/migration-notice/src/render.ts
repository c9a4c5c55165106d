// Renders the migration notice from the facts, the lifecycle and one translation.
import { deprecatedOperation, replacementOperation, restoreJobPolls } from './facts.ts';
import { type Lifecycle, lifecycle } from './lifecycle.ts';
import { en } from './messages/en.ts';
import type { Locale, Messages, NoticeContext, Segment, Sentence } from './messages/types.ts';
import { zhCN } from './messages/zh-CN.ts';

export type { Locale } from './messages/types.ts';
export type NoticeFormat = 'text' | 'markdown' | 'ansi';

export const locales: readonly Locale[] = ['en', 'zh-CN'];
export const formats: readonly NoticeFormat[] = ['text', 'markdown', 'ansi'];

const catalogue: Record<Locale, Messages> = { en, 'zh-CN': zhCN };

function messagesFor(locale: unknown): Messages {
  if (locale === undefined) return en;
  if (typeof locale === 'string' && Object.hasOwn(catalogue, locale)) return catalogue[locale as Locale];
  throw new RangeError(`Unsupported locale ${JSON.stringify(locale)}; supported: ${locales.join(', ')}`);
}

function context(now: Date | undefined): NoticeContext {
  return {
    lifecycle: lifecycle(now),
    deprecated: deprecatedOperation,
    replacement: replacementOperation,
    polls: restoreJobPolls,
  };
}

const plain = (s: Sentence): string =>
  s
    .map((seg) =>
      typeof seg === 'string' ? seg : 'code' in seg ? seg.code : 'strong' in seg ? seg.strong : seg.link.href,
    )
    .join('');

/** Markdown inline code that survives backticks inside the value. */
const mdCode = (v: string) => (v.includes('`') ? `\`\` ${v} \`\`` : `\`${v}\``);
const mdEscape = (v: string) => v.replace(/([\\`*_[\]<>])/g, '\\$1');

const esc = '\u001b[';
const ansi = {
  bold: (v: string) => `${esc}1m${v}${esc}22m`,
  cyan: (v: string) => `${esc}36m${v}${esc}39m`,
  yellow: (v: string) => `${esc}33m${v}${esc}39m`,
  red: (v: string) => `${esc}31m${v}${esc}39m`,
  underline: (v: string) => `${esc}4m${v}${esc}24m`,
};

function segment(seg: Segment, format: NoticeFormat): string {
  if (typeof seg === 'string') return format === 'markdown' ? mdEscape(seg) : seg;
  if ('code' in seg)
    return format === 'markdown' ? mdCode(seg.code) : format === 'ansi' ? ansi.cyan(seg.code) : seg.code;
  if ('strong' in seg) {
    return format === 'markdown'
      ? `**${mdEscape(seg.strong)}**`
      : format === 'ansi'
        ? ansi.bold(seg.strong)
        : seg.strong;
  }
  if (format === 'markdown') return `[${mdEscape(seg.link.label)}](${seg.link.href})`;
  // Terminals and plain text show the URL itself, so it can be copied; the label is for Markdown.
  return format === 'ansi' ? ansi.underline(seg.link.href) : seg.link.href;
}

const line = (s: Sentence, format: NoticeFormat) => s.map((seg) => segment(seg, format)).join('');

export interface RenderNoticeOptions {
  locale?: Locale;
  format: NoticeFormat;
  now?: Date;
}

/** The notice as one string: plain text, Markdown, or text with ANSI colours (always coloured; the caller decides whether the terminal wants them). */
export function renderNotice(options: RenderNoticeOptions): string {
  const { locale, format, now } = options ?? ({} as RenderNoticeOptions);
  if (!formats.includes(format)) {
    throw new RangeError(`Unsupported format ${JSON.stringify(format)}; supported: ${formats.join(', ')}`);
  }
  const m = messagesFor(locale);
  const ctx = context(now);
  const title = plain(m.title(ctx));
  const tiers = m.affectedTiers.map((t) => `  - ${format === 'markdown' ? mdEscape(t) : t}`);
  if (format === 'markdown') {
    return [
      `## ${mdEscape(title)}`,
      '',
      line(m.status(ctx), format),
      '',
      `**${mdEscape(m.affectedHeading)}**`,
      '',
      ...m.affectedTiers.map((t) => `- ${mdEscape(t)}`),
      '',
      line(m.replacement(ctx), format),
      '',
      line(m.docs(ctx), format),
      '',
    ].join('\n');
  }
  const heading =
    format === 'ansi' ? ansi.bold(ctx.lifecycle.phase === 'deprecated' ? ansi.yellow(title) : ansi.red(title)) : title;
  return [
    heading,
    '',
    line(m.status(ctx), format),
    '',
    format === 'ansi' ? ansi.bold(m.affectedHeading) : m.affectedHeading,
    ...tiers,
    '',
    line(m.replacement(ctx), format),
    '',
    line(m.docs(ctx), format),
    '',
  ].join('\n');
}

export interface NoticeData {
  locale: Locale;
  phase: Lifecycle['phase'];
  title: string;
  /** Plain-text paragraphs after the title, joined by blank lines. */
  body: string;
  paragraphs: { status: string; replacement: string; docs: string };
  affectedHeading: string;
  affectedTiers: string[];
  sunset: string;
  lifecycle: Lifecycle;
  replacement: {
    operationId: string;
    method: string;
    path: string;
    resourceVersion: string;
    mediaType: string;
    docsUrl: string;
    docsTitle: string;
  };
  deprecated: {
    operationId: string;
    formerOperationIds: string[];
    docsOperationId: string;
    method: string;
    path: string;
    resourceVersion: string;
    mediaType: string;
    docsUrl: string;
  };
  restoreJobPolls: {
    tenant: { operationId: string; method: string; path: string };
    flex: { operationId: string; method: string; path: string };
  };
}

/** The notice as a JSON-serializable object, for UIs that lay it out themselves. */
export function noticeData(options: { locale?: Locale; now?: Date } = {}): NoticeData {
  const m = messagesFor(options?.locale);
  const ctx = context(options?.now);
  const paragraphs = {
    status: plain(m.status(ctx)),
    replacement: plain(m.replacement(ctx)),
    docs: plain(m.docs(ctx)),
  };
  const affected = [m.affectedHeading, ...m.affectedTiers.map((t) => `  - ${t}`)].join('\n');
  const pick = (p: { operationId: string; method: string; path: string }) => ({
    operationId: p.operationId,
    method: p.method,
    path: p.path,
  });
  return {
    locale: m.locale,
    phase: ctx.lifecycle.phase,
    title: plain(m.title(ctx)),
    body: [paragraphs.status, affected, paragraphs.replacement, paragraphs.docs].join('\n\n'),
    paragraphs,
    affectedHeading: m.affectedHeading,
    affectedTiers: [...m.affectedTiers],
    sunset: ctx.lifecycle.sunset,
    lifecycle: ctx.lifecycle,
    replacement: {
      operationId: replacementOperation.operationId,
      method: replacementOperation.method,
      path: replacementOperation.path,
      resourceVersion: replacementOperation.resourceVersion,
      mediaType: replacementOperation.mediaType,
      docsUrl: replacementOperation.docsUrl,
      docsTitle: replacementOperation.docsTitle,
    },
    deprecated: {
      operationId: deprecatedOperation.operationId,
      formerOperationIds: [...deprecatedOperation.formerOperationIds],
      docsOperationId: deprecatedOperation.docsOperationId,
      method: deprecatedOperation.method,
      path: deprecatedOperation.path,
      resourceVersion: deprecatedOperation.resourceVersion,
      mediaType: deprecatedOperation.mediaType,
      docsUrl: deprecatedOperation.docsUrl,
    },
    restoreJobPolls: { tenant: pick(restoreJobPolls.tenant), flex: pick(restoreJobPolls.flex) },
  };
}
