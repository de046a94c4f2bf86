import type { IncomingMessage } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';
import type { Config } from '@absensi/config';

/** Who may say, in X-Forwarded-For, which client a request came from. */
export type ProxyTrust = (address: string, hop: number) => boolean;

/**
 * TRUST_PROXY as a trust function for @fastify/proxy-addr (Fastify's own): `false` trusts no one,
 * a list trusts those addresses and CIDR blocks (wherever they appear in the chain), a hop count
 * trusts the nearest N peers whoever they are — the peer itself at hop 0, then X-Forwarded-For from
 * its right-hand end — so behind one nginx (`1`) the client is the entry nginx appended, never one
 * the client wrote. Fastify itself ignores a bare number (it cannot check who the peer is), hence
 * the function: a hop count is for networks where only the proxy reaches the node.
 */
export function proxyTrust(trust: Config['TRUST_PROXY']): ProxyTrust {
  if (trust === false) return () => false;
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return proxyAddr.compile(trust);
}

/** The client's address of a request (an HTTP upgrade included), after the trusted proxies. */
export function clientAddressOf(request: IncomingMessage, trust: ProxyTrust): string {
  return proxyAddr(request, trust) || 'unknown';
}
