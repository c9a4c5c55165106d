// The package's `test` script (what CI runs): the same pipeline, but the pacts are generated into
// a temporary directory and compared byte for byte with the committed contracts/, and the unit
// tests of the tooling run last. Exits 1 when any step fails.
import '../src/env.ts';
import { runPipeline } from '../src/pipeline.ts';

const { ok } = await runPipeline('check');
process.exitCode = ok ? 0 : 1;
