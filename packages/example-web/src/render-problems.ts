// Problems shown where they belong: each one beside the input it concerns (aria-invalid +
// aria-describedby), and the form-level alert with the summary and whatever matched no input.
import { AtlasApiError, AtlasError } from '@atlas-kit/client';
import type { Locale } from '@atlas-kit/migration-notice';
import { h } from './dom.ts';
import { errorSummary } from './error-summary.ts';
import { type FieldKey, type FieldProblems, fieldKeys } from './field-errors.ts';
import type { Labels } from './labels.ts';

export interface FieldParts {
  input: HTMLInputElement;
  /** The message element, `${input.id}-error`. */
  error: HTMLElement;
}

/** Marks each input with its problems (or clears it); the hint stays in its description. */
export function renderFieldProblems(
  fields: Record<FieldKey, FieldParts>,
  problems: FieldProblems | undefined,
  l: Labels,
): void {
  for (const key of fieldKeys) {
    const list = problems?.fields[key];
    const { input, error } = fields[key];
    const hintId = `${input.id}-hint`;
    if (!list?.length) {
      input.removeAttribute('aria-invalid');
      input.setAttribute('aria-describedby', hintId);
      error.hidden = true;
      error.replaceChildren();
      continue;
    }
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', `${error.id} ${hintId}`);
    error.hidden = false;
    error.replaceChildren(
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
}

/** The content of the form-level alert for `error`. */
export function formErrorContent(
  error: unknown,
  problems: FieldProblems | undefined,
  l: Labels,
  locale: Locale,
): HTMLElement[] {
  const fieldCount = problems ? Object.values(problems.fields).filter((v) => v?.length).length : 0;
  return [
    h('h2', {}, l.errorHeading),
    h('p', { class: 'summary' }, errorSummary(error, l, locale)),
    ...(fieldCount > 0 ? [h('p', {}, l.formProblems(fieldCount))] : []),
    // Atlas' own sentence, when no field shows it already.
    ...(fieldCount === 0 && error instanceof AtlasApiError && error.detail
      ? [h('p', { class: 'detail' }, `${l.atlasSaid} `, h('q', { lang: 'en' }, error.detail))]
      : []),
    ...(problems?.unmatched ?? []).map((u) =>
      h('p', { class: 'detail' }, `${u.field}: `, h('q', { lang: 'en' }, u.detail)),
    ),
    // Anything that is not an Atlas/client error still gets its message, never a stack or JSON.
    ...(error instanceof AtlasError ? [] : [h('p', { class: 'detail' }, String((error as Error)?.message ?? error))]),
  ];
}
