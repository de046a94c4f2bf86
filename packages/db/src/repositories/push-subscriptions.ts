/**
 * Web Push subscriptions (`push_subscriptions`): one row per browser a person allowed to show
 * notifications, found by its endpoint's SHA-256. Raw SQL, the same on SQLite and MySQL.
 */
import { createHash } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import type { Database } from '../connect.js';

export interface PushSubscriptionRow {
  id: number;
  userId: number;
  endpoint: string;
  p256dh: string;
  auth: string;
  lang: string;
  lastSuccessAt: Date | null;
  lastFailureAt: Date | null;
}

export interface NewPushSubscription {
  userId: number;
  endpoint: string;
  p256dh: string;
  auth: string;
  lang: string;
}

const hashOf = (endpoint: string) => createHash('sha256').update(endpoint).digest('hex');

/**
 * Keeps a browser's subscription for a person: a new row, or the endpoint's row taken over (the
 * same phone after another person signed in on it, or new keys). Returns its id.
 */
export async function save(
  db: Database,
  subscription: NewPushSubscription,
  at: Date,
): Promise<number> {
  const hash = hashOf(subscription.endpoint);
  return db.transaction(async (tx) => {
    const values = {
      hash,
      userId: subscription.userId,
      endpoint: subscription.endpoint,
      p256dh: subscription.p256dh,
      auth: subscription.auth,
      lang: subscription.lang,
      at,
    };
    const [found] = await db.sequelize.query<{ id: number }>(
      'SELECT id FROM push_subscriptions WHERE endpoint_hash = :hash',
      { type: QueryTypes.SELECT, replacements: { hash }, transaction: tx },
    );
    if (found) {
      await db.sequelize.query(
        `UPDATE push_subscriptions SET user_id = :userId, p256dh = :p256dh, auth = :auth,
           lang = :lang, last_failure_at = NULL, last_failure = NULL WHERE id = :id`,
        { replacements: { ...values, id: found.id }, transaction: tx },
      );
      return Number(found.id);
    }
    await db.sequelize.query(
      `INSERT INTO push_subscriptions (user_id, endpoint_hash, endpoint, p256dh, auth, lang, created_at)
       VALUES (:userId, :hash, :endpoint, :p256dh, :auth, :lang, :at)`,
      { replacements: values, transaction: tx },
    );
    const [row] = await db.sequelize.query<{ id: number }>(
      'SELECT id FROM push_subscriptions WHERE endpoint_hash = :hash',
      { type: QueryTypes.SELECT, replacements: { hash }, transaction: tx },
    );
    return Number(row!.id);
  });
}

/** Forgets a browser's subscription (of this person only); returns whether there was one. */
export async function removeOf(db: Database, userId: number, endpoint: string): Promise<boolean> {
  const rows = await db.sequelize.query<{ id: number }>(
    'SELECT id FROM push_subscriptions WHERE endpoint_hash = :hash AND user_id = :userId',
    { type: QueryTypes.SELECT, replacements: { hash: hashOf(endpoint), userId } },
  );
  if (rows.length === 0) return false;
  await removeById(db, Number(rows[0]!.id));
  return true;
}

export async function removeById(db: Database, id: number): Promise<void> {
  await db.sequelize.query('DELETE FROM push_subscriptions WHERE id = :id', {
    replacements: { id },
  });
}

/** A person's subscriptions, oldest first. */
export async function ofUser(db: Database, userId: number): Promise<PushSubscriptionRow[]> {
  const rows = await db.sequelize.query<Record<string, unknown>>(
    `SELECT id, user_id, endpoint, p256dh, auth, lang, last_success_at, last_failure_at
     FROM push_subscriptions WHERE user_id = :userId ORDER BY id`,
    { type: QueryTypes.SELECT, replacements: { userId } },
  );
  const when = (value: unknown) =>
    value === null || value === undefined ? null : new Date(value as string);
  return rows.map((row) => ({
    id: Number(row.id),
    userId: Number(row.user_id),
    endpoint: String(row.endpoint),
    p256dh: String(row.p256dh),
    auth: String(row.auth),
    lang: String(row.lang),
    lastSuccessAt: when(row.last_success_at),
    lastFailureAt: when(row.last_failure_at),
  }));
}

/** Notes how the latest push to a subscription went: through, or failed with a short reason. */
export async function markOutcome(
  db: Database,
  id: number,
  outcome: { at: Date; failure?: string | undefined },
): Promise<void> {
  await db.sequelize.query(
    outcome.failure === undefined
      ? 'UPDATE push_subscriptions SET last_success_at = :at WHERE id = :id'
      : 'UPDATE push_subscriptions SET last_failure_at = :at, last_failure = :failure WHERE id = :id',
    { replacements: { id, at: outcome.at, failure: outcome.failure?.slice(0, 200) ?? null } },
  );
}
