// .github/workflows: valid for GitHub Actions (action-validator's workflow schema), and running the commands the
// README and the root package.json document.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { validateWorkflow } from '@action-validator/core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { listDockerfiles } from '../src/dockerfiles.js';
import { readRepoFile, repoPath } from '../src/repo.js';

const run = promisify(execFile);

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string | number | boolean>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  services?: Record<string, { image: string; env?: Record<string, string>; ports?: string[] }>;
  env?: Record<string, string>;
  strategy?: { matrix: Record<string, string[]> };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  env?: Record<string, string>;
  jobs: Record<string, Job>;
}

const read = (name: string) => readRepoFile('.github', 'workflows', name);
const load = (name: string) => parse(read(name)) as Workflow;
const commands = (job: Job) =>
  job.steps.flatMap((step) =>
    (step.run ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  );
const rootScripts = (
  JSON.parse(readRepoFile('package.json')) as { scripts: Record<string, string> }
).scripts;

describe.each(['ci.yml', 'deploy.yml'])('%s', (name) => {
  it('is a valid GitHub Actions workflow', () => {
    expect(validateWorkflow(read(name)).errors).toEqual([]);
  });

  it('pins every action to a major version', () => {
    for (const job of Object.values(load(name).jobs)) {
      for (const step of job.steps)
        if (step.uses) expect(step.uses).toMatch(/^[\w.-]+\/[\w.-]+@v\d+$/);
    }
  });
});

it('the validator finds the errors it is there for (so the checks above can fail)', () => {
  const broken = read('ci.yml').replace('runs-on:', 'runs_on:');
  expect(validateWorkflow(broken).errors.length).toBeGreaterThan(0);
  expect(validateWorkflow('on: push\njobs: {}\n').errors.length).toBeGreaterThan(0);
});

describe('ci.yml', () => {
  const ci = load('ci.yml');
  const job = ci.jobs.test!;

  it('installs from the lockfile, then runs the tasks of `npm test` and the build through Turbo', () => {
    const lines = commands(job);
    expect(lines[0]).toBe('npm ci');
    const turbo = lines.slice(1);
    expect(turbo.length).toBe(1);
    const testScript = /^turbo run ((?:[\w:-]+ )+)(--.*)?$/.exec(rootScripts.test!);
    expect(testScript, `root package.json's test script: ${rootScripts.test}`).not.toBeNull();
    const ciTurbo = /^npx turbo run ((?:[\w:-]+ )+)(--.*)?$/.exec(turbo[0]!);
    expect(ciTurbo).not.toBeNull();
    const tasks = (text: string) => text.trim().split(' ').sort();
    expect(tasks(ciTurbo![1]!)).toEqual([...tasks(testScript![1]!), 'build'].sort());
    expect(ciTurbo![2]).toBe(testScript![2]);
    expect(tasks(ciTurbo![1]!)).toEqual(['build', 'lint', 'test', 'typecheck']);
  });

  it('gives the tests MySQL 8.0 and Redis 7 where testEnvironment() looks for them, in CI mode', () => {
    expect(job.services?.mysql?.image).toBe('mysql:8.0');
    expect(job.services?.redis?.image).toBe('redis:7');
    expect(job.env).toMatchObject({
      CI: 'true',
      TEST_MYSQL_URL: `mysql://root@127.0.0.1:3306/${job.services?.mysql?.env?.MYSQL_DATABASE}`,
      TEST_REDIS_URL: 'redis://127.0.0.1:6379',
    });
    // turbo passes these through to the tests
    const turbo = JSON.parse(readRepoFile('turbo.json')) as {
      globalPassThroughEnv: string[];
      globalEnv: string[];
    };
    expect([...turbo.globalPassThroughEnv, ...turbo.globalEnv]).toEqual(
      expect.arrayContaining(['CI', 'TEST_MYSQL_URL', 'TEST_REDIS_URL']),
    );
  });

  it('keeps the Turbo cache between runs', () => {
    const cache = job.steps.find((step) => step.uses?.startsWith('actions/cache@'));
    expect(cache?.with?.path).toBe('.turbo/cache');
    const order = job.steps.map((step) => step.uses ?? step.run);
    expect(order.indexOf(cache!.uses)).toBeLessThan(order.indexOf('npm ci'));
  });

  it('runs the commands the README documents', () => {
    expect(
      existsSync(repoPath('README.md')),
      'README.md is missing at the repository root (it documents install and test)',
    ).toBe(true);
    const readme = readRepoFile('README.md');
    expect(readme).toMatch(/npm (ci|install)\b/);
    expect(readme).toContain('npm test');
  });
});

describe('deploy.yml', () => {
  const workflow = load('deploy.yml');

  it('runs on version tags only', () => {
    expect(workflow.on).toEqual({ push: { tags: ['v*'] } });
  });

  it('builds and pushes one image per Dockerfile in docker/, tagged as stack.yml names them', () => {
    const images = workflow.jobs.images!;
    expect([...images.strategy!.matrix.image!].sort()).toEqual(listDockerfiles());
    const build = images.steps.find((step) => step.uses?.startsWith('docker/build-push-action@'))!;
    expect(build.with).toMatchObject({
      context: '.',
      file: 'docker/${{ matrix.image }}.Dockerfile',
      push: true,
      tags: '${{ env.ABSENSI_IMAGE_PREFIX }}/${{ matrix.image }}:${{ env.TAG }}',
    });
    expect(readRepoFile('stack.yml')).toContain(
      '${ABSENSI_IMAGE_PREFIX:-absensi}/api:${TAG:-latest}',
    );
    expect(Object.keys(workflow.env ?? {})).toEqual(['ABSENSI_IMAGE_PREFIX', 'TAG']);
  });

  it('deploys stack.yml as the stack absensi on the manager from the secrets, then waits for convergence', () => {
    const deploy = workflow.jobs.deploy!;
    expect(deploy.needs).toBe('images');
    expect(deploy.env?.DOCKER_HOST).toMatch(
      /^ssh:\/\/\$\{\{ secrets\.\w+ \}\}@\$\{\{ secrets\.\w+ \}\}$/,
    );
    const lines = commands(deploy);
    const stackDeploy = lines.findIndex((line) => line.startsWith('docker stack deploy'));
    expect(lines[stackDeploy]).toMatch(/ -c stack\.yml absensi$/);
    expect(lines[stackDeploy]).toContain('--with-registry-auth');
    expect(lines.slice(stackDeploy + 1)).toEqual([
      'deploy/scripts/wait-for-rollout.sh absensi 900',
    ]);
  });

  it('names in docs/deploy.md every secret and variable it reads', () => {
    const used = new Set(
      [...read('deploy.yml').matchAll(/\$\{\{ (?:secrets|vars)\.(\w+) \}\}/g)].map(
        (match) => match[1]!,
      ),
    );
    expect(used.size).toBeGreaterThan(0);
    const runbook = readRepoFile('docs', 'deploy.md');
    for (const name of used)
      expect(runbook, `docs/deploy.md should explain ${name}`).toContain(`\`${name}\``);
  });
});

it('wait-for-rollout.sh is valid bash', async () => {
  await expect(
    run('bash', ['-n', repoPath('deploy', 'scripts', 'wait-for-rollout.sh')]),
  ).resolves.toBeDefined();
});
