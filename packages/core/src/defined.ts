/**
 * The fields of a partial change whose value is given (not undefined): what an update writes, so
 * that a field left out keeps its value, and null still clears one.
 */
export function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(changes).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
