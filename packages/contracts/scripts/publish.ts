// `pnpm contracts:publish [--dry-run]`: publish contracts/*.json to a Pact Broker / PactFlow.
// Exit codes: 0 published (or --dry-run), 1 the broker refused or could not be reached,
// 2 not configured (PACT_BROKER_BASE_URL unset), 3 misconfigured. See the package README.
import '../src/env.ts';
import { execFileSync, spawnSync } from 'node:child_process';
import { pactFilesIn } from '../src/pact-file.ts';
import { contractsDir, repoRoot } from '../src/paths.ts';
import { type GitFacts, PUBLISH_EXIT, planPublish } from '../src/publish.ts';

function git(args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

const dryRun = process.argv.includes('--dry-run');
const facts: GitFacts = {};
const sha = git(['rev-parse', 'HEAD']);
if (sha) facts.sha = sha;
const branch = git(['rev-parse', '--abbrev-ref', 'HEAD']);
if (branch) facts.branch = branch;
const status = git(['status', '--porcelain']);
if (status !== undefined) facts.dirty = status.length > 0;

const plan = planPublish(process.env, facts, pactFilesIn(contractsDir));
if (plan.kind !== 'ready') {
  console.error(plan.message);
  process.exit(plan.exitCode);
}
console.log(
  `contracts:publish: consumer version ${plan.consumerVersion}${plan.branch ? `, branch ${plan.branch}` : ''}, auth ${plan.auth}`,
);
console.log(`  ${plan.display}`);
if (dryRun) {
  console.log('--dry-run: not run.');
  process.exit(PUBLISH_EXIT.published);
}
const result = spawnSync(plan.command, plan.args, {
  cwd: repoRoot,
  stdio: 'inherit',
  env: { ...process.env, PACT_DO_NOT_TRACK: 'true' },
});
if (result.status !== 0) {
  console.error(
    `contracts:publish: pact-broker publish failed (${result.error?.message ?? `exit code ${result.status}`}).`,
  );
  process.exit(PUBLISH_EXIT.publishFailed);
}
console.log('contracts:publish: published.');
