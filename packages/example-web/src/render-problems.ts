// Problems shown where they belong: each one beside the input it concerns (aria-invalid +
// aria-describedby), and the form-level alert with the summary and whatever matched no input.
import { AtlasApiError, AtlasError } from '@atlas-kit/client';
import type { Locale } from '@atlas-kit/migration-notice';
import { h } from './dom.ts';
import { errorSummary } from './error-summary.ts';
import { type FieldKey, type FieldProblem, type FieldProblems, FormCheckError, fieldKeys } from './field-errors.ts';
import type { FieldWords, Labels, RuleFieldWords } from './labels.ts';
import type { DownloadRefusalCode } from './spec-facts.ts';

export interface FieldParts {
  input: HTMLInputElement;
  /** The message element, `${input.id}-error`. */
  error: HTMLElement;
}

/** The page's sentence for a problem, in the words of the field's hint. */
function sentence(words: FieldWords | RuleFieldWords, kind: FieldProblem['kind']): string {
  if (kind === 'invalid' && 'invalid' in words) return words.invalid;
  return kind === 'missing' ? words.missing : words.refused;
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
    const sentences = [...new Set(list.map((p) => sentence(l.fields[key], p.kind)))];
    error.replaceChildren(
      ...sentences.map((s) => h('span', { class: 'problem' }, s)),
      // Atlas' own words follow the page's; the client's are left out (they quote the spec's patterns).
      ...list
        .filter((p) => p.origin === 'atlas' && p.detail)
        .map((p) => h('span', { class: 'detail' }, `${l.atlasSaid} `, h('q', { lang: 'en' }, p.detail ?? ''))),
    );
  }
}

const isDocumentedRefusal = (l: Labels, code: string | undefined): code is DownloadRefusalCode =>
  code !== undefined && Object.hasOwn(l.errors.codes, code);

/** The content of the form-level alert for `error`. */
export function formErrorContent(
  error: unknown,
  problems: FieldProblems | undefined,
  l: Labels,
  locale: Locale,
): HTMLElement[] {
  const fieldCount = problems ? Object.values(problems.fields).filter((v) => v?.length).length : 0;
  const api = error instanceof AtlasApiError ? error : undefined;
  return [
    h('h2', {}, l.errorHeading),
    h('p', { class: 'summary' }, errorSummary(error, l, locale)),
    ...(fieldCount > 0 ? [h('p', {}, l.formProblems(fieldCount))] : []),
    // What a refusal Atlas documents means, in the page's words.
    ...(api?.status === 400 && isDocumentedRefusal(l, api.errorCode)
      ? [h('p', {}, l.errors.codes[api.errorCode])]
      : []),
    // Atlas' own sentence, when no field shows it already.
    ...(fieldCount === 0 && api?.detail
      ? [h('p', { class: 'detail' }, `${l.atlasSaid} `, h('q', { lang: 'en' }, api.detail))]
      : []),
    ...(problems?.unmatched ?? []).map((u) =>
      h('p', { class: 'detail' }, `${u.field}: `, h('q', { lang: 'en' }, u.detail)),
    ),
    // Anything that is not an Atlas/client error still gets its message, never a stack or JSON.
    ...(error instanceof AtlasError || error instanceof FormCheckError
      ? []
      : [h('p', { class: 'detail' }, String((error as Error)?.message ?? error))]),
  ];
}
