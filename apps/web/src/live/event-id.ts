/** Crockford's base 32, in which an event id (a ULID) writes its time. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The smallest event id of an instant: every event made at or after `ms` sorts after it, every
 * event made before sorts before. Resuming `live.attendance` after it replays what happened since
 * that instant, which is how a screen that read the server at some time hears of every change
 * made after (event ids are ULIDs: 10 characters of milliseconds, then 16 of randomness).
 */
export function eventIdAt(ms: number): string {
  let time = Math.max(0, Math.floor(ms));
  let id = '';
  for (let index = 0; index < 10; index++) {
    id = CROCKFORD[time % 32]! + id;
    time = Math.floor(time / 32);
  }
  return `${id}${'0'.repeat(16)}`;
}
