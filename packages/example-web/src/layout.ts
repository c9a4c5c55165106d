// The page's skeleton, built once per mount. It holds no text: app.ts fills the words in (and
// again on a language switch), so switching keeps the DOM, the focus and the form values.
import { type Locale, locales } from '@atlas-kit/migration-notice';
import { h } from './dom.ts';
import { type FieldKey, fieldKeys } from './field-errors.ts';
import { localeNames } from './labels.ts';
import type { FieldParts } from './render-problems.ts';
import { scenarioIds } from './scenarios.ts';
import { type SnapshotChoice, snapshotChoices } from './snapshot-source.ts';

export interface FieldRow extends FieldParts {
  label: HTMLLabelElement;
  hint: HTMLElement;
}

/** One radio of the snapshot choice, with its label and hint. */
export interface ChoiceRow {
  input: HTMLInputElement;
  label: HTMLLabelElement;
  hint: HTMLElement;
}

export interface Layout {
  main: HTMLElement;
  title: HTMLHeadingElement;
  intro: HTMLParagraphElement;
  /** Polite notice about `?scenario=`/`?lang=` values that were not understood (empty otherwise). */
  urlNotice: HTMLParagraphElement;
  banner: HTMLElement;
  bannerTitleId: string;
  langLegend: HTMLLegendElement;
  langInputs: HTMLInputElement[];
  scenarioLabel: HTMLLabelElement;
  scenarioHint: HTMLElement;
  scenarioSelect: HTMLSelectElement;
  /** The date the mocked Atlas believes it is (and the client's, when it differs). */
  simulatedDate: HTMLParagraphElement;
  fields: Record<FieldKey, FieldRow>;
  /** "The newest completed snapshot" / "this snapshot ID": a radio group around the snapshot ID field. */
  snapshotLegend: HTMLLegendElement;
  snapshotChoice: Record<SnapshotChoice, ChoiceRow>;
  form: HTMLFormElement;
  submit: HTMLButtonElement;
  /** The form-level problem: an alert, focusable so that focus can land on it when a run fails. */
  formError: HTMLElement;
  announcer: HTMLParagraphElement;
  timelineHeading: HTMLHeadingElement;
  timeline: HTMLOListElement;
  result: HTMLElement;
  /** Focusable (tabindex -1): focus moves here when the link is ready. */
  resultHeading: HTMLHeadingElement;
  resultBody: HTMLElement;
  expiryId: string;
  logSummary: HTMLElement;
  logPre: HTMLPreElement;
}

// Field types: the token is a password input so that a pasted real token shows neither on screen
// nor in a screenshot; the others are plain text.
const inputType: Record<FieldKey, 'text' | 'password'> = {
  groupId: 'text',
  clusterName: 'text',
  snapshotId: 'text',
  token: 'password',
};

/** `id`: a prefix unique to this mount, for the ids that labels and descriptions point at. */
export function buildLayout(id: string): Layout {
  const title = h('h1', { id: `${id}-title` });
  const intro = h('p', { class: 'intro' });
  // role=status is a polite live region (no aria-live attribute: the job's status line is *the* aria-live one).
  const urlNotice = h('p', { class: 'url-notice', role: 'status' });
  const bannerTitleId = `${id}-notice-title`;
  const banner = h('section', { class: 'notice', 'aria-labelledby': bannerTitleId });

  const langLegend = h('legend');
  const langInputs = locales.map((loc) =>
    h('input', { type: 'radio', name: `${id}-locale`, value: loc, id: `${id}-locale-${loc}` }),
  );
  const langFieldset = h(
    'fieldset',
    { class: 'switch' },
    langLegend,
    ...locales.map((loc: Locale, i) =>
      h('label', { for: `${id}-locale-${loc}`, lang: loc }, langInputs[i] as HTMLInputElement, localeNames[loc]),
    ),
  );

  const scenarioLabel = h('label', { for: `${id}-scenario` });
  const scenarioHint = h('span', { class: 'hint', id: `${id}-scenario-hint` });
  const simulatedDate = h('p', { class: 'simulated-date', id: `${id}-scenario-date` });
  const scenarioSelect = h(
    'select',
    { id: `${id}-scenario`, name: 'scenario', 'aria-describedby': `${id}-scenario-hint ${simulatedDate.id}` },
    ...scenarioIds.map((s) => h('option', { value: s })),
  );

  const fields = {} as Record<FieldKey, FieldRow>;
  const fieldRows: HTMLElement[] = fieldKeys.map((key) => {
    const inputId = `${id}-${key}`;
    const row: FieldRow = {
      input: h('input', {
        id: inputId,
        name: key,
        type: inputType[key],
        autocomplete: 'off',
        spellcheck: 'false',
        'aria-required': 'true',
        'aria-describedby': `${inputId}-hint`,
      }),
      label: h('label', { for: inputId }),
      hint: h('span', { class: 'hint', id: `${inputId}-hint` }),
      error: h('span', { class: 'field-error', id: `${inputId}-error`, hidden: true }),
    };
    fields[key] = row;
    return h('div', { class: `field field-${key}` }, row.label, row.hint, row.input, row.error);
  });

  // The snapshot ID field sits inside the radio group, under the choice that uses it.
  const snapshotLegend = h('legend');
  const snapshotChoice = {} as Record<SnapshotChoice, ChoiceRow>;
  const choiceRows = snapshotChoices.map((choice) => {
    const inputId = `${id}-snapshot-${choice}`;
    const row: ChoiceRow = {
      input: h('input', {
        type: 'radio',
        id: inputId,
        name: `${id}-snapshot-choice`,
        value: choice,
        'aria-describedby': `${inputId}-hint`,
      }),
      label: h('label', { for: inputId }),
      hint: h('span', { class: 'hint', id: `${inputId}-hint` }),
    };
    snapshotChoice[choice] = row;
    return h('div', { class: 'choice' }, row.input, h('span', { class: 'choice-text' }, row.label, row.hint));
  });
  const snapshotIndex = fieldKeys.indexOf('snapshotId');
  fieldRows.splice(
    snapshotIndex,
    1,
    h('fieldset', { class: 'snapshot-choice' }, snapshotLegend, ...choiceRows, fieldRows[snapshotIndex] as HTMLElement),
  );

  const submit = h('button', { type: 'submit' });
  // Always in the page (empty when there is no problem): an alert region that appears together
  // with its text is not announced reliably.
  const formError = h('div', { class: 'form-error', id: `${id}-form-error`, role: 'alert', tabindex: '-1' });
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
  const resultHeading = h('h2', { id: `${id}-result-title`, tabindex: '-1' });
  const resultBody = h('div', { class: 'result-body' });
  const result = h(
    'section',
    { class: 'result', 'aria-labelledby': `${id}-result-title`, hidden: true },
    resultHeading,
    resultBody,
  );
  const logSummary = h('summary');
  const logPre = h('pre');

  const main = h(
    'main',
    { class: 'atlas-web' },
    h(
      'header',
      {},
      title,
      intro,
      urlNotice,
      h(
        'div',
        { class: 'toolbar' },
        langFieldset,
        h('div', { class: 'scenario' }, scenarioLabel, scenarioHint, scenarioSelect, simulatedDate),
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
        h('details', { class: 'log' }, logSummary, logPre),
      ),
    ),
  );

  return {
    main,
    title,
    intro,
    urlNotice,
    banner,
    bannerTitleId,
    langLegend,
    langInputs,
    scenarioLabel,
    scenarioHint,
    scenarioSelect,
    simulatedDate,
    fields,
    snapshotLegend,
    snapshotChoice,
    form,
    submit,
    formError,
    announcer,
    timelineHeading,
    timeline,
    result,
    resultHeading,
    resultBody,
    expiryId: `${id}-expiry`,
    logSummary,
    logPre,
  };
}
