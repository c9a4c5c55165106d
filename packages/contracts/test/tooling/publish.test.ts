// contracts:publish cannot be exercised here (no broker, no network): these tests cover the
// "not configured" path and the command it would run, without running it.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contractsDir, packageRoot } from '../../src/paths.ts';
import { PUBLISH_EXIT, planPublish } from '../../src/publish.ts';

const pactFile = join(contractsDir, 'atlas-kit-client-atlas-admin-api.json');
const git = { sha: '4f120cb0000000000000000000000000000000aa', branch: 'main', dirty: false };

function runScript(env: Record<string, string | undefined>, args: string[] = []) {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('PACT_BROKER_') && !k.startsWith('PACT_CONSUMER_')),
  );
  return spawnSync(process.execPath, [join(packageRoot, 'scripts/publish.ts'), ...args], {
    env: { ...clean, ...env },
    encoding: 'utf8',
  });
}

describe('contracts:publish', () => {
  it('without PACT_BROKER_BASE_URL: says how to configure it and exits 2, publishing nothing', () => {
    const run = runScript({});
    expect(run.status).toBe(PUBLISH_EXIT.notConfigured);
    expect(run.stderr).toMatch(/no Pact Broker configured, nothing was published/);
    expect(run.stderr).toMatch(/PACT_BROKER_BASE_URL/);
    expect(run.stdout).toBe('');
  });

  it('builds the pact-broker publish command: files, broker, git sha as version, branch', () => {
    const plan = planPublish({ PACT_BROKER_BASE_URL: 'https://acme.pactflow.io/', PACT_BROKER_TOKEN: 'tok-123' }, git, [
      pactFile,
    ]);
    expect(plan).toMatchObject({ kind: 'ready', auth: 'token', consumerVersion: git.sha, branch: 'main' });
    if (plan.kind !== 'ready') throw new Error('unreachable');
    expect(plan.command).toBe(process.execPath);
    expect(plan.args[0]).toMatch(/@pact-foundation\/pact-cli\/bin\/pact-broker\.js$/);
    expect(plan.display).toBe(
      `pact-broker publish contracts/atlas-kit-client-atlas-admin-api.json --broker-base-url https://acme.pactflow.io --consumer-app-version ${git.sha} --branch main`,
    );
    // Credentials travel in the environment (read by the CLI), never in the arguments.
    expect(plan.args.join(' ')).not.toContain('tok-123');
  });

  it('takes basic auth, an explicit version and the CI branch', () => {
    const plan = planPublish(
      {
        PACT_BROKER_BASE_URL: 'https://broker.example',
        PACT_BROKER_USERNAME: 'u',
        PACT_BROKER_PASSWORD: 'p',
        PACT_CONSUMER_VERSION: '1.2.3+abc',
        GITHUB_REF_NAME: 'release',
      },
      { ...git, dirty: true },
      [pactFile],
    );
    expect(plan).toMatchObject({ kind: 'ready', auth: 'basic', consumerVersion: '1.2.3+abc', branch: 'release' });
  });

  it.each([
    [{ PACT_BROKER_BASE_URL: 'not a url' }, git, /not a URL/],
    [{ PACT_BROKER_BASE_URL: 'https://u:p@broker.example' }, git, /must not carry credentials/],
    [
      { PACT_BROKER_BASE_URL: 'https://broker.example', PACT_BROKER_USERNAME: 'u' },
      git,
      /both PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD/,
    ],
    [{ PACT_BROKER_BASE_URL: 'https://broker.example' }, { ...git, dirty: true }, /uncommitted changes/],
    [{ PACT_BROKER_BASE_URL: 'https://broker.example' }, {}, /no consumer version/],
  ])('refuses a misconfiguration with exit code 3: %j', (env, facts, message) => {
    const plan = planPublish(env, facts, [pactFile]);
    expect(plan).toMatchObject({ kind: 'misconfigured', exitCode: PUBLISH_EXIT.misconfigured });
    if (plan.kind === 'ready') throw new Error('unreachable');
    expect(plan.message).toMatch(message);
  });

  it('refuses when there is no pact to publish', () => {
    expect(planPublish({ PACT_BROKER_BASE_URL: 'https://broker.example' }, git, [])).toMatchObject({
      kind: 'misconfigured',
    });
  });

  it('--dry-run prints the command and runs nothing', () => {
    const run = runScript({ PACT_BROKER_BASE_URL: 'https://broker.invalid', PACT_CONSUMER_VERSION: 'v-test' }, [
      '--dry-run',
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /pact-broker publish contracts\/\S+\.json --broker-base-url https:\/\/broker\.invalid --consumer-app-version v-test/,
    );
    expect(run.stdout).toMatch(/--dry-run: not run\./);
  });
});
