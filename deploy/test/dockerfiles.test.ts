// docker/*.Dockerfile: they parse, build from `turbo prune --docker` output, keep production dependencies only,
// run as a non-root user under tini with a health check; and `turbo prune` succeeds for every app.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import {
  copiesOf,
  instructionsOf,
  listDockerfiles,
  parseDockerfile,
  prunedPackage,
  readDockerfile,
  type Dockerfile,
} from '../src/dockerfiles.js';
import { appWorkspaces, readRepoFile, repoPath, repoRoot } from '../src/repo.js';

const run = promisify(execFile);

/** Which app each image carries: the names the architecture gives them (apps may be written after their image). */
const appOfImage: Record<string, { dir: string; name: string }> = {
  api: { dir: 'apps/api', name: '@absensi/api-node' },
  realtime: { dir: 'apps/realtime', name: '@absensi/realtime' },
  subscriber: { dir: 'apps/subscriber', name: '@absensi/subscriber' },
  worker: { dir: 'apps/worker', name: '@absensi/worker' },
  nginx: { dir: 'apps/web', name: '@absensi/web' },
};

const runtimeOf = (dockerfile: Dockerfile) => dockerfile.stages.at(-1)!;

/** A workspace and every workspace it depends on (dependencies and devDependencies), as folders. */
function workspaceClosure(start: string): Set<string> {
  const folders = new Map<string, string>();
  const patterns = (JSON.parse(readRepoFile('package.json')) as { workspaces: string[] })
    .workspaces;
  const dirs = patterns.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [pattern];
    const parent = pattern.slice(0, -2);
    return existsSync(repoPath(parent))
      ? readdirSync(repoPath(parent)).map((entry) => `${parent}/${entry}`)
      : [];
  });
  for (const dir of dirs) {
    const file = repoPath(dir, 'package.json');
    if (existsSync(file))
      folders.set((JSON.parse(readFileSync(file, 'utf8')) as { name: string }).name, dir);
  }
  const seen = new Set<string>();
  const visit = (dir: string) => {
    if (seen.has(dir)) return;
    seen.add(dir);
    const pkg = JSON.parse(readRepoFile(dir, 'package.json')) as Record<
      string,
      Record<string, string> | undefined
    >;
    for (const name of Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })) {
      const folder = folders.get(name);
      if (folder) visit(folder);
    }
  };
  visit(start);
  return seen;
}

describe('the Dockerfiles', () => {
  const names = listDockerfiles();

  it('are one per app image, and every app that exists has one', () => {
    expect(names).toEqual(Object.keys(appOfImage).sort());
    for (const app of appWorkspaces()) {
      const image = Object.entries(appOfImage).find(
        ([, expected]) => expected.dir === app.dir,
      )?.[0];
      expect(image, `${app.dir} (${app.name}) has no Dockerfile in docker/`).toBeDefined();
      expect(appOfImage[image!]!.name, `${app.dir}'s package name`).toBe(app.name);
    }
  });

  it('finds the errors it is there for (so the checks below can fail)', () => {
    const broken = parseDockerfile(
      'FROM debian AS a\nCOPYY a b\nHEALTHCHECK --interval=often CMD true\nUSER\n',
    );
    expect(broken.problems.join('\n')).toMatch(/Unknown instruction: COPYY/);
    expect(broken.problems.join('\n')).toMatch(/invalid duration often/);
    expect(broken.problems.join('\n')).toMatch(/no arguments/);
  });

  describe.each(names)('%s', (name) => {
    const dockerfile = readDockerfile(name);
    const runtime = runtimeOf(dockerfile);
    const app = appOfImage[name]!;

    it('parses without errors', () => {
      expect(dockerfile.problems).toEqual([]);
      expect(dockerfile.stages.map((stage) => stage.name)).toEqual([
        'pruner',
        'builder',
        'runtime',
      ]);
    });

    it(`builds from \`turbo prune ${app.name} --docker\` output`, () => {
      expect(prunedPackage(dockerfile)).toBe(app.name);
      const builder = dockerfile.stages.find((stage) => stage.name === 'builder')!;
      const fromPruner = copiesOf(builder).filter((copy) => copy.from === 'pruner');
      expect(fromPruner.map((copy) => copy.sources)).toEqual([['/out/json/'], ['/out/full/']]);
      // the lockfile and manifests first (a cached install layer), then the sources
      const install = builder.instructions.find((instruction) =>
        /npm ci/.test(instruction.getTextContent()),
      )!;
      const full = builder.instructions.find((instruction) =>
        instruction.getTextContent().includes('/out/full/'),
      )!;
      expect(install.getRange().start.line).toBeLessThan(full.getRange().start.line);
      // the runtime image takes nothing from the whole repository, only from the builder
      for (const copy of copiesOf(runtime)) {
        if (copy.from !== undefined) expect(copy.from).toBe('builder');
        else
          for (const source of copy.sources)
            expect(source, 'only single files from the context').not.toBe('.');
      }
    });

    it('keeps production dependencies only', () => {
      if (name === 'nginx') {
        // static files: the PWA's build output is all that reaches the image
        expect(copiesOf(runtime).filter((copy) => copy.from === 'builder')).toEqual([
          { from: 'builder', sources: ['/app/apps/web/dist/'] },
        ]);
        return;
      }
      const builder = dockerfile.stages.find((stage) => stage.name === 'builder')!;
      const commands = instructionsOf(builder, 'RUN').map((args) => args.join(' '));
      const build = commands.findIndex((command) => command.includes('turbo run build'));
      expect(build).toBeGreaterThanOrEqual(0);
      expect(commands[build]).toMatch(/npm prune --omit=dev/);
      expect(instructionsOf(runtime, 'RUN').join(' ')).not.toMatch(/npm (ci|install)/);
    });

    it('runs as a non-root user under tini, with a health check', () => {
      const users = instructionsOf(runtime, 'USER').flat();
      expect(users.length).toBe(1);
      expect(users[0]).not.toMatch(/^(root|0)(:|$)/);
      expect(instructionsOf(runtime, 'RUN').flat().join(' ')).toContain(
        `useradd --system --uid 10001`,
      );
      const user = runtime.instructions.findIndex(
        (instruction) => instruction.getKeyword() === 'USER',
      );
      const lastRun = runtime.instructions.findLastIndex(
        (instruction) => instruction.getKeyword() === 'RUN',
      );
      expect(user, 'USER after the last RUN').toBeGreaterThan(lastRun);
      const healthchecks = instructionsOf(runtime, 'HEALTHCHECK');
      expect(healthchecks.length).toBe(1);
      expect(healthchecks[0]).toContain('CMD');
      const entrypoint = JSON.parse(
        instructionsOf(runtime, 'ENTRYPOINT')[0]!.join(' '),
      ) as string[];
      expect(entrypoint.slice(0, 2)).toEqual(['/usr/bin/tini', '--']);
      expect(instructionsOf(runtime, 'RUN').flat().join(' ')).toMatch(/apt-get install .*\btini\b/);
    });

    it('starts what the app builds', () => {
      if (!existsSync(repoPath(app.dir, 'package.json')))
        return expect(existsSync(repoPath(app.dir))).toBe(false);
      if (name === 'nginx') {
        expect(readRepoFile(app.dir, 'package.json')).toMatch(/"build":/);
        return;
      }
      const command = JSON.parse(instructionsOf(runtime, 'CMD')[0]!.join(' ')) as string[];
      expect(command[0]).toBe('node');
      const entry = command[1]!;
      expect(entry).toBe(`${app.dir}/dist/main.js`);
      expect(
        existsSync(repoPath(app.dir, 'src', 'main.ts')),
        `${app.dir}/src/main.ts builds ${entry}`,
      ).toBe(true);
    });
  });
});

describe('turbo prune --docker, for every app that exists', () => {
  const out = mkdtempSync(join(tmpdir(), 'absensi-prune-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));
  const apps = appWorkspaces();

  it('finds the apps', () => {
    expect(apps.map((app) => app.dir)).toContain('apps/api');
  });

  it.each(apps)('prunes $name ($dir)', async ({ dir, name }) => {
    const target = join(out, name.replace(/[@/]/g, '_'));
    await run('npx', ['turbo', 'prune', name, '--docker', '--out-dir', target], {
      cwd: repoRoot,
      timeout: 120_000,
    });
    expect(existsSync(join(target, 'json', 'package-lock.json'))).toBe(true);
    expect(existsSync(join(target, 'json', dir, 'package.json'))).toBe(true);
    expect(existsSync(join(target, 'full', dir, 'package.json'))).toBe(true);
    // only the workspaces the app depends on
    const workspaces = (
      JSON.parse(readFileSync(join(target, 'json', 'package.json'), 'utf8')) as {
        workspaces: string[];
      }
    ).workspaces;
    expect(workspaces).toContain(dir);
    expect(workspaces).not.toContain('deploy');
    // only the workspaces the app depends on, directly or not
    const reachable = workspaceClosure(dir);
    expect([...workspaces].sort()).toEqual([...reachable].sort());
  });
});
