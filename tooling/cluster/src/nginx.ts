import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiPorts, ENTRIES, type ClusterSettings } from './topology.js';

/**
 * Lays out nginx's run folder for the local cluster: the root nginx.conf (verbatim, or with its
 * listen port changed when the cluster does not use 8000), the upstream members beside it, the built
 * PWA under the prefix, and writable logs/ and temp/.
 */
export function prepareNginx(runDir: string, settings: ClusterSettings): { args: string[] } {
  rmSync(runDir, { recursive: true, force: true });
  for (const folder of ['upstreams', 'logs', 'temp', 'apps/web'])
    mkdirSync(join(runDir, folder), { recursive: true });
  symlinkSync(ENTRIES.web, join(runDir, 'apps/web/dist'));
  const conf = join(runDir, 'nginx.conf');
  const routing = readFileSync(ENTRIES.nginxConf, 'utf8');
  const listen = `listen ${settings.host}:${settings.nginxPort} reuseport;`;
  if (!/listen 8000 reuseport;/.test(routing))
    throw new Error('nginx.conf no longer has "listen 8000 reuseport;"; update prepareNginx');
  writeFileSync(conf, routing.replace('listen 8000 reuseport;', listen));
  const members = apiPorts(settings).map(
    (port) => `server ${settings.host}:${port} max_fails=1 fail_timeout=2s;`,
  );
  writeFileSync(
    join(runDir, 'upstreams/api.conf'),
    [`${settings.balance};`, ...members, ''].join('\n'),
  );
  writeFileSync(
    join(runDir, 'upstreams/realtime.conf'),
    `server ${settings.host}:${settings.realtimePort};\n`,
  );
  // nginx started as root hands its workers to `nobody`, who may not be allowed into the checkout
  // (a home folder, a 0700 temp folder) to read the web app: on this local tool they run as us.
  const workers = process.getuid?.() === 0 ? ' user root;' : '';
  return { args: ['-p', `${runDir}/`, '-c', conf, '-e', 'stderr', '-g', `daemon off;${workers}`] };
}
