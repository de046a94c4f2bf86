import { decodeTime, monotonicFactory } from 'ulid';

const nextUlid = monotonicFactory();

/** A sortable event id (ULID): time-ordered across nodes, strictly increasing within one process. */
export function newEventId(now: number = Date.now()): string {
  return nextUlid(now);
}

export function eventIdTime(id: string): Date {
  return new Date(decodeTime(id));
}
