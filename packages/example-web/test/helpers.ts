// Shared helpers of the browser tests.
import { type Demo, type DemoOptions, startDemo } from '../src/demo.ts';

/** Starts the demo (worker + page) in a fresh root, fast: polls every 10 ms, no mock latency. */
export async function startFast(demos: Demo[], options: DemoOptions = {}): Promise<{ root: HTMLElement; demo: Demo }> {
  const root = freshRoot();
  const demo = await startDemo(root, { pollIntervalMs: 10, latencyMs: 0, ...options });
  demos.push(demo);
  return { root, demo };
}

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

/** Size of a PNG given as base64, read from its signature and IHDR chunk; throws if it is no PNG. */
export function pngSize(base64: string): { bytes: number; width: number; height: number } {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) throw new Error('not a PNG file');
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') throw new Error('PNG without IHDR chunk first');
  const view = new DataView(bytes.buffer);
  return { bytes: bytes.length, width: view.getUint32(16), height: view.getUint32(20) };
}
