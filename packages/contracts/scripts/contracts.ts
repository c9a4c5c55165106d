// `pnpm contracts`: regenerate the pacts into contracts/, verify them against the mocks and
// Prism, compare them with the spec, and print a summary. Exits 1 when any step fails.
import '../src/env.ts';
import { runPipeline } from '../src/pipeline.ts';

const { ok } = await runPipeline('write');
process.exitCode = ok ? 0 : 1;
