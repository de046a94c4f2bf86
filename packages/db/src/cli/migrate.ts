// `npm run migrate`: the migration job. Applies pending migrations, the settings and the first admin, then exits 0.
import { ConfigError, loadConfig } from '@absensi/config';
import { prepareDatabase } from '../prepare.js';

try {
  const config = loadConfig();
  const { db, applied, admin } = await prepareDatabase(config);
  await db.close();
  console.log(JSON.stringify({ msg: 'migrations applied', applied, nodeId: config.APP_NODE_ID }));
  if (admin.created) {
    console.log(
      `First admin created: ${admin.email}` +
        (admin.generated ? ` with password ${admin.password} (shown once)` : ''),
    );
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
}
