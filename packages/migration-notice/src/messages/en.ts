import type { Messages, NoticeContext, Sentence } from './types.ts';

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2026-01-22` → `January 22, 2026` (the way upstream's description writes it). */
function longDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return `${monthNames[m - 1]} ${d}, ${y}`;
}

const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);

function when(ctx: NoticeContext): string {
  const { phase, daysRemaining, daysElapsed } = ctx.lifecycle;
  if (phase === 'deprecated') return `in ${days(daysRemaining)}`;
  return daysElapsed === 0 ? 'today' : `${days(daysElapsed)} ago`;
}

function formerly(ctx: NoticeContext): Sentence {
  const ids = ctx.deprecated.formerOperationIds;
  if (ids.length === 0) return [];
  return [' (formerly ', ...ids.flatMap((id, i) => (i === 0 ? [{ code: id }] : [', ', { code: id }])), ')'];
}

export const en: Messages = {
  locale: 'en',
  title: (ctx) =>
    ctx.lifecycle.phase === 'deprecated'
      ? [`${ctx.deprecated.operationId} is deprecated: sunset on ${longDate(ctx.lifecycle.sunset)} (${when(ctx)})`]
      : [`${ctx.deprecated.operationId} was sunset on ${longDate(ctx.lifecycle.sunset)} (${when(ctx)})`],
  status: (ctx) => [
    'The Atlas Administration API operation ',
    { code: ctx.deprecated.operationId },
    ...formerly(ctx),
    ', ',
    { code: `${ctx.deprecated.method} ${ctx.deprecated.path}` },
    ' (resource version ',
    { code: ctx.deprecated.resourceVersion },
    ctx.lifecycle.phase === 'deprecated' ? '), is deprecated and will be sunset on ' : '), was sunset on ',
    { strong: longDate(ctx.lifecycle.sunset) },
    ctx.lifecycle.phase === 'deprecated'
      ? ` (UTC), ${when(ctx)}. After that, Atlas no longer serves it.`
      : ` (UTC), ${when(ctx)}. Atlas no longer serves it.`,
  ],
  affectedHeading: 'Affected clusters:',
  affectedTiers: [
    'M2 and M5 shared-tier clusters',
    'Flex clusters created through createCluster',
    'Flex clusters migrated from M2/M5',
  ],
  replacement: (ctx) => [
    'Use ',
    { code: ctx.replacement.operationId },
    ' instead: ',
    { code: `${ctx.replacement.method} ${ctx.replacement.path}` },
    ' (resource version ',
    { code: ctx.replacement.resourceVersion },
    '), and poll the restore job with ',
    { code: ctx.polls.flex.operationId },
    ' (',
    { code: `${ctx.polls.flex.method} ${ctx.polls.flex.path}` },
    ') instead of ',
    { code: ctx.polls.tenant.operationId },
    '.',
  ],
  docs: (ctx) => [
    'Documentation: ',
    { link: { href: ctx.replacement.docsUrl, label: ctx.replacement.docsTitle || ctx.replacement.operationId } },
  ],
};
