import { DataTypes, type QueryInterface } from 'sequelize';
import type { Migration } from './types.js';

const instant = () => ({ type: DataTypes.DATE(3), allowNull: true });

/**
 * One true tap time. `clock_in_at` / `clock_out_at` become the effective time of each tap (what
 * every rule, screen and export reads), with the server's receive time and the phone's send time
 * kept beside the phone's tap time (`*_client_at`). Shifts added by an admin and corrected shifts
 * are marked, and a shift closed because its employee was deactivated says so.
 */
async function up({ context: qi }: { context: QueryInterface }) {
  await qi.addColumn('attendance', 'clock_in_received_at', instant());
  await qi.addColumn('attendance', 'clock_in_client_sent_at', instant());
  await qi.addColumn('attendance', 'clock_out_received_at', instant());
  await qi.addColumn('attendance', 'clock_out_client_sent_at', instant());
  await qi.addColumn('attendance', 'origin', {
    type: DataTypes.ENUM('tap', 'admin'),
    allowNull: false,
    defaultValue: 'tap',
  });
  await qi.addColumn('attendance', 'corrected', {
    type: DataTypes.BOOLEAN,
    allowNull: false,
    defaultValue: false,
  });
  if (qi.sequelize.getDialect() === 'mysql') {
    await qi.changeColumn('attendance', 'clock_out_kind', {
      type: DataTypes.ENUM('manual', 'auto', 'correction', 'deactivation'),
      allowNull: true,
    });
  }
  // What was recorded so far: the server's clock was the record, and the phone's time counted for
  // an offline tap. The server's clock becomes the receive time; the time the rules used becomes
  // the effective time.
  const run = (sql: string) => qi.sequelize.query(sql);
  await run(
    'UPDATE attendance SET clock_in_received_at = clock_in_at, clock_out_received_at = clock_out_at',
  );
  await run(
    `UPDATE attendance SET clock_in_at = clock_in_client_at
     WHERE clock_in_source = 'offline' AND clock_in_client_at IS NOT NULL`,
  );
  await run(
    `UPDATE attendance SET clock_out_at = clock_out_client_at
     WHERE clock_out_source = 'offline' AND clock_out_client_at IS NOT NULL`,
  );
  await qi.addIndex('attendance', ['user_id', 'clock_out_at'], {
    name: 'attendance_user_clock_out',
  });
}

async function down({ context: qi }: { context: QueryInterface }) {
  await qi.removeIndex('attendance', 'attendance_user_clock_out');
  const run = (sql: string) => qi.sequelize.query(sql);
  await run(
    `UPDATE attendance SET clock_in_at = clock_in_received_at WHERE clock_in_received_at IS NOT NULL`,
  );
  await run(
    `UPDATE attendance SET clock_out_at = clock_out_received_at WHERE clock_out_received_at IS NOT NULL`,
  );
  for (const column of [
    'clock_in_received_at',
    'clock_in_client_sent_at',
    'clock_out_received_at',
    'clock_out_client_sent_at',
    'origin',
    'corrected',
  ])
    await qi.removeColumn('attendance', column);
}

export const timeRecord: Migration = { name: '0003-time-record', up, down };
