// `contracts:publish`: sends contracts/*.json to a Pact Broker or PactFlow with the pact-broker
// command of @pact-foundation/pact-cli (a native binary shipped inside an npm package per platform;
// nothing is downloaded at install or run time). Credentials go to the CLI through its own
// environment variables (PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME + PACT_BROKER_PASSWORD),
// never on the command line, where `ps` would show them.
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { repoRoot } from './paths.ts';

/** Exit codes of `contracts:publish` (documented in the README). */
export const PUBLISH_EXIT = {
  published: 0,
  publishFailed: 1,
  notConfigured: 2,
  misconfigured: 3,
} as const;

export interface GitFacts {
  sha?: string;
  branch?: string;
  /** Uncommitted changes in the work tree. */
  dirty?: boolean;
}

export type PublishPlan =
  | { kind: 'not-configured' | 'misconfigured'; exitCode: number; message: string }
  | {
      kind: 'ready';
      /** The program and arguments to run (program = the Node running us). */
      command: string;
      args: string[];
      /** The same command for people: `pact-broker publish …`, no secrets. */
      display: string;
      auth: 'token' | 'basic' | 'none';
      consumerVersion: string;
      branch?: string;
    };

const pactBrokerJs = createRequire(import.meta.url).resolve('@pact-foundation/pact-cli/bin/pact-broker.js');

type Env = Record<string, string | undefined>;

export function planPublish(env: Env, git: GitFacts, pactFiles: string[]): PublishPlan {
  const baseUrl = env.PACT_BROKER_BASE_URL?.trim();
  if (!baseUrl) {
    return {
      kind: 'not-configured',
      exitCode: PUBLISH_EXIT.notConfigured,
      message: [
        'contracts:publish: no Pact Broker configured, nothing was published.',
        'Set PACT_BROKER_BASE_URL (e.g. https://your-org.pactflow.io) and either PACT_BROKER_TOKEN',
        'or PACT_BROKER_USERNAME + PACT_BROKER_PASSWORD, then run `pnpm contracts:publish` again.',
        `(exit code ${PUBLISH_EXIT.notConfigured} = not configured)`,
      ].join('\n'),
    };
  }
  const bad = (message: string): PublishPlan => ({
    kind: 'misconfigured',
    exitCode: PUBLISH_EXIT.misconfigured,
    message: `contracts:publish: ${message} (exit code ${PUBLISH_EXIT.misconfigured} = misconfigured)`,
  });
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return bad(`PACT_BROKER_BASE_URL is not a URL: ${JSON.stringify(baseUrl)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return bad('PACT_BROKER_BASE_URL must be http(s)');
  if (url.username || url.password) {
    return bad('PACT_BROKER_BASE_URL must not carry credentials; use PACT_BROKER_USERNAME / PACT_BROKER_PASSWORD');
  }
  const token = env.PACT_BROKER_TOKEN;
  const user = env.PACT_BROKER_USERNAME;
  const password = env.PACT_BROKER_PASSWORD;
  if (Boolean(user) !== Boolean(password))
    return bad('set both PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD, or neither');
  if (token && user) return bad('set PACT_BROKER_TOKEN or PACT_BROKER_USERNAME/PASSWORD, not both');
  if (pactFiles.length === 0) return bad('contracts/ holds no pact file; run `pnpm contracts` first');

  const explicitVersion = env.PACT_CONSUMER_VERSION?.trim();
  const consumerVersion = explicitVersion || env.GITHUB_SHA?.trim() || git.sha;
  if (!consumerVersion) return bad('no consumer version: not a git checkout; set PACT_CONSUMER_VERSION');
  // A version names one state of the consumer; from a dirty tree the contract may not match the sha.
  if (!explicitVersion && git.dirty) {
    return bad(
      'the work tree has uncommitted changes, so the git sha would not describe these pacts; commit first or set PACT_CONSUMER_VERSION',
    );
  }
  const branch =
    env.PACT_CONSUMER_BRANCH?.trim() ||
    env.GITHUB_HEAD_REF?.trim() ||
    env.GITHUB_REF_NAME?.trim() ||
    (git.branch && git.branch !== 'HEAD' ? git.branch : undefined);

  const files = pactFiles.map((f) => relative(repoRoot, f));
  const cliArgs = [
    'publish',
    ...files,
    '--broker-base-url',
    url.toString().replace(/\/$/, ''),
    '--consumer-app-version',
    consumerVersion,
    ...(branch ? ['--branch', branch] : []),
  ];
  return {
    kind: 'ready',
    command: process.execPath,
    args: [pactBrokerJs, ...cliArgs],
    display: `pact-broker ${cliArgs.join(' ')}`,
    auth: token ? 'token' : user ? 'basic' : 'none',
    consumerVersion,
    ...(branch ? { branch } : {}),
  };
}
