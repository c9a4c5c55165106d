// atlas-kit-migrate scan|apply [dir…]: the command line over scan() and apply().
import { parseArgs } from 'node:util';
import { apply } from './apply.ts';
import { UsageError } from './errors.ts';
import { deadNames } from './facts.ts';
import { escapeControls, escapeLine } from './report/escape.ts';
import { scanMarkdown } from './report/markdown.ts';
import { applySummary, scanText } from './report/text.ts';
import { scan } from './scan.ts';

export const usage = `Usage:
  atlas-kit-migrate scan  [dir…] [--format text|json|markdown]
  atlas-kit-migrate apply [dir…] [--write] [--format text|json]

scan   lists every call of the dead Atlas operations
       (${[...deadNames.keys()].join(', ')})
       in .ts/.tsx/.js/.mjs/.cjs files and shell scripts, and their mentions in comments and Markdown;
       .gitignore is respected, node_modules skipped. Default dir: .
apply  moves the calls it can move safely to the Flex operations and puts a TODO(atlas-migrate) comment
       above the others; prints a unified diff. A dry run unless --write.

Exit: 0 no caller (left), 1 callers remain, 2 unusable input.
`;

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd?: string;
}

const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        write: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    // node:util's messages are one line and name the option; drop its own hint
    throw new UsageError(String((error as Error).message).split('. To specify')[0] as string);
  }
}

export async function run(argv: string[], io: Io = processIo): Promise<number> {
  try {
    const { values, positionals } = parse(argv);
    if (values.help) {
      io.stdout(usage);
      return 0;
    }
    const [command, ...dirs] = positionals;
    const roots = dirs.length > 0 ? dirs : ['.'];
    const options = io.cwd ? { cwd: io.cwd } : {};
    if (command === 'scan') {
      if (values.write) throw new UsageError('--write belongs to apply, not scan');
      const format = values.format;
      if (format !== 'text' && format !== 'json' && format !== 'markdown') {
        throw new UsageError(`unknown --format ${JSON.stringify(format)} (text, json or markdown)`);
      }
      const result = await scan(roots, options);
      io.stdout(
        format === 'json'
          ? `${JSON.stringify(result, null, 2)}\n`
          : format === 'markdown'
            ? scanMarkdown(result)
            : scanText(result),
      );
      return result.callers.length > 0 ? 1 : 0;
    }
    if (command === 'apply') {
      const format = values.format;
      if (format !== 'text' && format !== 'json')
        throw new UsageError(`unknown --format ${JSON.stringify(format)} for apply (text or json)`);
      const result = await apply(roots, { ...options, write: values.write });
      if (format === 'json') {
        const { scan: _scan, ...rest } = result;
        io.stdout(`${JSON.stringify(rest, null, 2)}\n`);
      } else {
        io.stdout(escapeControls(result.diff));
        io.stderr(applySummary(result));
      }
      const remaining = result.written ? result.left.length : result.scan.callers.length;
      return remaining > 0 ? 1 : 0;
    }
    throw new UsageError(
      command === undefined
        ? 'no command (scan or apply)'
        : `unknown command ${JSON.stringify(command)} (scan or apply)`,
    );
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`atlas-kit-migrate: ${escapeLine(error.message)} (see --help)\n`);
      return 2;
    }
    io.stderr(
      `atlas-kit-migrate: internal error: ${escapeLine(String((error as Error)?.message ?? error).split('\n')[0] as string)}\n`,
    );
    return 2;
  }
}
