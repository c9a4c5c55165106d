import { describe, expect, it } from 'vitest';
import { type Io, run } from '../src/cli.ts';
import { UPSTREAM } from './helpers.ts';

function fakeIo(isTTY: boolean, env: Record<string, string | undefined> = {}) {
  let out = '';
  let err = '';
  const io: Io = {
    stdout: { isTTY, write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    env,
  };
  return { io, out: () => out, err: () => err };
}

const args = ['--upstream', UPSTREAM['2025-06-30'], '--now', '2026-01-10', '--no-acknowledged'];

describe('run() in-process', () => {
  it('colours text output on a TTY', async () => {
    const t = fakeIo(true);
    expect(await run(args, t.io)).toBe(1);
    expect(t.out()).toContain('\u001b[31m');
  });

  it('NO_COLOR turns colour off even on a TTY', async () => {
    const t = fakeIo(true, { NO_COLOR: '1' });
    expect(await run(args, t.io)).toBe(1);
    expect(t.out()).not.toContain('\u001b[');
  });

  it('no colour when stdout is not a TTY, and never in JSON', async () => {
    const plain = fakeIo(false);
    await run(args, plain.io);
    expect(plain.out()).not.toContain('\u001b[');
    const json = fakeIo(true, { FORCE_COLOR: '1' });
    await run([...args, '--format', 'json'], json.io);
    expect(() => JSON.parse(json.out())).not.toThrow();
  });

  it('returns 2 with a one-line error for unusable input', async () => {
    const t = fakeIo(false);
    expect(await run(['--upstream', '/nonexistent/spec.yaml'], t.io)).toBe(2);
    expect(t.err()).toBe('atlas-drift: error: cannot read /nonexistent/spec.yaml: no such file\n');
    expect(t.out()).toBe('');
  });
});
