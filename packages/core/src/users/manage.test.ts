import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repos } from '@absensi/db';
import { dialectsUnderTest, hideTable } from '@absensi/db/testing';
import type { Actor } from '../actor.js';
import { useCaseDeps } from '../testing/deps.js';
import { createUser, deactivateUser, resetPassword, updateUser } from './manage.js';

const dialects = await dialectsUnderTest();

describe.each(dialects)(
  'account changes on %s commit with their audit row or not at all',
  (dialect) => {
    let deps: Awaited<ReturnType<typeof useCaseDeps>>;
    let admin: Actor;

    beforeAll(async () => {
      deps = await useCaseDeps(dialect);
      const root = await repos.users.create(deps.db, {
        name: 'Admin',
        email: 'admin@example.com',
        passwordHash: 'x',
        role: 'admin',
        department: null,
      });
      admin = { id: root.id, name: root.name, email: root.email, role: 'admin', department: null };
    });
    afterAll(async () => {
      await deps?.close();
    });

    const auditRows = async (userId: number) =>
      (await repos.audit.ofEntity(deps.db, 'user', userId)).map((entry) => entry.action);

    it('writes the change and its audit row together', async () => {
      const { user } = await createUser(deps, admin, {
        name: 'Budi',
        email: 'budi@example.com',
        password: 'budi-password-1',
        role: 'employee',
      });
      await updateUser(deps, admin, user.id, { department: 'Gudang' });
      await resetPassword(deps, admin, user.id, 'another-password-1');
      await deactivateUser(deps, admin, user.id);
      expect(await auditRows(user.id)).toEqual([
        'user.create',
        'user.update',
        'user.reset_password',
        'user.deactivate',
      ]);
      const stored = await repos.users.byId(deps.db, user.id);
      expect({ department: stored?.department, active: Boolean(stored?.active) }).toEqual({
        department: 'Gudang',
        active: false,
      });
    });

    it('keeps the account as it was when its audit row cannot be written', async () => {
      const { user } = await createUser(deps, admin, {
        name: 'Sari',
        email: 'sari@example.com',
        role: 'employee',
        department: 'Kantor',
      });
      const before = await repos.users.byId(deps.db, user.id);
      const restore = await hideTable(deps.db, 'audit_log');
      try {
        await expect(
          updateUser(deps, admin, user.id, { name: 'Sari Dewi', department: 'Gudang' }),
        ).rejects.toThrow();
        await expect(deactivateUser(deps, admin, user.id)).rejects.toThrow();
        await expect(
          createUser(deps, admin, {
            name: 'Nobody',
            email: 'nobody@example.com',
            role: 'employee',
          }),
        ).rejects.toThrow();
      } finally {
        await restore();
      }
      const after = await repos.users.byId(deps.db, user.id);
      expect({ name: after?.name, department: after?.department, active: after?.active }).toEqual({
        name: before?.name,
        department: before?.department,
        active: before?.active,
      });
      expect(await repos.users.byEmail(deps.db, 'nobody@example.com')).toBeNull();
      expect(await auditRows(user.id)).toEqual(['user.create']);
    });
  },
);
