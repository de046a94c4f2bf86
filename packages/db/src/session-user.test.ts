import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openDatabase, sessionUserRow, type Database } from './index.js';
import { createTempDatabase, dialectsUnderTest, type TempDatabase } from './testing/index.js';

const dialects = await dialectsUnderTest();

describe.each(dialects)('the signed-in user lookup on %s', (dialect) => {
  let temp: TempDatabase;
  let db: Database;

  beforeAll(async () => {
    temp = await createTempDatabase(dialect);
    db = await openDatabase({ DATABASE_URL: temp.url, DB_POOL_MAX: 2 });
    await migrate(db);
  });
  afterAll(async () => {
    await db?.close();
    await temp?.drop();
  });

  it('gives the fields a session needs, with active as a boolean, and null for an unknown id', async () => {
    const { User } = db.models;
    const dewi = await User.create({
      name: 'Dewi Lestari',
      email: 'dewi@example.com',
      passwordHash: 'x',
      role: 'admin',
      department: null,
    });
    const budi = await User.create({
      name: 'Budi',
      email: 'budi@example.com',
      passwordHash: 'x',
      role: 'employee',
      department: 'Gudang',
      active: false,
    });
    expect(await sessionUserRow(db, dewi.id)).toEqual({
      id: dewi.id,
      name: 'Dewi Lestari',
      email: 'dewi@example.com',
      role: 'admin',
      department: null,
      active: true,
    });
    expect(await sessionUserRow(db, budi.id)).toMatchObject({
      department: 'Gudang',
      active: false,
    });
    expect(await sessionUserRow(db, budi.id + 1_000)).toBeNull();
  });
});
