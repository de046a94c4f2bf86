// The API node's entry: read the configuration, start, and stop cleanly on SIGTERM or Ctrl-C.
import { loadConfig } from '@absensi/config';
import { runEntry } from '@absensi/runtime';
import { startNode } from './node.js';

function printWelcome(node: Awaited<ReturnType<typeof startNode>>, publicUrl: string) {
  const lines = [`Absensi is running at ${publicUrl}`];
  if (node.admin?.created && node.admin.generated) {
    lines.push(
      `First admin: ${node.admin.email}`,
      `Password:    ${node.admin.password}   (shown once; change it after signing in)`,
    );
  } else if (node.admin?.created) {
    lines.push(`First admin: ${node.admin.email} (password from ADMIN_PASSWORD)`);
  }
  console.log(['', ...lines.map((line) => `  ${line}`), ''].join('\n'));
}

await runEntry(
  async () => {
    const config = loadConfig();
    const node = await startNode(config);
    const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
    if (node.mode === 'embedded') printWelcome(node, `http://${host}:${config.PORT}`);
    else node.app.log.info({ url: node.url }, 'api node listening');
    return {
      close(signal) {
        node.app.log.info({ signal }, 'stopping: finishing requests in flight');
        return node.close();
      },
    };
  },
  { graceMs: 25_000 }, // Swarm's stop_grace_period for api is 30 s
);
