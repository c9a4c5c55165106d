#!/usr/bin/env node
// Plain JavaScript, so that it runs from node_modules (where Node does not strip types). It loads the
// package's own `./cli` export: the built dist/ for users, the TypeScript sources in this repository
// when Node runs with --conditions=@atlas-kit/source.
import module from 'node:module';

// V8 code cache on disk: loading TypeScript's compiler is most of a small scan's time.
module.enableCompileCache?.();

try {
  const { run } = await import('@atlas-kit/migrate/cli');
  process.exitCode = await run(process.argv.slice(2));
} catch (error) {
  // even a broken install ends with one line and exit 2, never 1 ("callers remain") and a stack trace
  process.stderr.write(`atlas-kit-migrate: internal error: ${String(error?.message ?? error).split('\n')[0]}\n`);
  process.exitCode = 2;
}
