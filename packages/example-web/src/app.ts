// The page's wiring: form → client.requestSnapshotDownload (a typed snapshot ID) or
// client.requestLatestSnapshotDownload (the Flex cluster's newest snapshot) → timeline → link, with
// the migration notice on top. State and behaviour live here; the DOM skeleton is layout.ts and
// each part is drawn by its render-*.ts file.
import { createAtlasClient, type SnapshotDownloadOutcome, type SnapshotStatusEvent } from '@atlas-kit/client';
import { type Locale, locales } from '@atlas-kit/migration-notice';
import { atlasServerUrl } from '@atlas-kit/openapi';
import {
  type FieldKey,
  type FieldProblems,
  FormCheckError,
  type FormValues,
  fieldKeys,
  fieldProblems,
} from './field-errors.ts';
import { checkForm } from './form-check.ts';
import { formatSeconds, type Labels, labels, localeNames } from './labels.ts';
import { buildLayout } from './layout.ts';
import { simulatedDateContent } from './render-date.ts';
import { renderNotice } from './render-notice.ts';
import { formErrorContent, renderFieldProblems } from './render-problems.ts';
import { resultBody } from './render-result.ts';
import { type Entry, timelineItems } from './render-timeline.ts';
import { clockFrom, isScenarioId, type Scenario, type ScenarioId, scenarioIds, scenarios } from './scenarios.ts';
import { defaultSnapshotChoice, type SnapshotChoice, snapshotChoices, snapshotSourceOf } from './snapshot-source.ts';
import type { UrlFallback } from './url-options.ts';
import './style.css';

/** A dummy the offline mock accepts. Not a secret and must never become one; the input still hides it like a real token. */
export const DEMO_TOKEN = 'demo-token-not-a-secret';

export type { FormValues };

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
  /** Values of the address that were not understood; the page says what it used instead. */
  fallbacks?: readonly UrlFallback[];
  /** Called when the locale changes (the dev entry keeps the URL in step). */
  onLocaleChange?: (locale: Locale) => void;
  onScenarioChange?: (scenario: ScenarioId) => void;
}

interface State {
  locale: Locale;
  scenario: ScenarioId;
  busy: boolean;
  /** Where the snapshot comes from; each scenario starts with its default (defaultSnapshotChoice). */
  snapshotChoice: SnapshotChoice;
  entries: Entry[];
  outcome?: SnapshotDownloadOutcome;
  error?: unknown;
  problems?: FieldProblems;
  log: string[];
  fallbacks: UrlFallback[];
  /** The URL notice waits for this, so that screen readers hear it (see renderUrlNotice). */
  ready: boolean;
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

export function mountApp(root: HTMLElement, options: AppOptions = {}): AppHandle {
  const id = `aw${++mounts}`;
  const baseUrl = options.baseUrl ?? atlasServerUrl;
  const initialScenario = options.scenario ?? 'happy';
  const state: State = {
    locale: options.locale ?? 'en',
    scenario: initialScenario,
    busy: false,
    snapshotChoice: defaultSnapshotChoice(scenarios[initialScenario].atlasStart),
    entries: [],
    log: [],
    fallbacks: [...(options.fallbacks ?? [])],
    ready: false,
    atlasClock: clockFrom(scenarios[initialScenario].atlasStart),
    clientClock: clockFrom(scenarios[initialScenario].clientStart),
  };
  let controller: AbortController | undefined;
  let running: Promise<void> = Promise.resolve();
  const t = (): Labels => labels[state.locale];

  const ui = buildLayout(id);
  const { fields, submit, form, formError, announcer, logPre } = ui;
  const values: FormValues = { groupId: '', clusterName: '', snapshotId: '', token: DEMO_TOKEN, ...options.values };
  for (const key of fieldKeys) fields[key].input.value = values[key];
  root.replaceChildren(ui.main);

  // ---- rendering
  function renderTexts(): void {
    const l = t();
    // The page is the document: its title and language follow the switch.
    document.title = l.documentTitle;
    document.documentElement.lang = l.htmlLang;
    ui.main.setAttribute('lang', l.htmlLang);
    ui.title.textContent = l.title;
    ui.intro.textContent = l.intro;
    ui.langLegend.textContent = l.language;
    for (const input of ui.langInputs) input.checked = input.value === state.locale;
    ui.scenarioLabel.textContent = l.scenario;
    ui.scenarioHint.textContent = l.scenarioHint;
    for (const opt of ui.scenarioSelect.options) opt.textContent = l.scenarios[opt.value as ScenarioId];
    ui.scenarioSelect.value = state.scenario;
    ui.simulatedDate.replaceChildren(...simulatedDateContent(state.atlasClock(), state.clientClock(), l, state.locale));
    for (const key of fieldKeys) {
      fields[key].label.textContent = l.fields[key].label;
      fields[key].hint.textContent = l.fields[key].hint;
    }
    ui.snapshotLegend.textContent = l.snapshotChoice.legend;
    for (const choice of snapshotChoices) {
      const row = ui.snapshotChoice[choice];
      row.label.textContent = l.snapshotChoice[choice].label;
      row.hint.textContent = l.snapshotChoice[choice].hint;
      row.input.checked = choice === state.snapshotChoice;
    }
    // The ID is typed only for the choice that sends it.
    fields.snapshotId.input.disabled = state.snapshotChoice !== 'id';
    submit.textContent = state.busy ? l.busy : l.submit;
    ui.timelineHeading.textContent = l.timelineHeading;
    ui.resultHeading.textContent = l.resultHeading;
    ui.logSummary.textContent = l.httpLog;
    // Only a real change touches a live region (re-setting the same text can be read out twice).
    const said = lastAnnouncement ? lastAnnouncement(l) : '';
    if (announcer.textContent !== said) announcer.textContent = said;
    renderUrlNotice(l);
    renderNotice(ui.banner, state.locale, state.atlasClock(), ui.bannerTitleId);
    renderTimeline();
    renderResult();
    renderProblems();
  }

  // Filled only once the page is ready: a live region that already holds its text when it
  // appears is often not read out.
  function renderUrlNotice(l: Labels): void {
    const text = state.ready
      ? state.fallbacks
          .map((f) =>
            f.param === 'scenario'
              ? l.urlFallback.scenario(f.given, l.scenarios[f.used], scenarioIds.join(', '))
              : l.urlFallback.lang(f.given, localeNames[f.used], locales.join(', ')),
          )
          .join(' ')
      : '';
    if (ui.urlNotice.textContent !== text) ui.urlNotice.textContent = text;
  }

  function renderTimeline(): void {
    ui.timeline.replaceChildren(...timelineItems(state.entries, t(), state.locale));
    if (state.entries.length > 0) logPre.textContent = state.log.join('\n');
  }

  function renderResult(): void {
    const o = state.outcome;
    ui.result.hidden = !o;
    ui.resultBody.replaceChildren(...(o ? resultBody(o, t(), state.locale, ui.expiryId) : []));
  }

  function renderProblems(): void {
    const l = t();
    renderFieldProblems(fields, state.problems, l);
    formError.replaceChildren(
      ...(state.error === undefined ? [] : formErrorContent(state.error, state.problems, l, state.locale)),
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
  // While a request runs the button stays focusable and only says it is busy (aria-disabled, and
  // the submit handler ignores it): a `disabled` button would drop the keyboard focus to <body>.
  function setBusy(busy: boolean): void {
    state.busy = busy;
    if (busy) {
      submit.setAttribute('aria-disabled', 'true');
      form.setAttribute('aria-busy', 'true');
    } else {
      submit.removeAttribute('aria-disabled');
      form.removeAttribute('aria-busy');
    }
  }

  /** Where the focus goes when a run ends, unless the person has moved it elsewhere meanwhile. */
  function placeFocus(): void {
    const active = document.activeElement;
    if (active !== null && active !== document.body && active !== submit) return;
    // A disabled input (the ID while "newest" is chosen) cannot take the focus: the alert does.
    const firstInvalid = fieldKeys.find(
      (k: FieldKey) => state.problems?.fields[k]?.length && !fields[k].input.disabled,
    );
    if (firstInvalid) fields[firstInvalid].input.focus();
    else if (state.outcome) ui.resultHeading.focus();
    else if (state.error !== undefined) formError.focus();
  }

  function reset(): void {
    controller?.abort(new DOMException('The scenario changed', 'AbortError'));
    controller = undefined;
    setBusy(false);
    state.entries = [];
    state.outcome = undefined;
    state.error = undefined;
    state.problems = undefined;
    state.log = [];
    logPre.textContent = '';
    announcer.textContent = '';
    lastAnnouncement = undefined;
    renderTexts();
  }

  /** Ends a run that failed: the problems beside their fields, the alert, the focus. */
  function fail(error: unknown): void {
    state.error = error;
    state.problems = fieldProblems(error);
    announce((l) => l.announce.failed);
  }

  async function run(v: FormValues): Promise<void> {
    const scenario = scenarios[state.scenario];
    state.atlasClock = clockFrom(scenario.atlasStart);
    state.clientClock = clockFrom(scenario.clientStart);
    state.entries = [];
    state.outcome = undefined;
    state.error = undefined;
    state.problems = undefined;
    state.log = [];
    logPre.textContent = '';
    // Every field the page shows is checked before anything is sent, and all its problems shown at once.
    const source = snapshotSourceOf(v, state.snapshotChoice);
    const checked = checkForm(v, source);
    if (Object.keys(checked.fields).length > 0) {
      fail(new FormCheckError(checked));
      renderTexts();
      placeFocus();
      return;
    }
    controller = new AbortController();
    const signal = controller.signal;
    setBusy(true);
    renderTexts();
    announce((l) => l.announce.started);

    try {
      const client = createAtlasClient({
        baseUrl,
        auth: { type: 'bearer', token: v.token.trim() },
        ...(options.fetch ? { fetch: options.fetch } : {}),
        now: state.clientClock,
        onDeprecation: (e) =>
          push({ kind: 'deprecation', ms: elapsed(), operationId: e.operationId, sunset: e.sunset }),
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
      const request = {
        groupId: v.groupId.trim(),
        clusterName: v.clusterName.trim(),
        signal,
        ...(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {}),
        onStatus: (e: SnapshotStatusEvent) => {
          if (signal.aborted) return;
          const firstFlex =
            e.source === 'flex' && !state.entries.some((x) => x.kind === 'status' && x.event.source === 'flex');
          if (firstFlex && source.kind === 'latest') {
            // The Flex download answer names the snapshot the listing found: say which, before its job.
            const { snapshotId, snapshotFinishedDate } = e.job;
            if (snapshotId) push({ kind: 'snapshot', ms: elapsed(), snapshotId, snapshotFinishedDate });
          } else if (firstFlex) {
            // The first flex answer of a request that began on the tenant API: say so where it happens.
            push({ kind: 'switch', ms: elapsed() });
          }
          push({ kind: 'status', ms: elapsed(), event: e });
          announce((l) => l.announce.status(e.status, l.source[e.source]));
        },
      };
      let outcome: SnapshotDownloadOutcome;
      if (source.kind === 'latest') {
        push({ kind: 'request', ms: 0, operationId: 'requestLatestSnapshotDownload' });
        outcome = await client.requestLatestSnapshotDownload(request);
      } else {
        push({ kind: 'request', ms: 0, operationId: 'requestSnapshotDownload' });
        outcome = await client.requestSnapshotDownload({ ...request, snapshotId: source.snapshotId });
      }
      if (signal.aborted) return;
      state.outcome = outcome;
      const switched = state.entries.find((x) => x.kind === 'switch');
      if (switched?.kind === 'switch') switched.reason = outcome.route.reason;
      announce((l) => l.announce.done);
    } catch (error) {
      if (signal.aborted) return;
      fail(error);
    } finally {
      if (!signal.aborted) {
        setBusy(false);
        renderTexts();
        placeFocus();
      }
    }
  }

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (state.busy) return;
    const v = Object.fromEntries(fieldKeys.map((k) => [k, fields[k].input.value])) as unknown as FormValues;
    running = run(v);
  });

  for (const input of ui.langInputs) {
    input.addEventListener('change', () => {
      if (!input.checked) return;
      state.locale = input.value as Locale;
      // The person picked a language: a note about an unknown `?lang=` no longer applies.
      state.fallbacks = state.fallbacks.filter((f) => f.param !== 'lang');
      renderTexts();
      options.onLocaleChange?.(state.locale);
    });
  }

  for (const choice of snapshotChoices) {
    const radio = ui.snapshotChoice[choice].input;
    radio.addEventListener('change', () => {
      if (!radio.checked) return;
      state.snapshotChoice = choice;
      // A problem of the typed ID no longer applies once the ID is not sent (and nor does an
      // alert about the check when that was its only problem).
      if (choice !== 'id' && state.problems?.fields.snapshotId) {
        const { snapshotId: _dropped, ...rest } = state.problems.fields;
        if (state.error instanceof FormCheckError && Object.keys(rest).length === 0) {
          state.error = undefined;
          state.problems = undefined;
        } else state.problems = { ...state.problems, fields: rest };
      }
      renderTexts();
    });
  }

  ui.scenarioSelect.addEventListener('change', () => {
    const next = ui.scenarioSelect.value;
    if (!isScenarioId(next) || next === state.scenario) return;
    state.scenario = next;
    state.snapshotChoice = defaultSnapshotChoice(scenarios[next].atlasStart);
    state.fallbacks = state.fallbacks.filter((f) => f.param !== 'scenario');
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
  running = ready.then(() => {
    state.ready = true;
    renderUrlNotice(t());
  });

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
