#!/usr/bin/env node
// The images' HEALTHCHECK: exits 0 when the check passes, 1 (with the reason on stderr) when it does not.
//   healthcheck.mjs http PATH        GET http://127.0.0.1:$PORT/PATH answers 2xx (the api: /readyz)
//   healthcheck.mjs tcp PORT...      every PORT on 127.0.0.1 accepts a connection (realtime: 8081 and 8080)
//   healthcheck.mjs redis            the Redis of REDIS_URL (or REDIS_URL_FILE) answers PING (subscriber, worker:
//                                    without their Redis they can do nothing)
// Plain Node, no dependencies: it runs in every image, apart from the app it checks.
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';

const timeoutMs = Number(process.env.HEALTHCHECK_TIMEOUT_MS ?? 2500);

function fail(reason) {
  process.stderr.write(`unhealthy: ${reason}\n`);
  process.exit(1);
}

function httpCheck(path) {
  const port = Number(process.env.PORT ?? 3000);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: 'GET', timeout: timeoutMs },
      (res) => {
        res.resume();
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) resolve();
        else reject(new Error(`GET ${path} on port ${port} answered ${status}`));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`GET ${path} on port ${port} timed out`)));
    req.on('error', reject);
    req.end();
  });
}

function tcpCheck(port) {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port: Number(port), timeout: timeoutMs });
    socket.on('connect', () => {
      socket.end();
      resolve();
    });
    socket.on('timeout', () => socket.destroy(new Error(`port ${port} timed out`)));
    socket.on('error', (error) => reject(new Error(`port ${port}: ${error.message}`)));
  });
}

function redisUrl() {
  const file = process.env.REDIS_URL_FILE;
  const url = file ? readFileSync(file, 'utf8').trim() : process.env.REDIS_URL;
  if (!url) throw new Error('neither REDIS_URL nor REDIS_URL_FILE is set');
  return new URL(url);
}

/** One RESP command as an array of bulk strings. */
function command(...parts) {
  return `*${parts.length}\r\n${parts.map((part) => `$${Buffer.byteLength(part)}\r\n${part}\r\n`).join('')}`;
}

function redisCheck() {
  const url = redisUrl();
  if (url.protocol !== 'redis:')
    throw new Error(`${url.protocol} is not checked here (plain redis:// only)`);
  const password = decodeURIComponent(url.password);
  const username = decodeURIComponent(url.username);
  const auth = password
    ? username
      ? command('AUTH', username, password)
      : command('AUTH', password)
    : '';
  const expected = (auth ? '+OK\r\n' : '') + '+PONG\r\n';
  return new Promise((resolve, reject) => {
    const socket = connect({
      host: url.hostname,
      port: Number(url.port || 6379),
      timeout: timeoutMs,
    });
    let answer = '';
    socket.on('connect', () => socket.write(auth + command('PING')));
    socket.on('data', (chunk) => {
      answer += chunk.toString('utf8');
      if (answer.startsWith('-')) socket.destroy(new Error(`Redis answered ${answer.trim()}`));
      else if (answer === expected) {
        socket.end();
        resolve();
      } else if (answer.length >= expected.length)
        socket.destroy(new Error(`Redis answered ${JSON.stringify(answer)}`));
    });
    socket.on('timeout', () => socket.destroy(new Error(`Redis at ${url.host} timed out`)));
    socket.on('error', (error) => reject(new Error(`Redis at ${url.host}: ${error.message}`)));
  });
}

const [kind, ...args] = process.argv.slice(2);
try {
  if (kind === 'http' && args.length === 1) await httpCheck(args[0]);
  else if (kind === 'tcp' && args.length > 0) await Promise.all(args.map(tcpCheck));
  else if (kind === 'redis' && args.length === 0) await redisCheck();
  else
    fail(
      `usage: healthcheck.mjs http PATH | tcp PORT... | redis (got: ${process.argv.slice(2).join(' ')})`,
    );
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
