import { afterAll, describe, expect, it } from 'vitest';
import { prepareDatabase } from './index.js';
import { migrations } from './migrations/index.js';
import { createTempDatabase, dialectsUnderTest, type TempDatabase } from './testing/index.js';

const withMysql = (await dialectsUnderTest()).includes('mysql');
/** Every migration's name, in order: what a fresh database gets. */
const ALL = migrations.map((migration) => migration.name);

describe.runIf(withMysql)('migration job on MariaDB', () => {
  const temps: TempDatabase[] = [];
  afterAll(async () => {
    for (const temp of temps) await temp.drop();
  });

  it('lets two runs started together finish without colliding, applying each migration once', async () => {
    const temp = await createTempDatabase('mysql');
    temps.push(temp);
    const config = {
      DATABASE_URL: temp.url,
      DB_POOL_MAX: 3,
      ADMIN_EMAIL: 'admin@example.com',
      ADMIN_PASSWORD: 'correct horse battery',
      COMPANY_TZ: 'Asia/Jakarta',
    };
    const runs = await Promise.all([
      prepareDatabase(config),
      prepareDatabase(config),
      prepareDatabase(config),
    ]);
    const applied = runs.map((run) => run.applied).sort((a, b) => b.length - a.length);
    expect(applied).toEqual([ALL, [], []]);
    expect(runs.filter((run) => run.admin.created)).toHaveLength(1);
    const [rows] = await runs[0].db.sequelize.query(
      "SELECT COUNT(*) AS n FROM users WHERE role = 'admin'",
    );
    expect(Number((rows as { n: number }[])[0]!.n)).toBe(1);
    await Promise.all(runs.map((run) => run.db.close()));
  });

  it('creates the database named in the URL when it is missing', async () => {
    const temp = await createTempDatabase('mysql');
    await temp.drop();
    temps.push(temp);
    const { db, applied } = await prepareDatabase({
      DATABASE_URL: temp.url,
      DB_POOL_MAX: 2,
      ADMIN_EMAIL: 'admin@example.com',
      ADMIN_PASSWORD: undefined,
      COMPANY_TZ: 'Asia/Jakarta',
    });
    expect(applied).toEqual(ALL);
    await db.close();
  });
});
