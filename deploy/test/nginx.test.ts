// The nginx image's side of nginx.conf: docker/nginx-upstreams.sh writes the upstream members nginx.conf
// includes, and nginx accepts the root nginx.conf with them, laid out as in the image.
import { execFile } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { readDockerfile } from '../src/dockerfiles.js';
import { repoPath } from '../src/repo.js';

const run = promisify(execFile);
const script = repoPath('docker', 'nginx-upstreams.sh');
const work = mkdtempSync(join(tmpdir(), 'absensi-nginx-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A stand-in for `getent ahostsv4 NAME` that answers from a table, so no name goes to a DNS server. */
function fakeResolver(table: Record<string, string[]>): string {
  const path = join(work, `getent-${Object.keys(table).join('-') || 'none'}`);
  const cases = Object.entries(table)
    .map(
      ([name, addresses]) =>
        `  ${name}) printf '%s' '${addresses.map((a) => `${a} STREAM ${name}\n`).join('')}' ;;`,
    )
    .join('\n');
  writeFileSync(path, `#!/bin/sh\ncase "$2" in\n${cases}\n  *) exit 2 ;;\nesac\n`);
  chmodSync(path, 0o755);
  return path;
}

async function render(dir: string, table: Record<string, string[]>) {
  await run('sh', [script, 'render', dir], {
    env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', ABSENSI_GETENT: fakeResolver(table) },
  });
  return {
    api: readFileSync(join(dir, 'api.conf'), 'utf8'),
    realtime: readFileSync(join(dir, 'realtime.conf'), 'utf8'),
  };
}

describe('nginx-upstreams.sh render', () => {
  it('lists every task address of tasks.api (least_conn) and tasks.realtime', async () => {
    const files = await render(join(work, 'a'), {
      'tasks.api': ['10.0.1.5', '10.0.1.3', '10.0.1.4', '10.0.1.3'],
      'tasks.realtime': ['10.0.1.9'],
    });
    expect(files.api).toBe(
      [
        'least_conn;',
        'server 10.0.1.3:3000 max_fails=1 fail_timeout=5s;',
        'server 10.0.1.4:3000 max_fails=1 fail_timeout=5s;',
        'server 10.0.1.5:3000 max_fails=1 fail_timeout=5s;',
        '',
      ].join('\n'),
    );
    expect(files.realtime).toBe('server 10.0.1.9:8081 max_fails=1 fail_timeout=5s;\n');
  });

  it('writes a member marked down while a service has no task, so nginx still starts', async () => {
    const files = await render(join(work, 'b'), {});
    expect(files.api).toBe(
      'least_conn;\nserver 127.0.0.1:3000 down; # tasks.api has no tasks yet\n',
    );
    expect(files.realtime).toBe('server 127.0.0.1:8081 down; # tasks.realtime has no tasks yet\n');
  });

  it('is the nginx image entrypoint, run under tini', () => {
    const dockerfile = readDockerfile('nginx');
    expect(dockerfile.text).toContain(
      'COPY docker/nginx-upstreams.sh /usr/local/bin/nginx-upstreams',
    );
    expect(dockerfile.text).toContain(
      'ENTRYPOINT ["/usr/bin/tini", "--", "/usr/local/bin/nginx-upstreams"]',
    );
    expect(dockerfile.text).toContain('http://127.0.0.1:8000/nginx-health');
    expect(readFileSync(repoPath('nginx.conf'), 'utf8')).toContain('location = /nginx-health');
  });
});

it('nginx accepts the root nginx.conf with the rendered members, laid out as in the image', async () => {
  const prefix = join(work, 'srv') + '/';
  const etc = join(work, 'etc');
  mkdirSync(join(prefix, 'apps', 'web', 'dist'), { recursive: true });
  mkdirSync(join(prefix, 'logs'));
  mkdirSync(join(prefix, 'temp'));
  mkdirSync(etc);
  cpSync(repoPath('nginx.conf'), join(etc, 'nginx.conf'));
  await render(join(etc, 'upstreams'), {
    'tasks.api': ['10.0.1.3', '10.0.1.4'],
    'tasks.realtime': ['10.0.1.9'],
  });
  const result = await run('nginx', [
    '-p',
    prefix,
    '-c',
    join(etc, 'nginx.conf'),
    '-e',
    'stderr',
    '-t',
  ]).catch((error: Error & { stderr?: string }) => ({
    stdout: '',
    stderr: `${error.message}\n${error.stderr ?? ''}`,
  }));
  expect(result.stderr).toContain('test is successful');
});
