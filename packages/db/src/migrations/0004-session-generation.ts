import { DataTypes, type QueryInterface } from 'sequelize';
import type { Migration } from './types.js';

// A counter per account that every session carries from its sign-in: raising it ends every session
// of that account at once, on every node and store (Redis and the database alike), without listing
// them. Deactivation, a role change and a password change raise it.
async function up({ context: qi }: { context: QueryInterface }) {
  await qi.addColumn('users', 'session_generation', {
    type: DataTypes.INTEGER,
    allowNull: false,
    defaultValue: 0,
  });
}

async function down({ context: qi }: { context: QueryInterface }) {
  await qi.removeColumn('users', 'session_generation');
}

export const sessionGeneration: Migration = { name: '0004-session-generation', up, down };
