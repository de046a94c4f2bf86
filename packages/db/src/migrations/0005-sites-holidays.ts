import { DataTypes, Op, col, type QueryInterface } from 'sequelize';
import type { Migration } from './types.js';

const timestamp = () => ({ type: DataTypes.DATE(3), allowNull: false });
const tableOptions = { charset: 'utf8mb4', collate: 'utf8mb4_unicode_ci' };
const GEOFENCE_VERDICTS = ['inside', 'outside', 'unknown'] as const;
/** The attendance columns this migration adds besides `site_id`. */
const PUNCH_COLUMNS = {
  clock_in_distance_m: () => ({ type: DataTypes.DOUBLE, allowNull: true }),
  clock_in_geofence: () => ({ type: DataTypes.ENUM(...GEOFENCE_VERDICTS), allowNull: true }),
  clock_out_distance_m: () => ({ type: DataTypes.DOUBLE, allowNull: true }),
  clock_out_geofence: () => ({ type: DataTypes.ENUM(...GEOFENCE_VERDICTS), allowNull: true }),
};
const ATTENDANCE_SITE_FK = 'attendance_site_fk';

/**
 * Sites with geofences, the employees assigned to them, and the holiday calendar; each shift
 * records the site it was recorded at and where each tap stood against that site's geofence.
 *
 * `holidays.site_scope` is `site_id` or 0 for a company-wide holiday (a CHECK keeps the two in
 * step): the unique index (date, site_scope) then refuses a second company-wide holiday on a date,
 * which a unique index on (date, site_id) cannot, as NULLs never collide in one.
 */
async function up({ context: qi }: { context: QueryInterface }) {
  const mysql = qi.sequelize.getDialect() === 'mysql';
  await qi.createTable(
    'sites',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      name: { type: DataTypes.STRING(120), allowNull: false },
      lat: { type: DataTypes.DOUBLE, allowNull: false },
      lng: { type: DataTypes.DOUBLE, allowNull: false },
      radius_m: { type: DataTypes.INTEGER, allowNull: false },
      time_zone: { type: DataTypes.STRING(64), allowNull: false },
      geofence_policy: {
        type: DataTypes.ENUM('off', 'flag', 'require'),
        allowNull: false,
        defaultValue: 'off',
      },
      max_accuracy_m: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 100 },
      active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      created_at: timestamp(),
      updated_at: timestamp(),
    },
    tableOptions,
  );
  await qi.addIndex('sites', ['name'], { unique: true, name: 'sites_name_unique' });

  await qi.createTable(
    'user_sites',
    {
      user_id: {
        type: DataTypes.INTEGER,
        primaryKey: true,
        references: { model: 'users', key: 'id' },
        onDelete: 'RESTRICT',
        onUpdate: 'RESTRICT',
      },
      site_id: {
        type: DataTypes.INTEGER,
        primaryKey: true,
        references: { model: 'sites', key: 'id' },
        onDelete: 'RESTRICT',
        onUpdate: 'RESTRICT',
      },
      is_primary: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    },
    tableOptions,
  );
  await qi.addIndex('user_sites', ['site_id'], { name: 'user_sites_site' });

  await qi.createTable(
    'holidays',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      date: { type: DataTypes.DATEONLY, allowNull: false },
      name: { type: DataTypes.STRING(200), allowNull: false },
      kind: {
        type: DataTypes.ENUM('national', 'collective_leave', 'company'),
        allowNull: false,
      },
      site_id: {
        type: DataTypes.INTEGER,
        allowNull: true,
        references: { model: 'sites', key: 'id' },
        onDelete: 'RESTRICT',
        onUpdate: 'RESTRICT',
      },
      site_scope: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      source: {
        type: DataTypes.ENUM('manual', 'proposed'),
        allowNull: false,
        defaultValue: 'manual',
      },
      created_at: timestamp(),
      updated_at: timestamp(),
    },
    tableOptions,
  );
  await qi.addConstraint('holidays', {
    type: 'check',
    name: 'holidays_scope_matches_site',
    fields: ['site_scope'],
    where: {
      [Op.or]: [
        { site_id: null, site_scope: 0 },
        { site_id: { [Op.ne]: null }, site_scope: { [Op.eq]: col('site_id') } },
      ],
    },
  });
  // After the CHECK: SQLite adds a constraint by rebuilding the table, which drops its indexes.
  await qi.addIndex('holidays', ['date', 'site_scope'], {
    unique: true,
    name: 'holidays_one_per_date_and_scope',
  });
  await qi.addIndex('holidays', ['site_id'], { name: 'holidays_site' });

  if (mysql) {
    await qi.addColumn('attendance', 'site_id', { type: DataTypes.INTEGER, allowNull: true });
    await qi.addConstraint('attendance', {
      type: 'foreign key',
      name: ATTENDANCE_SITE_FK,
      fields: ['site_id'],
      references: { table: 'sites', field: 'id' },
      onDelete: 'RESTRICT',
      onUpdate: 'RESTRICT',
    });
  } else {
    // A column-level REFERENCES: SQLite adds it with ALTER TABLE (a table-level constraint would
    // rebuild the table and lose its indexes) and can drop the column again.
    await qi.addColumn('attendance', 'site_id', {
      type: DataTypes.INTEGER,
      allowNull: true,
      references: { model: 'sites', key: 'id' },
    });
  }
  for (const [column, definition] of Object.entries(PUNCH_COLUMNS))
    await qi.addColumn('attendance', column, definition());
}

async function down({ context: qi }: { context: QueryInterface }) {
  const columns = ['site_id', ...Object.keys(PUNCH_COLUMNS)];
  if (qi.sequelize.getDialect() === 'mysql') {
    await qi.removeConstraint('attendance', ATTENDANCE_SITE_FK);
    for (const column of columns) await qi.removeColumn('attendance', column);
  } else {
    // SQLite's own DROP COLUMN keeps the table's indexes and CHECKs; Sequelize's removeColumn
    // rebuilds the table without them (the one-open-shift index among them).
    for (const column of columns)
      await qi.sequelize.query(`ALTER TABLE \`attendance\` DROP COLUMN \`${column}\``);
  }
  for (const table of ['holidays', 'user_sites', 'sites']) await qi.dropTable(table);
}

export const sitesHolidays: Migration = { name: '0005-sites-holidays', up, down };
