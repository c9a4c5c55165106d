#!/usr/bin/env node
// Plain JavaScript, so the bin runs with plain Node >= 22.12 from node_modules (Node strips no
// types there). It imports the CLI through the package's own exports: the built dist/cli.js
// normally, the TypeScript source in this repository when Node runs with
// --conditions=@atlas-kit/source (`pnpm drift`, the tests).
import module from 'node:module';

// Node's on-disk compile cache: module loading is much of this CLI's run time, and a repeat run
// skips compiling again. Node validates entries by content hash; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
module.enableCompileCache?.();

// Loaded dynamically so that even a broken install ends with a one-line error and exit 2, never
// with exit 1 (which means "breaking change") and a stack trace.
try {
  const { run } = await import('@atlas-kit/drift/cli');
  // exit explicitly: a timed-out fetch may leave a socket handle behind; writes to pipes and
  // files are synchronous on POSIX, so no output is lost
  process.exit(await run(process.argv.slice(2)));
} catch (error) {
  const message = String(error?.message ?? error)
    .split('\n')[0]
    // biome-ignore lint/suspicious/noControlCharactersInRegex: a message is printed with its control characters replaced
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  process.stderr.write(`atlas-drift: internal error: ${message}\n`);
  process.exit(2);
}
