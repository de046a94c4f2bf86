import { DataTypes, type QueryInterface } from 'sequelize';
import type { Migration } from './types.js';

const timestamp = (allowNull = false) => ({ type: DataTypes.DATE(3), allowNull });

/**
 * Web Push subscriptions: one row per browser (phone) a person allowed to show notifications, by
 * the push service's endpoint (unique through its SHA-256: an endpoint may be longer than MySQL
 * indexes), with the browser's keys, and when a push last went through or failed.
 */
async function up({ context: qi }: { context: QueryInterface }) {
  await qi.createTable(
    'push_subscriptions',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      user_id: {
        type: DataTypes.INTEGER,
        allowNull: false,
        references: { model: 'users', key: 'id' },
        onDelete: 'CASCADE',
      },
      endpoint_hash: { type: DataTypes.CHAR(64), allowNull: false, unique: true },
      endpoint: { type: DataTypes.TEXT, allowNull: false },
      p256dh: { type: DataTypes.STRING(200), allowNull: false },
      auth: { type: DataTypes.STRING(100), allowNull: false },
      /** The language the person used the app in when they subscribed: how pushes are worded. */
      lang: { type: DataTypes.STRING(5), allowNull: false, defaultValue: 'id' },
      created_at: timestamp(),
      last_success_at: timestamp(true),
      last_failure_at: timestamp(true),
      last_failure: { type: DataTypes.STRING(200), allowNull: true },
    },
    { charset: 'utf8mb4', collate: 'utf8mb4_unicode_ci' },
  );
  await qi.addIndex('push_subscriptions', ['user_id'], { name: 'push_subscriptions_user' });
}

async function down({ context: qi }: { context: QueryInterface }) {
  await qi.dropTable('push_subscriptions');
}

export const pushSubscriptions: Migration = { name: '0008-push-subscriptions', up, down };
