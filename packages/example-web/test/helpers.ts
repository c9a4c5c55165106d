// Shared helpers of the browser tests.
import type { Demo } from '../src/demo.ts';

/** Records every text the aria-live region shows, so a test can check that it was updated. */
export function recordAnnouncements(root: HTMLElement): { texts: string[]; stop(): void } {
  const region = root.querySelector('[aria-live="polite"]');
  if (!region) throw new Error('no aria-live="polite" region on the page');
  const texts: string[] = [];
  const observer = new MutationObserver(() => {
    const text = region.textContent ?? '';
    if (text !== '' && texts.at(-1) !== text) texts.push(text);
  });
  observer.observe(region, { childList: true, characterData: true, subtree: true });
  return { texts, stop: () => observer.disconnect() };
}

export function freshRoot(): HTMLElement {
  document.body.replaceChildren();
  const root = document.createElement('div');
  document.body.append(root);
  return root;
}

export async function stopAll(demos: Demo[]): Promise<void> {
  while (demos.length > 0) await demos.pop()?.stop();
}
