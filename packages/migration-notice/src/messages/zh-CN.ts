// Simplified Chinese. Terms follow the Chinese Atlas reference pages: 弃用 (deprecated),
// 停用 (sunset), 端点/操作, Flex 集群, 资源版本.
import type { Messages, NoticeContext, Sentence } from './types.ts';

/** `2026-01-22` → `2026年1月22日`. */
function longDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}

function when(ctx: NoticeContext): string {
  const { phase, daysRemaining, daysElapsed } = ctx.lifecycle;
  if (phase === 'deprecated') return `还剩 ${daysRemaining} 天`;
  return daysElapsed === 0 ? '今天' : `已过 ${daysElapsed} 天`;
}

function formerly(ctx: NoticeContext): Sentence {
  const ids = ctx.deprecated.formerOperationIds;
  if (ids.length === 0) return [];
  return ['（原名 ', ...ids.flatMap((id, i) => (i === 0 ? [{ code: id }] : ['、', { code: id }])), '）'];
}

export const zhCN: Messages = {
  locale: 'zh-CN',
  title: (ctx) =>
    ctx.lifecycle.phase === 'deprecated'
      ? [`${ctx.deprecated.operationId} 已弃用：将于 ${longDate(ctx.lifecycle.sunset)}停用（${when(ctx)}）`]
      : [`${ctx.deprecated.operationId} 已于 ${longDate(ctx.lifecycle.sunset)}停用（${when(ctx)}）`],
  status: (ctx) => [
    'Atlas Administration API 操作 ',
    { code: ctx.deprecated.operationId },
    ...formerly(ctx),
    '，即 ',
    { code: `${ctx.deprecated.method} ${ctx.deprecated.path}` },
    '（资源版本 ',
    { code: ctx.deprecated.resourceVersion },
    ctx.lifecycle.phase === 'deprecated' ? '）已弃用，将于 ' : '）已于 ',
    // Emphasis on the date alone: CommonMark does not close ** between a full-width ）and a
    // CJK letter, so the parenthesis stays outside.
    { strong: longDate(ctx.lifecycle.sunset) },
    ctx.lifecycle.phase === 'deprecated'
      ? `（UTC）停用（${when(ctx)}）。此后 Atlas 将不再提供该操作。`
      : `（UTC）停用（${when(ctx)}）。Atlas 已不再提供该操作。`,
  ],
  affectedHeading: '受影响的集群：',
  affectedTiers: ['M2 和 M5 共享层集群', '通过 createCluster 创建的 Flex 集群', '从 M2/M5 迁移而来的 Flex 集群'],
  replacement: (ctx) => [
    '请改用 ',
    { code: ctx.replacement.operationId },
    '：',
    { code: `${ctx.replacement.method} ${ctx.replacement.path}` },
    '（资源版本 ',
    { code: ctx.replacement.resourceVersion },
    '），并用 ',
    { code: ctx.polls.flex.operationId },
    '（',
    { code: `${ctx.polls.flex.method} ${ctx.polls.flex.path}` },
    '）代替 ',
    { code: ctx.polls.tenant.operationId },
    ' 轮询恢复作业。',
  ],
  docs: (ctx) => [
    '文档：',
    { link: { href: ctx.replacement.docsUrl, label: ctx.replacement.docsTitle || ctx.replacement.operationId } },
  ],
};
