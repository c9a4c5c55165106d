import { resolve } from 'node:path';
import { operationIds } from '@atlas-kit/openapi';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { htmlText, md, visible } from '../src/report/escape.ts';
import { PACKAGE_DIR, runCli, UPSTREAM } from './helpers.ts';

/*
 * Issue 16 items 2 and 3, and issue 12 item 5: the reports of an upstream that puts HTML, comments,
 * mentions, links, backticks and control characters into names and values, rendered with a
 * CommonMark renderer (markdown-it, raw HTML and autolinks on, as GitHub has them).
 */
const HOSTILE = resolve(PACKAGE_DIR, 'test/hostile');
const renderer = new MarkdownIt({ html: true, linkify: true });
const injection = [
  '--baseline',
  resolve(HOSTILE, 'baseline.yaml'),
  '--upstream',
  resolve(HOSTILE, 'injection/upstream.yaml'),
  '--now',
  '2026-01-01',
  '--no-acknowledged',
];

describe('2. Markdown: every upstream string is inert', () => {
  it('renders no HTML, comment, link, image or mention of its own, and keeps every row and line', async () => {
    const r = await runCli([...injection, '--format', 'markdown']);
    expect(r.code).toBe(0);
    const html = renderer.render(r.stdout);
    // the only HTML the report contains is its own: the marker comment and the <sub> hint
    expect(html.match(/<!--/g)).toHaveLength(1);
    expect(html).not.toMatch(/<img|<script|<a |<details|<\/details>/i);
    expect(html).not.toMatch(/@mongodb\/team|:\/\/evil\.example|#1234/);
    // the verdict heading, the per-operation section, the counts and every change row survive
    expect(html).toContain('<h2>⚠️ Atlas API drift: no breaking change; 1 warning</h2>');
    expect(html.match(/<h3>/g)).toHaveLength(1);
    expect(html).toContain('<strong>Changes:</strong> 0 breaking, 1 warning, 4 info');
    expect(html.match(/<tr>/g)).toHaveLength(1 + 5);
    // the hostile values are there, as text
    expect(html).toContain('&lt;/details&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('@\u200bmongodb/team');
    expect(html).toContain('``code`` break');
    expect(html).toContain('x\\r&lt;!-- hidden\\n\\e]0;pwned\\x07\\e[2J');
  });

  it('escapes each construct on its own', () => {
    const inline = (s: string) => renderer.renderInline(md(s));
    expect(inline('<img src=x>')).toBe('&lt;img src=x&gt;');
    expect(inline('[a](https://x.example)')).toBe('[a](https:\u200b//x.example)');
    expect(inline('see www.x.example or a@b.example')).toBe('see www\u200b.x.example or a@\u200bb.example');
    expect(inline('**bold** _em_ `code`')).toBe('**bold** _em_ `code`');
    expect(inline('a | b')).toBe('a | b');
    expect(inline('line\r<!--')).toBe('line\\r&lt;!--');
    expect(inline('&amp; &#64;')).toBe('&amp;amp; &amp;#\u200b64;');
    expect(visible('\u202eevil')).toBe('\\u202eevil');
    expect(visible('\u061cx\u2066y')).toBe('\\u061cx\\u2066y');
    expect(htmlText('</summary><img>@a')).toBe('&#60;/summary&#62;&#60;img&#62;@\u200ba');
  });
});

describe('3. terminal: control characters are shown, never sent', () => {
  it('no ESC, BEL or CR reaches the output, and no line can be forged', async () => {
    const r = await runCli(injection);
    expect(r.code).toBe(0);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: that no control character is printed is the point
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(r.stdout).toContain('x\\r<!-- hidden\\n\\e]0;pwned\\x07\\e[2J');
    expect(r.stdout.split('\n').filter((line) => line.startsWith('Result:'))).toEqual([
      'Result: no breaking change, needs attention — 0 breaking, 1 warning, 4 info',
    ]);
    expect(r.stdout).toContain('"weird\\nResult: no breaking change — forged"');
  });
});

describe('the Markdown report a reviewer reads in ten seconds', () => {
  it('verdict first, one heading level per section, grouped by operation, notice once and collapsed', async () => {
    const r = await runCli(['--upstream', UPSTREAM['2026-08-13'], '--now', '2026-08-13', '--format', 'markdown']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('<!-- atlas-drift-report -->');
    expect(lines[1]?.startsWith('## ⚠️ ')).toBe(true);
    expect(lines.filter((l) => l.startsWith('#')).map((l) => l.split(' ')[0])).toEqual([
      '##',
      ...operationIds.map(() => '###'),
    ]);
    const html = renderer.render(r.stdout);
    expect(html).toContain(
      '<h2>⚠️ Atlas API drift: no breaking change; past its sunset: downloadClusterBackupTenant (removed upstream), getBackupTenantRestore (removed upstream)</h2>',
    );
    expect(html.match(/<h3>/g)).toHaveLength(operationIds.length);
    expect(html).toMatch(/<h3>⚠️ downloadClusterBackupTenant: removed upstream<\/h3>/);
    expect(html).toMatch(/<h3>✅ downloadFlexBackup: no change<\/h3>/);
    // the notice once, collapsed, no heading of its own
    expect(r.stdout.match(/<details><summary>Migration notice: /g)).toHaveLength(1);
    expect(r.stdout).not.toMatch(/^#{1,6} .*sunset on/m);
    // short link text, no bare URL outside a link target
    expect(r.stdout).toContain('[downloadFlexBackup](https://www.mongodb.com/docs/');
    const text = r.stdout.replace(/\]\(https:[^)]*\)/g, '](…)');
    expect(text).not.toMatch(/https?:\/\/(?!\u200b)/);
    expect(r.stdout).not.toContain('✅ Atlas API drift');
    // the acknowledgement file is named
    expect(html).toContain('Acknowledgements: acknowledged.yaml (0 applied, 0 expired, 0 unused)');
  });

  it('both sunset dates are labelled when upstream and the kit disagree (2025-06-30: 2026-01-15 vs 2026-01-22)', async () => {
    const r = await runCli(['--upstream', UPSTREAM['2025-06-30'], '--now', '2026-01-10', '--format', 'markdown']);
    const html = renderer.render(r.stdout);
    expect(html).toContain("upstream's x-sunset 2026-01-15, the kit's (specs/) 2026-01-22");
  });
});
