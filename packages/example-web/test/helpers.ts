// Shared helpers of the browser tests.
import { commands, page } from 'vitest/browser';
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

/** The input named `name` under `root`; throws when there is none. */
export function input(root: HTMLElement, name: string): HTMLInputElement {
  const el = root.querySelector<HTMLInputElement>(`input[name="${name}"]`);
  if (!el) throw new Error(`no input ${name}`);
  return el;
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

/** Bytes of a base64 text, decoded by the browser (a per-character loop took 30 ms a screenshot). */
async function fromBase64(base64: string): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await (await fetch(`data:application/octet-stream;base64,${base64}`)).arrayBuffer());
}

/** Size of a PNG, read from its signature and IHDR chunk; throws if it is no PNG. */
function pngSize(bytes: Uint8Array): { bytes: number; width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) throw new Error('not a PNG file');
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') throw new Error('PNG without IHDR chunk first');
  const view = new DataView(bytes.buffer);
  return { bytes: bytes.length, width: view.getUint32(16), height: view.getUint32(20) };
}

/** For each of `bands` horizontal stripes of a PNG: whether it holds more than one colour (not blank). */
async function stripesWithInk(bytes: Uint8Array<ArrayBuffer>, bands: number): Promise<boolean[]> {
  const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d canvas');
  ctx.drawImage(bitmap, 0, 0);
  const height = Math.floor(bitmap.height / bands);
  return Array.from({ length: bands }, (_, i) => {
    const pixels = new Uint32Array(ctx.getImageData(0, i * height, bitmap.width, height).data.buffer);
    return pixels.some((p) => p !== pixels[0]);
  });
}

/**
 * Writes a screenshot of `element` at a viewport `width` px wide to
 * `packages/example-web/artifacts/<name>.png` and reads it back: the old file goes first, so only a
 * picture taken now passes; it must be a PNG of the element's size with no blank quarter.
 */
export async function saveScreenshot(
  name: string,
  element: HTMLElement,
  width: number,
): Promise<{ bytes: number; width: number }> {
  // The picture shows only what the test frame shows: make the frame as tall as the element first.
  await page.viewport(width, Math.ceil(element.getBoundingClientRect().bottom + window.scrollY));
  // The screenshot path is relative to the test file, the file commands' paths to the package root.
  await commands.removeFile(`artifacts/${name}.png`).catch((error: unknown) => {
    if (!String(error).includes('ENOENT')) throw error;
  });
  (document.activeElement as HTMLElement | null)?.blur(); // no focus ring in the picture
  const shot = await page.screenshot({ path: `../artifacts/${name}.png`, element });
  if (!/artifacts[\\/][^\\/]+\.png$/.test(shot)) throw new Error(`screenshot written elsewhere: ${shot}`);
  const bytes = await fromBase64(await commands.readFile(shot, 'base64'));
  const png = pngSize(bytes);
  const box = element.getBoundingClientRect();
  const scale = devicePixelRatio;
  if (Math.abs(png.width - box.width * scale) > 2 || Math.abs(png.height - box.height * scale) > 2) {
    throw new Error(`${name}.png is ${png.width}×${png.height}, the element ${box.width}×${box.height} at ×${scale}`);
  }
  const ink = await stripesWithInk(bytes, 4);
  if (ink.includes(false)) throw new Error(`${name}.png has a blank quarter (${ink.join(', ')})`);
  return png;
}
