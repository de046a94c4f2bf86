/**
 * A second nginx for the floors, from the same root nginx.conf (verbatim but for its listen port)
 * with the floors' processes as the API upstream members: the same routing, keep-alive and proxy
 * settings the cluster's nginx uses (this mirrors tooling/cluster's prepareNginx, which is not exported).
 */
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENTRIES } from '@absensi/cluster';

/**
 * nginx.conf's write cap (`limit_conn absensi_writes N`): writes in flight through one nginx, all
 * nodes together. A closed loop with more clients than this only measures nginx's refusals.
 */
export function nginxWriteCap(): number {
  const cap = Number(
    /limit_conn absensi_writes (\d+);/.exec(readFileSync(ENTRIES.nginxConf, 'utf8'))?.[1],
  );
  if (!(cap > 0))
    throw new Error('nginx.conf has no "limit_conn absensi_writes N;"; update bench/src/nginx.ts');
  return cap;
}

export function prepareFloorNginx(
  runDir: string,
  settings: { nginxPort: number; upstreamPorts: number[]; realtimePort: number },
): string[] {
  rmSync(runDir, { recursive: true, force: true });
  for (const folder of ['upstreams', 'logs', 'temp', 'apps/web'])
    mkdirSync(join(runDir, folder), { recursive: true });
  symlinkSync(ENTRIES.web, join(runDir, 'apps/web/dist'));
  const routing = readFileSync(ENTRIES.nginxConf, 'utf8');
  if (!routing.includes('listen 8000 reuseport;'))
    throw new Error('nginx.conf no longer has "listen 8000 reuseport;"; update bench/src/nginx.ts');
  const conf = join(runDir, 'nginx.conf');
  writeFileSync(
    conf,
    routing.replace('listen 8000 reuseport;', `listen 127.0.0.1:${settings.nginxPort} reuseport;`),
  );
  writeFileSync(
    join(runDir, 'upstreams/api.conf'),
    [
      'least_conn;',
      ...settings.upstreamPorts.map(
        (port) => `server 127.0.0.1:${port} max_fails=1 fail_timeout=2s;`,
      ),
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(runDir, 'upstreams/realtime.conf'),
    `server 127.0.0.1:${settings.realtimePort};\n`,
  );
  return ['-p', `${runDir}/`, '-c', conf, '-e', 'stderr', '-g', 'daemon off;'];
}
