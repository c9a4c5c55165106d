// `?scenario=…&lang=…` of the dev entry. An unknown value falls back to the default, and the page
// says so (see `fallbacks`) instead of silently showing something else than the address asked for.
import { type Locale, locales } from '@atlas-kit/migration-notice';
import { isScenarioId, type ScenarioId } from './scenarios.ts';

export type UrlFallback =
  | { param: 'scenario'; given: string; used: ScenarioId }
  | { param: 'lang'; given: string; used: Locale };

export interface UrlOptions {
  scenario: ScenarioId;
  locale: Locale;
  /** One per parameter whose value was not understood (empty when all were, or were absent). */
  fallbacks: UrlFallback[];
}

const isLocale = (v: string): v is Locale => (locales as readonly string[]).includes(v);

export function readUrlOptions(search: string): UrlOptions {
  const params = new URLSearchParams(search);
  const fallbacks: UrlFallback[] = [];
  // An empty value (`?lang=`) counts as absent: nothing was asked for, so nothing was ignored.
  const scenarioParam = params.get('scenario') || undefined;
  const langParam = params.get('lang') || undefined;
  let scenario: ScenarioId = 'happy';
  if (scenarioParam !== undefined) {
    if (isScenarioId(scenarioParam)) scenario = scenarioParam;
    else fallbacks.push({ param: 'scenario', given: scenarioParam, used: scenario });
  }
  let locale: Locale = 'en';
  if (langParam !== undefined) {
    if (isLocale(langParam)) locale = langParam;
    else fallbacks.push({ param: 'lang', given: langParam, used: locale });
  }
  return { scenario, locale, fallbacks };
}
