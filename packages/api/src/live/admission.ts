/**
 * Who may open the live WebSocket: a browser page of our own origin only (a page elsewhere on the
 * same site would otherwise ride the admin's cookie), and no more than a bounded number of sockets
 * per client address.
 */
import type { IncomingMessage } from 'node:http';

/**
 * Whether the upgrade's `Origin` is one the app is served from: one of `publicOrigins`
 * (PUBLIC_ORIGINS), or, without that list, the host the request was sent to (its `Host`). A
 * request without `Origin` is not from a browser, which always sends it on a WebSocket upgrade,
 * and so cannot carry a victim's cookie: it passes. `Origin: null` (a sandboxed or file page) does
 * not.
 */
export function originAllowed(
  request: Pick<IncomingMessage, 'headers'>,
  publicOrigins: readonly string[] | undefined,
): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  let page: URL;
  try {
    page = new URL(origin);
  } catch {
    return false;
  }
  if (publicOrigins && publicOrigins.length > 0) return publicOrigins.includes(page.origin);
  const host = request.headers.host;
  if (!host) return false;
  try {
    // Read with the page's scheme, so that a default port written out (`:443`) compares equal.
    return new URL(`${page.protocol}//${host}`).host === page.host;
  } catch {
    return false;
  }
}

/** Open sockets per client address, bounded; a slot is taken at the upgrade and given back at close. */
export class AddressSlots {
  private readonly open = new Map<string, number>();

  constructor(private readonly maxPerAddress: number) {}

  /** Takes a slot for `address`; false when it already holds the most it may. */
  take(address: string): boolean {
    const held = this.open.get(address) ?? 0;
    if (held >= this.maxPerAddress) return false;
    this.open.set(address, held + 1);
    return true;
  }

  release(address: string): void {
    const held = this.open.get(address) ?? 0;
    if (held <= 1) this.open.delete(address);
    else this.open.set(address, held - 1);
  }

  /** Slots held by `address` now. */
  heldBy(address: string): number {
    return this.open.get(address) ?? 0;
  }
}
