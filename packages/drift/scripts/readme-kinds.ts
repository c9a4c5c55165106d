// Renders README.md's "Change kinds" table from the rule table (src/rules.ts) and writes it between
// the <!-- kinds:start --> and <!-- kinds:end --> markers. Run: pnpm --filter @atlas-kit/drift readme
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ruleRows } from '../src/rules.ts';

const START = '<!-- kinds:start -->';
const END = '<!-- kinds:end -->';

export function renderKindsTable(): string {
  const rows = ruleRows().map((row) => {
    const severity =
      typeof row.severity === 'string'
        ? `${row.severity}${row.escalated ? ` (${row.escalated} with --strict-lifecycle or callers left)` : ''}${row.docOnly ? ', --verbose only' : ''}`
        : row.severity.request === row.severity.response
          ? row.severity.request
          : `request ${row.severity.request}, response ${row.severity.response}`;
    const message = row.message.replace(/\|/g, '\\|');
    return `| \`${row.id}\` | ${row.area} | ${severity} | ${message} |`;
  });
  return [START, '| kind | area | severity | message |', '| --- | --- | --- | --- |', ...rows, END].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = new URL('../README.md', import.meta.url);
  const readme = readFileSync(file, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start === -1 || end === -1) throw new Error(`README.md has no ${START} … ${END} section`);
  writeFileSync(file, readme.slice(0, start) + renderKindsTable() + readme.slice(end + END.length));
  console.log('README.md: change kinds table updated');
}
