// The page: form → client.requestSnapshotDownload → timeline → link, with the migration notice on
// top. Plain DOM on purpose (no framework): the example should show the client, not a UI library.
import {
  AtlasApiError,
  AtlasAuthError,
  AtlasError,
  AtlasNetworkError,
  AtlasRateLimitError,
  AtlasTimeoutError,
  AtlasValidationError,
  createAtlasClient,
  EndpointSunsetError,
  RestoreJobFailedError,
  type SnapshotDownloadOutcome,
  type SnapshotRouteReason,
  type SnapshotStatusEvent,
} from '@atlas-kit/client';
import { type Locale, locales, noticeData } from '@atlas-kit/migration-notice';
import { atlasServerUrl } from '@atlas-kit/openapi';
import { type FieldKey, type FieldProblems, fieldKeys, fieldProblems } from './field-errors.ts';
import { formatSeconds, type Labels, labels } from './labels.ts';
import { clockFrom, isScenarioId, type Scenario, type ScenarioId, scenarioIds, scenarios } from './scenarios.ts';
import './style.css';

/** A dummy the offline mock accepts. Visible on purpose: it is not a secret and must never become one. */
export const DEMO_TOKEN = 'demo-token-not-a-secret';

export interface FormValues {
  groupId: string;
  clusterName: string;
  snapshotId: string;
  token: string;
}

export interface AppOptions {
  /** Where Atlas (here: the mock) answers. */
  baseUrl?: string;
  locale?: Locale;
  scenario?: ScenarioId;
  /** Re-configures the mock for a scenario; awaited before the page resets. */
  applyScenario?: (scenario: Scenario) => void | Promise<void>;
  /** Initial form values. */
  values?: Partial<FormValues>;
  /** First poll wait (client default 2 s); tests use a few ms. */
  pollIntervalMs?: number;
  /** Cap on a Retry-After wait (client default 60 s). */
  maxRetryDelayMs?: number;
  fetch?: typeof globalThis.fetch;
  /** Called when the locale changes (the dev entry keeps `<html lang>` and the URL in step). */
  onLocaleChange?: (locale: Locale) => void;
  onScenarioChange?: (scenario: ScenarioId) => void;
}

// `ms`: time since the request started. The timeline shows elapsed time rather than a clock time:
// the scenarios run the mock and the client on pinned dates, and "+1.2 s" reads the same in both.
type Entry =
  | { kind: 'request'; ms: number; operationId: string }
  | { kind: 'status'; ms: number; event: SnapshotStatusEvent }
  | { kind: 'retry'; ms: number; attempt: number; delayMs: number }
  | { kind: 'deprecation'; ms: number; operationId: string; sunset?: string }
  | { kind: 'switch'; ms: number; reason?: SnapshotRouteReason };

interface State {
  locale: Locale;
  scenario: ScenarioId;
  busy: boolean;
  entries: Entry[];
  outcome?: SnapshotDownloadOutcome;
  error?: unknown;
  problems?: FieldProblems;
  log: string[];
  atlasClock: () => Date;
  clientClock: () => Date;
}

export interface AppHandle {
  readonly root: HTMLElement;
  /** Resolves when the current request (if any) has settled. */
  settled(): Promise<void>;
  destroy(): void;
}

let mounts = 0;

type Attrs = Record<string, string | boolean | undefined>;
function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? '' : v);
  }
  el.append(...children);
  return el;
}

/** Plain text with its URLs turned into links (the notice's docs paragraph carries the URL). */
function linkified(text: string): (Node | string)[] {
  const parts: (Node | string)[] = [];
  let last = 0;
  for (const m of text.matchAll(/https?:\/\/[^\s)）]+/g)) {
    const url = m[0].replace(/[.,;:。，]+$/, '');
    parts.push(text.slice(last, m.index));
    parts.push(h('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, url));
    last = m.index + url.length;
  }
  parts.push(text.slice(last));
  return parts.filter((p) => p !== '');
}

/** A signed download URL's query is a credential: show where it points, not the signature. */
function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}${u.search ? '?…' : ''}`;
  } catch {
    return url;
  }
}

export function mountApp(root: HTMLElement, options: AppOptions = {}): AppHandle {
  const id = `aw${++mounts}`;
  const baseUrl = options.baseUrl ?? atlasServerUrl;
  const initialScenario = options.scenario ?? 'happy';
  const state: State = {
    locale: options.locale ?? 'en',
    scenario: initialScenario,
    busy: false,
    entries: [],
    log: [],
    atlasClock: clockFrom(scenarios[initialScenario].atlasStart),
    clientClock: clockFrom(scenarios[initialScenario].clientStart),
  };
  let controller: AbortController | undefined;
  let running: Promise<void> = Promise.resolve();
  const t = (): Labels => labels[state.locale];

  // ---- skeleton (built once; texts are filled by renderTexts so a language switch keeps the DOM)
  const title = h('h1', { id: `${id}-title` });
  const intro = h('p', { class: 'intro' });
  const banner = h('section', { class: 'notice', 'aria-labelledby': `${id}-notice-title` });

  const langLegend = h('legend');
  const langInputs = locales.map((loc) =>
    h('input', { type: 'radio', name: `${id}-locale`, value: loc, id: `${id}-locale-${loc}` }),
  );
  const langFieldset = h(
    'fieldset',
    { class: 'switch' },
    langLegend,
    ...locales.map((loc, i) =>
      h(
        'label',
        { for: `${id}-locale-${loc}`, lang: loc },
        langInputs[i] as HTMLInputElement,
        loc === 'en' ? 'English' : '简体中文',
      ),
    ),
  );

  const scenarioLabel = h('label', { for: `${id}-scenario` });
  const scenarioHint = h('span', { class: 'hint', id: `${id}-scenario-hint` });
  const scenarioSelect = h(
    'select',
    { id: `${id}-scenario`, name: 'scenario', 'aria-describedby': `${id}-scenario-hint` },
    ...scenarioIds.map((s) => h('option', { value: s })),
  );

  const inputs = {} as Record<FieldKey, HTMLInputElement>;
  const fieldLabels = {} as Record<FieldKey, HTMLLabelElement>;
  const hints = {} as Record<FieldKey, HTMLElement>;
  const errorsOf = {} as Record<FieldKey, HTMLElement>;
  const fieldRows = fieldKeys.map((key) => {
    const inputId = `${id}-${key}`;
    inputs[key] = h('input', {
      id: inputId,
      name: key,
      type: 'text',
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-required': 'true',
      'aria-describedby': `${inputId}-hint`,
    });
    fieldLabels[key] = h('label', { for: inputId });
    hints[key] = h('span', { class: 'hint', id: `${inputId}-hint` });
    errorsOf[key] = h('span', { class: 'field-error', id: `${inputId}-error`, hidden: true });
    return h('div', { class: `field field-${key}` }, fieldLabels[key], hints[key], inputs[key], errorsOf[key]);
  });
  const values: FormValues = {
    groupId: '',
    clusterName: '',
    snapshotId: '',
    token: DEMO_TOKEN,
    ...options.values,
  };
  for (const key of fieldKeys) inputs[key].value = values[key];

  const submit = h('button', { type: 'submit' });
  const formError = h('div', { class: 'form-error', id: `${id}-form-error`, hidden: true });
  const form = h(
    'form',
    { novalidate: true, 'aria-labelledby': `${id}-title` },
    h('div', { class: 'fields' }, ...fieldRows),
    h('div', { class: 'actions' }, submit),
    formError,
  );

  const announcer = h('p', { class: 'announcer', role: 'status', 'aria-live': 'polite', id: `${id}-live` });
  const timelineHeading = h('h2', { id: `${id}-timeline-title` });
  const timeline = h('ol', { class: 'timeline', 'aria-labelledby': `${id}-timeline-title` });
  const result = h('section', { class: 'result', 'aria-labelledby': `${id}-result-title`, hidden: true });
  const logSummary = h('summary');
  const logPre = h('pre');
  const log = h('details', { class: 'log' }, logSummary, logPre);

  const main = h(
    'main',
    { class: 'atlas-web' },
    h(
      'header',
      {},
      title,
      intro,
      h(
        'div',
        { class: 'toolbar' },
        langFieldset,
        h('div', { class: 'scenario' }, scenarioLabel, scenarioHint, scenarioSelect),
      ),
    ),
    banner,
    h(
      'div',
      { class: 'columns' },
      h('section', { class: 'request' }, form),
      h(
        'section',
        { class: 'job', 'aria-labelledby': `${id}-timeline-title` },
        timelineHeading,
        announcer,
        timeline,
        result,
        log,
      ),
    ),
  );
  root.replaceChildren(main);

  // ---- rendering
  function renderTexts(): void {
    const l = t();
    main.setAttribute('lang', l.htmlLang);
    title.textContent = l.title;
    intro.textContent = l.intro;
    langLegend.textContent = l.language;
    for (const input of langInputs) input.checked = input.value === state.locale;
    scenarioLabel.textContent = l.scenario;
    scenarioHint.textContent = l.scenarioHint;
    for (const opt of scenarioSelect.options) opt.textContent = l.scenarios[opt.value as ScenarioId];
    scenarioSelect.value = state.scenario;
    for (const key of fieldKeys) {
      fieldLabels[key].textContent = l.fields[key].label;
      hints[key].textContent = l.fields[key].hint;
    }
    submit.textContent = state.busy ? l.busy : l.submit;
    timelineHeading.textContent = l.timelineHeading;
    logSummary.textContent = l.httpLog;
    // Only a real change touches the live region (re-setting the same text can be read out twice).
    const said = lastAnnouncement ? lastAnnouncement(l) : '';
    if (announcer.textContent !== said) announcer.textContent = said;
    renderBanner();
    renderTimeline();
    renderResult();
    renderProblems();
  }

  function renderBanner(): void {
    const n = noticeData({ locale: state.locale, now: state.atlasClock() });
    banner.dataset.phase = n.phase;
    banner.setAttribute('lang', n.locale);
    banner.replaceChildren(
      h('h2', { id: `${id}-notice-title` }, n.title),
      h('p', {}, ...linkified(n.paragraphs.status)),
      h('p', { class: 'affected-heading' }, n.affectedHeading),
      h('ul', {}, ...n.affectedTiers.map((tier) => h('li', {}, tier))),
      h('p', {}, ...linkified(n.paragraphs.replacement)),
      h('p', {}, ...linkified(n.paragraphs.docs)),
    );
  }

  function time(ms: number): HTMLTimeElement {
    const s = Math.max(0, ms) / 1000;
    return h('time', { datetime: `PT${s.toFixed(3)}S` }, `+${formatSeconds(ms, state.locale)} s`);
  }

  function entry(kind: Entry['kind'], ms: number, ...content: (Node | string)[]): HTMLLIElement {
    return h(
      'li',
      { class: `entry entry-${kind}`, 'data-kind': kind },
      time(ms),
      h('span', { class: 'what' }, ...content),
    );
  }

  function renderEntry(e: Entry, l: Labels): HTMLLIElement {
    switch (e.kind) {
      case 'request':
        return entry('request', e.ms, l.requestSent(e.operationId));
      case 'deprecation':
        return entry('deprecation', e.ms, l.deprecationHeaders(e.operationId, e.sunset));
      case 'switch':
        return entry('switch', e.ms, e.reason ? l.route[e.reason] : l.switchedToFlex);
      case 'retry':
        return entry('retry', e.ms, l.retry(e.attempt, formatSeconds(e.delayMs, state.locale)));
      case 'status': {
        const li = entry(
          'status',
          e.ms,
          h('span', { class: `badge badge-${e.event.source}` }, l.source[e.event.source]),
          ' ',
          h('strong', {}, e.event.status),
          ' ',
          h('span', { class: 'muted' }, e.event.poll === 0 ? l.postAnswer : l.poll(e.event.poll)),
        );
        li.classList.add(`status-${e.event.status.toLowerCase()}`);
        li.dataset.status = e.event.status;
        li.dataset.source = e.event.source;
        return li;
      }
    }
  }

  function renderTimeline(): void {
    const l = t();
    if (state.entries.length === 0) {
      timeline.replaceChildren(h('li', { class: 'empty' }, l.timelineEmpty));
      return;
    }
    timeline.replaceChildren(...state.entries.map((e) => renderEntry(e, l)));
    logPre.textContent = state.log.join('\n');
  }

  function renderResult(): void {
    const l = t();
    const o = state.outcome;
    if (!o) {
      result.hidden = true;
      result.replaceChildren();
      return;
    }
    const expiry = o.expirationDate ? new Date(o.expirationDate) : undefined;
    const when =
      expiry && !Number.isNaN(expiry.getTime())
        ? new Intl.DateTimeFormat(state.locale, {
            dateStyle: 'long',
            timeStyle: 'short',
            timeZone: 'UTC',
            hourCycle: 'h23',
          }).format(expiry)
        : undefined;
    result.hidden = false;
    result.replaceChildren(
      h('h2', { id: `${id}-result-title` }, l.resultHeading),
      h('p', { class: 'route', 'data-route': o.route.reason }, l.route[o.route.reason]),
      h(
        'p',
        { class: 'link' },
        h(
          'a',
          { href: o.snapshotUrl, download: true, rel: 'noopener noreferrer', 'aria-describedby': `${id}-expiry` },
          l.download,
        ),
        h('code', {}, shownUrl(o.snapshotUrl)),
      ),
      h(
        'p',
        { id: `${id}-expiry`, class: 'expiry' },
        when && expiry ? h('time', { datetime: expiry.toISOString() }, l.expires(when)) : l.noExpiry,
      ),
    );
  }

  function errorSummary(error: unknown): string {
    const e = t().errors;
    if (error instanceof AtlasValidationError) return e.validation;
    if (error instanceof EndpointSunsetError) return e.sunset;
    if (error instanceof AtlasRateLimitError) return e.rateLimited(error.attempts);
    if (error instanceof AtlasApiError) {
      if (error.status === 401 || error.status === 403) return e.auth;
      return error.status === 400 ? e.badRequest(error.status, error.errorCode) : e.api(error.status, error.errorCode);
    }
    if (error instanceof AtlasAuthError) return e.auth;
    if (error instanceof AtlasNetworkError) return e.network;
    if (error instanceof AtlasTimeoutError) return e.timeout;
    if (error instanceof RestoreJobFailedError) return e.jobFailed(error.job.status);
    return e.unknown;
  }

  function renderProblems(): void {
    const l = t();
    const p = state.problems;
    for (const key of fieldKeys) {
      const list = p?.fields[key];
      const input = inputs[key];
      const hintId = `${input.id}-hint`;
      if (!list?.length) {
        input.removeAttribute('aria-invalid');
        input.setAttribute('aria-describedby', hintId);
        errorsOf[key].hidden = true;
        errorsOf[key].replaceChildren();
        continue;
      }
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', `${input.id}-error ${hintId}`);
      errorsOf[key].hidden = false;
      errorsOf[key].replaceChildren(
        h('span', { class: 'problem' }, l.fields[key].problem),
        ...list.map((d) =>
          h(
            'span',
            { class: 'detail' },
            `${d.origin === 'atlas' ? l.atlasSaid : l.clientSaid} `,
            h('q', { lang: 'en' }, d.detail),
          ),
        ),
      );
    }
    if (state.error === undefined) {
      formError.hidden = true;
      formError.replaceChildren();
      return;
    }
    const fieldCount = p ? Object.values(p.fields).filter((v) => v?.length).length : 0;
    formError.hidden = false;
    formError.replaceChildren(
      h('h2', {}, l.errorHeading),
      h('p', {}, errorSummary(state.error)),
      ...(fieldCount > 0 ? [h('p', {}, l.formProblems(fieldCount))] : []),
      // Atlas' own sentence, when no field shows it already.
      ...(fieldCount === 0 && state.error instanceof AtlasApiError && state.error.detail
        ? [h('p', { class: 'detail' }, `${l.atlasSaid} `, h('q', { lang: 'en' }, state.error.detail))]
        : []),
      ...(p?.unmatched ?? []).map((u) => h('p', { class: 'detail' }, `${u.field}: `, h('q', { lang: 'en' }, u.detail))),
      // Anything that is not an Atlas/client error still gets its message, never a stack or JSON.
      ...(state.error instanceof AtlasError
        ? []
        : [h('p', { class: 'detail' }, String((state.error as Error)?.message ?? state.error))]),
    );
  }

  // Kept as a function of the labels so that a language switch re-words the last announcement.
  let lastAnnouncement: ((l: Labels) => string) | undefined;
  function announce(say: (l: Labels) => string): void {
    lastAnnouncement = say;
    announcer.textContent = say(t());
  }

  let startedAt = 0;
  const elapsed = () => performance.now() - startedAt;

  function push(entry: Entry): void {
    state.entries.push(entry);
    renderTimeline();
  }

  // ---- behaviour
  function reset(): void {
    controller?.abort(new DOMException('The scenario changed', 'AbortError'));
    controller = undefined;
    state.busy = false;
    state.entries = [];
    state.outcome = undefined;
    state.error = undefined;
    state.problems = undefined;
    state.log = [];
    logPre.textContent = '';
    announcer.textContent = '';
    lastAnnouncement = undefined;
    submit.disabled = false;
    renderTexts();
  }

  async function run(v: FormValues): Promise<void> {
    const scenario = scenarios[state.scenario];
    state.atlasClock = clockFrom(scenario.atlasStart);
    state.clientClock = clockFrom(scenario.clientStart);
    controller = new AbortController();
    const signal = controller.signal;
    state.busy = true;
    state.entries = [];
    state.outcome = undefined;
    state.error = undefined;
    state.problems = undefined;
    state.log = [];
    submit.disabled = true;
    form.setAttribute('aria-busy', 'true');
    renderTexts();
    announce((l) => l.announce.started);

    const client = createAtlasClient({
      baseUrl,
      auth: { type: 'bearer', token: v.token },
      ...(options.fetch ? { fetch: options.fetch } : {}),
      now: state.clientClock,
      onDeprecation: (e) => push({ kind: 'deprecation', ms: elapsed(), operationId: e.operationId, sunset: e.sunset }),
      retry: {
        ...(options.maxRetryDelayMs !== undefined ? { maxDelayMs: options.maxRetryDelayMs } : {}),
        onRetry: (e) => {
          push({ kind: 'retry', ms: elapsed(), attempt: e.attempt, delayMs: e.delayMs });
          announce((l) => l.announce.retry(formatSeconds(e.delayMs, state.locale)));
        },
      },
      debug: (line) => {
        state.log.push(line);
        logPre.textContent = state.log.join('\n');
      },
    });
    startedAt = performance.now();
    push({ kind: 'request', ms: 0, operationId: 'requestSnapshotDownload' });
    try {
      const outcome = await client.requestSnapshotDownload({
        groupId: v.groupId.trim(),
        clusterName: v.clusterName.trim(),
        snapshotId: v.snapshotId.trim(),
        signal,
        ...(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {}),
        onStatus: (e) => {
          if (signal.aborted) return;
          // The first flex answer of a request that began on the tenant API: say so where it happens.
          if (e.source === 'flex' && !state.entries.some((x) => x.kind === 'status' && x.event.source === 'flex')) {
            push({ kind: 'switch', ms: elapsed() });
          }
          push({ kind: 'status', ms: elapsed(), event: e });
          announce((l) => l.announce.status(e.status, l.source[e.source]));
        },
      });
      if (signal.aborted) return;
      state.outcome = outcome;
      const switched = state.entries.find((x) => x.kind === 'switch');
      if (switched?.kind === 'switch') switched.reason = outcome.route.reason;
      announce((l) => l.announce.done);
    } catch (error) {
      if (signal.aborted) return;
      state.error = error;
      state.problems = fieldProblems(error);
      announce((l) => l.announce.failed);
    } finally {
      if (!signal.aborted) {
        state.busy = false;
        submit.disabled = false;
        form.removeAttribute('aria-busy');
        renderTexts();
        const firstInvalid = fieldKeys.find((k) => state.problems?.fields[k]?.length);
        if (firstInvalid) inputs[firstInvalid].focus();
      }
    }
  }

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (state.busy) return;
    const v = Object.fromEntries(fieldKeys.map((k) => [k, inputs[k].value])) as unknown as FormValues;
    running = run(v);
  });

  for (const input of langInputs) {
    input.addEventListener('change', () => {
      if (!input.checked) return;
      state.locale = input.value as Locale;
      renderTexts();
      options.onLocaleChange?.(state.locale);
    });
  }

  scenarioSelect.addEventListener('change', () => {
    const next = scenarioSelect.value;
    if (!isScenarioId(next) || next === state.scenario) return;
    state.scenario = next;
    state.atlasClock = clockFrom(scenarios[next].atlasStart);
    state.clientClock = clockFrom(scenarios[next].clientStart);
    running = (async () => {
      controller?.abort(new DOMException('The scenario changed', 'AbortError'));
      await options.applyScenario?.(scenarios[next]);
      reset();
      options.onScenarioChange?.(next);
    })();
  });

  renderTexts();
  const ready = Promise.resolve(options.applyScenario?.(scenarios[state.scenario]));
  running = ready.then(() => undefined);

  return {
    root,
    settled: async () => {
      // A submit may start while an earlier promise is awaited: wait until nothing new started.
      let current: Promise<void>;
      do {
        current = running;
        await current;
      } while (current !== running);
    },
    destroy: () => {
      controller?.abort(new DOMException('The page was closed', 'AbortError'));
      root.replaceChildren();
    },
  };
}
