// The page's own UI labels, in both languages the migration notice speaks. Everything about the
// deprecation itself (titles, dates, affected tiers, replacement) comes from
// @atlas-kit/migration-notice and is never written here.

import type { SnapshotRouteReason } from '@atlas-kit/client';
import type { Locale } from '@atlas-kit/migration-notice';
import type { ScenarioId } from './scenarios.ts';
import type { SnapshotChoice } from './snapshot-source.ts';
import type { DownloadRefusalCode } from './spec-facts.ts';

type RouteReason = SnapshotRouteReason;

/** The words of one input: its label and hint, and the sentence for each kind of problem. */
export interface FieldWords {
  label: string;
  hint: string;
  /** Empty when sent. */
  missing: string;
  /** Atlas (or the mock) refused the value; Atlas' own sentence follows. */
  refused: string;
}

/** An input with a rule from the spec: the hint, `missing` and `invalid` all restate `rule`. */
export interface RuleFieldWords extends FieldWords {
  rule: string;
  invalid: string;
}

export interface Labels {
  htmlLang: string;
  title: string;
  /** The document's `<title>`. */
  documentTitle: string;
  intro: string;
  language: string;
  scenario: string;
  scenarioHint: string;
  scenarios: Record<ScenarioId, string>;
  /** Beside the scenario picker, before the date the mocked Atlas believes it is. */
  simulatedDate: string;
  /** Before the client's date, shown when it differs from the mock's. */
  clientDate: string;
  /** Said when `?scenario=`/`?lang=` held a value the page does not know; `known` lists the valid ones. */
  urlFallback: {
    scenario: (given: string, used: string, known: string) => string;
    lang: (given: string, used: string, known: string) => string;
  };
  fields: { groupId: RuleFieldWords; clusterName: RuleFieldWords; snapshotId: RuleFieldWords; token: FieldWords };
  /** The radio group that picks where the snapshot comes from; each choice has a label and a hint. */
  snapshotChoice: { legend: string } & Record<SnapshotChoice, { label: string; hint: string }>;
  submit: string;
  busy: string;
  formProblems: (n: number) => string;
  atlasSaid: string;
  timelineHeading: string;
  timelineEmpty: string;
  source: Record<'tenant' | 'flex', string>;
  postAnswer: string;
  poll: (n: number) => string;
  requestSent: (op: string) => string;
  /** `attempt`: the attempt that met the 429 (1 = the first). */
  retry: (attempt: number, seconds: string) => string;
  deprecationHeaders: (op: string, sunset: string | undefined) => string;
  route: Record<RouteReason, string>;
  /** Timeline: the snapshot the listing found (its id follows). */
  foundSnapshot: string;
  /** Result: the snapshot downloaded (its id follows). */
  downloadedSnapshot: string;
  /** When that snapshot finished, `when` in UTC; after the id and `comma`. */
  snapshotFinished: (when: string) => string;
  comma: string;
  switchedToFlex: string;
  resultHeading: string;
  download: string;
  expires: (when: string) => string;
  noExpiry: string;
  errorHeading: string;
  errors: {
    validation: string;
    badRequest: (status: number, code: string | undefined) => string;
    /** What a refusal Atlas documents for the download means, and what to do. */
    codes: Record<DownloadRefusalCode, string>;
    api: (status: number, code: string | undefined) => string;
    rateLimited: (attempts: number) => string;
    sunset: string;
    auth: string;
    network: (operationId: string) => string;
    timeout: (seconds: string) => string;
    jobFailed: (status: string) => string;
    /** The Flex cluster has no completed snapshot; `cluster` is its name as typed. */
    noSnapshot: (cluster: string) => string;
    unknown: string;
  };
  announce: {
    started: string;
    status: (status: string, source: string) => string;
    retry: (seconds: string) => string;
    done: string;
    failed: string;
  };
  httpLog: string;
}

const seconds = (ms: number, locale: Locale) =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(ms / 1000);

export { seconds as formatSeconds };

/** Each language in its own words (the language switch, the unknown-`?lang=` notice). */
export const localeNames: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

// The rules as the hints say them. The 64 characters of the cluster name come from the body's
// targetDeploymentItemName, which the client sends as the cluster name (test/spec-facts.test.ts).
const enHex = '24 hexadecimal characters (digits 0–9, letters a–f)';
const enClusterRule = 'letters, digits and hyphens, starting with a letter or digit, at most 64 characters';
const zhHex = '24 位十六进制字符（数字 0–9、字母 a–f）';
const zhClusterRule = '字母、数字和连字符，以字母或数字开头，最多 64 个字符';
// The "this snapshot ID" choice, named again by the no-snapshot message.
const enIdChoice = 'This snapshot ID';
const zhIdChoice = '此快照 ID';
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const labels: Record<Locale, Labels> = {
  en: {
    htmlLang: 'en',
    title: 'Atlas snapshot download',
    documentTitle: 'Atlas snapshot download — atlas-kit example',
    intro:
      'Request a download link for a backup snapshot of a shared-tier or Flex cluster and follow the restore job until the link is ready. This page runs offline: a service worker answers in place of Atlas.',
    language: 'Language',
    scenario: 'Mock scenario',
    scenarioHint: 'Chooses how the offline mock of Atlas answers.',
    scenarios: {
      happy: 'Happy path',
      'bad-request': 'Refused: a download already running (HTTP 400)',
      'rate-limited': 'Rate limited (HTTP 429, retried)',
      'after-sunset': 'After the sunset → Flex',
      'no-snapshot': 'After the sunset, a Flex cluster with no snapshot yet',
    },
    simulatedDate: 'Simulated date (mock Atlas):',
    clientDate: '· the client’s clock:',
    urlFallback: {
      scenario: (given, used, known) =>
        `The address asks for scenario “${given}”, which this page does not know: showing “${used}” instead (known: ${known}).`,
      lang: (given, used, known) =>
        `The address asks for language “${given}”, which this page does not have: showing ${used} instead (available: ${known}).`,
    },
    fields: {
      groupId: {
        label: 'Project ID',
        rule: enHex,
        hint: `${capitalised(enHex)}, e.g. 32b6e34b3d91647abb20e7b8`,
        missing: `Enter the project ID: ${enHex}.`,
        invalid: `Check the project ID: it must be ${enHex}.`,
        refused: 'Atlas refused this project ID.',
      },
      clusterName: {
        label: 'Cluster name',
        rule: enClusterRule,
        hint: capitalised(enClusterRule),
        missing: `Enter the cluster name: ${enClusterRule}.`,
        invalid: `Check the cluster name: use ${enClusterRule}.`,
        refused: 'Atlas refused this cluster name.',
      },
      snapshotId: {
        label: 'Snapshot ID',
        rule: enHex,
        hint: capitalised(enHex),
        missing: `Enter the snapshot ID: ${enHex}.`,
        invalid: `Check the snapshot ID: it must be ${enHex}.`,
        refused: 'Atlas refused this snapshot ID.',
      },
      token: {
        label: 'Bearer token (demo value, not a secret)',
        hint: 'Prefilled with a dummy the offline mock accepts; hidden like a real token would be',
        missing: 'Enter a bearer token. Reloading the page brings the demo value back.',
        refused: 'Atlas did not accept this token.',
      },
    },
    snapshotChoice: {
      legend: 'Snapshot to download',
      latest: {
        label: 'The newest completed snapshot',
        hint: 'Looked up in the Flex cluster’s snapshot list (Flex API); no ID needed',
      },
      id: {
        label: enIdChoice,
        hint: 'The ID typed below; the tenant API needs one',
      },
    },
    submit: 'Request download',
    busy: 'Requesting…',
    formProblems: (n) => (n === 1 ? '1 field needs attention.' : `${n} fields need attention.`),
    atlasSaid: 'Atlas said:',
    timelineHeading: 'Restore job',
    timelineEmpty: 'No request sent yet.',
    source: { tenant: 'Tenant API', flex: 'Flex API' },
    postAnswer: 'answer to the download request',
    poll: (n) => `poll ${n}`,
    requestSent: (op) => `Download requested (${op})`,
    retry: (attempt, s) => `Rate limited (HTTP 429) on attempt ${attempt}: retrying in ${s} s`,
    deprecationHeaders: (op, sunset) =>
      `Atlas marked ${op} as deprecated in its response headers${sunset ? ` (Sunset: ${sunset})` : ''}`,
    route: {
      'tenant-live': 'Served by the tenant API (still live).',
      'use-flex': 'Served by the Flex API (requested).',
      'sunset-passed': 'Served by the Flex API: the sunset date has passed.',
      'tenant-gone': 'Served by the Flex API: the tenant endpoint answered 410 (gone), so the request moved to Flex.',
      'latest-snapshot': 'Served by the Flex API: the newest completed snapshot of the Flex cluster.',
    },
    foundSnapshot: 'Newest completed snapshot found:',
    downloadedSnapshot: 'Snapshot:',
    snapshotFinished: (when) => `finished on ${when} (UTC)`,
    comma: ', ',
    switchedToFlex: 'Continuing with the Flex API.',
    resultHeading: 'Download link',
    download: 'Download the snapshot',
    expires: (when) => `The link expires on ${when} (UTC).`,
    noExpiry: 'Atlas gave no expiry for this link.',
    errorHeading: 'The download could not be requested',
    errors: {
      validation: 'Some fields need attention before the request can be sent.',
      badRequest: (status, code) => `Atlas refused the request (HTTP ${status}${code ? `, ${code}` : ''}).`,
      codes: {
        CANNOT_DOWNLOAD_SNAPSHOT_CONCURRENTLY:
          'A download of this snapshot is already being prepared, and Atlas prepares one at a time. Wait until that link is ready, then ask again.',
        TOO_MANY_SNAPSHOT_DOWNLOADS:
          'Too many snapshot downloads were requested. Wait for the running ones to finish, then ask again.',
      },
      api: (status, code) => `Atlas answered with an error (HTTP ${status}${code ? `, ${code}` : ''}).`,
      rateLimited: (attempts) =>
        `Atlas rate limit (HTTP 429): gave up after ${attempts} attempts. Wait a moment and try again.`,
      sunset: 'The tenant endpoint is gone (HTTP 410). See the notice above.',
      auth: 'Atlas did not accept the credentials.',
      network: (op) => `Network error: Atlas could not be reached (${op}). Check the connection and try again.`,
      timeout: (s) => `Timeout: the restore job did not finish within ${s} s.`,
      jobFailed: (status) => `The restore job ended with status ${status}.`,
      noSnapshot: (cluster) =>
        `No completed snapshot: the Flex cluster “${cluster}” has none yet, so there is nothing to download. Choose “${enIdChoice}” to download a snapshot you know, or try again once a snapshot has completed.`,
      unknown: 'Something unexpected went wrong.',
    },
    announce: {
      started: 'Download requested.',
      status: (status, source) => `Restore job status: ${status} (${source}).`,
      retry: (s) => `Rate limited; retrying in ${s} seconds.`,
      done: 'The download link is ready.',
      failed: 'The download could not be requested.',
    },
    httpLog: 'HTTP log',
  },
  'zh-CN': {
    htmlLang: 'zh-CN',
    title: 'Atlas 快照下载',
    documentTitle: 'Atlas 快照下载 — atlas-kit 示例',
    intro:
      '为共享层或 Flex 集群的备份快照申请下载链接，并跟踪恢复任务直到链接就绪。本页面离线运行：由 Service Worker 代替 Atlas 应答。',
    language: '语言',
    scenario: '模拟场景',
    scenarioHint: '选择离线模拟的 Atlas 如何应答。',
    scenarios: {
      happy: '正常流程',
      'bad-request': '拒绝：已有下载在进行（HTTP 400）',
      'rate-limited': '限流（HTTP 429，自动重试）',
      'after-sunset': '停用日之后 → Flex',
      'no-snapshot': '停用日之后，尚无快照的 Flex 集群',
    },
    simulatedDate: '模拟日期（Atlas 模拟服务）：',
    clientDate: '· 客户端时钟：',
    urlFallback: {
      scenario: (given, used, known) => `地址中的场景“${given}”不存在，改为显示“${used}”（可用：${known}）。`,
      lang: (given, used, known) => `地址中的语言“${given}”不可用，改为使用${used}（可用：${known}）。`,
    },
    fields: {
      groupId: {
        label: '项目 ID',
        rule: zhHex,
        hint: `${zhHex}，例如 32b6e34b3d91647abb20e7b8`,
        missing: `请填写项目 ID：${zhHex}。`,
        invalid: `请检查项目 ID：必须是${zhHex}。`,
        refused: 'Atlas 拒绝了此项目 ID。',
      },
      clusterName: {
        label: '集群名称',
        rule: zhClusterRule,
        hint: zhClusterRule,
        missing: `请填写集群名称：${zhClusterRule}。`,
        invalid: `请检查集群名称：只能使用${zhClusterRule}。`,
        refused: 'Atlas 拒绝了此集群名称。',
      },
      snapshotId: {
        label: '快照 ID',
        rule: zhHex,
        hint: zhHex,
        missing: `请填写快照 ID：${zhHex}。`,
        invalid: `请检查快照 ID：必须是${zhHex}。`,
        refused: 'Atlas 拒绝了此快照 ID。',
      },
      token: {
        label: 'Bearer 令牌（演示值，并非机密）',
        hint: '已预填离线模拟接受的演示令牌；像真实令牌一样隐藏显示',
        missing: '请填写 Bearer 令牌。重新加载页面即可恢复演示值。',
        refused: 'Atlas 不接受此令牌。',
      },
    },
    snapshotChoice: {
      legend: '要下载的快照',
      latest: {
        label: '最新完成的快照',
        hint: '在 Flex 集群的快照列表中查找（Flex API）；无需 ID',
      },
      id: {
        label: zhIdChoice,
        hint: '使用下方填写的 ID；Tenant API 需要 ID',
      },
    },
    submit: '申请下载',
    busy: '正在申请…',
    formProblems: (n) => `有 ${n} 个字段需要修改。`,
    atlasSaid: 'Atlas 返回：',
    timelineHeading: '恢复任务',
    timelineEmpty: '尚未发送请求。',
    source: { tenant: 'Tenant API', flex: 'Flex API' },
    postAnswer: '下载请求的应答',
    poll: (n) => `第 ${n} 次轮询`,
    requestSent: (op) => `已申请下载（${op}）`,
    retry: (attempt, s) => `第 ${attempt} 次尝试被限流（HTTP 429）：${s} 秒后重试`,
    deprecationHeaders: (op, sunset) => `Atlas 在响应头中将 ${op} 标记为已弃用${sunset ? `（Sunset：${sunset}）` : ''}`,
    route: {
      'tenant-live': '由 Tenant API 提供（仍可用）。',
      'use-flex': '由 Flex API 提供（按请求）。',
      'sunset-passed': '由 Flex API 提供：停用日期已过。',
      'tenant-gone': '由 Flex API 提供：Tenant 端点返回 410（已停用），请求已改用 Flex。',
      'latest-snapshot': '由 Flex API 提供：该 Flex 集群最新完成的快照。',
    },
    foundSnapshot: '找到最新完成的快照：',
    downloadedSnapshot: '快照：',
    snapshotFinished: (when) => `完成于 ${when}（UTC）`,
    comma: '，',
    switchedToFlex: '改用 Flex API 继续。',
    resultHeading: '下载链接',
    download: '下载快照',
    expires: (when) => `链接将于 ${when}（UTC）过期。`,
    noExpiry: 'Atlas 没有给出此链接的过期时间。',
    errorHeading: '无法申请下载',
    errors: {
      validation: '发送请求前，有字段需要修改。',
      badRequest: (status, code) => `Atlas 拒绝了请求（HTTP ${status}${code ? `，${code}` : ''}）。`,
      codes: {
        CANNOT_DOWNLOAD_SNAPSHOT_CONCURRENTLY:
          '此快照已有一个下载正在准备，Atlas 一次只准备一个。请等该链接就绪后再申请。',
        TOO_MANY_SNAPSHOT_DOWNLOADS: '申请的快照下载过多。请等正在进行的下载完成后再申请。',
      },
      api: (status, code) => `Atlas 返回了错误（HTTP ${status}${code ? `，${code}` : ''}）。`,
      rateLimited: (attempts) => `Atlas 限流（HTTP 429）：尝试 ${attempts} 次后放弃，请稍后再试。`,
      sunset: 'Tenant 端点已停用（HTTP 410），请参阅上方的通知。',
      auth: 'Atlas 不接受所给的凭据。',
      network: (op) => `网络错误：无法连接 Atlas（${op}），请检查网络后重试。`,
      timeout: (s) => `超时：恢复任务未在 ${s} 秒内完成。`,
      jobFailed: (status) => `恢复任务以状态 ${status} 结束。`,
      noSnapshot: (cluster) =>
        `没有已完成的快照：Flex 集群“${cluster}”还没有已完成的快照，因此无可下载。可选择“${zhIdChoice}”下载已知的快照，或等快照完成后再试。`,
      unknown: '发生了意外错误。',
    },
    announce: {
      started: '已申请下载。',
      status: (status, source) => `恢复任务状态：${status}（${source}）。`,
      retry: (s) => `被限流，${s} 秒后重试。`,
      done: '下载链接已就绪。',
      failed: '无法申请下载。',
    },
    httpLog: 'HTTP 日志',
  },
};
