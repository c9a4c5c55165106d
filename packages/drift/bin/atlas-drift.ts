#!/usr/bin/env node
import module from 'node:module';

// Node's on-disk compile cache (V8 code cache, including the type-stripped .ts sources): module
// loading is most of this CLI's run time, and a repeat run skips stripping and compiling again.
// Node validates entries by content hash; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
module.enableCompileCache?.();

// Loaded dynamically so that even a broken install ends with a one-line error and exit 2,
// never with exit 1 (which means "breaking change") and a stack trace.
try {
  const { run } = await import('../src/cli.ts');
  // exit explicitly: a timed-out fetch may leave a socket handle behind; writes to pipes and
  // files are synchronous on POSIX, so no output is lost
  process.exit(await run(process.argv.slice(2)));
} catch (error) {
  process.stderr.write(`atlas-drift: internal error: ${String((error as Error)?.message ?? error).split('\n')[0]}\n`);
  process.exit(2);
}
