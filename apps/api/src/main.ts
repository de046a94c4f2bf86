// The API node's entry: read the configuration, start, and stop cleanly on SIGTERM or Ctrl-C.
import { ConfigError, loadConfig } from '@absensi/config';
import { startNode } from './runtime.js';

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

try {
  const config = loadConfig();
  const node = await startNode(config);
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  if (node.mode === 'embedded') printWelcome(node, `http://${host}:${config.PORT}`);
  else node.app.log.info({ url: node.url }, 'api node listening');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    node.app.log.info({ signal }, 'stopping: finishing requests in flight');
    const force = setTimeout(() => process.exit(1), 25_000);
    force.unref();
    node.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
