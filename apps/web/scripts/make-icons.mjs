// Draws the app icons (a clock face with a tick) as PNGs into public/, without any image tool.
// Run with `npm run icons --workspace=@absensi/web` after changing the design; the PNGs are committed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const TEAL = [15, 118, 110];
const WHITE = [255, 255, 255];

function crc32(buffer) {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, pixel) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x + 0.5, y + 0.5);
      row.set([r, g, b, a], 1 + x * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const coverage = (distance) => Math.max(0, Math.min(1, 0.5 - distance));

function segmentDistance(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t =
    lengthSquared === 0
      ? 0
      : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** `safe` is the fraction of the square the symbol may use (maskable icons keep to the middle 80%). */
function icon(size, { safe, rounded }) {
  const c = size / 2;
  const unit = (size * safe) / 2;
  const ring = unit * 0.78;
  const stroke = unit * 0.11;
  const corner = rounded ? size * 0.22 : 0;
  return png(size, (x, y) => {
    // Background: a rounded square (or full bleed for maskable).
    const qx = Math.max(Math.abs(x - c) - (c - corner), 0);
    const qy = Math.max(Math.abs(y - c) - (c - corner), 0);
    const bg = rounded ? coverage(Math.hypot(qx, qy) - corner) : 1;
    const hands = Math.min(
      segmentDistance(x, y, c, c, c, c - ring * 0.62),
      segmentDistance(x, y, c, c, c + ring * 0.45, c + ring * 0.1),
    );
    const tick = Math.hypot(x - c, y - c);
    const ink = Math.max(
      coverage(Math.abs(Math.hypot(x - c, y - c) - ring) - stroke / 2),
      coverage(hands - stroke / 2),
      coverage(tick - stroke * 0.9),
    );
    const color = TEAL.map((channel, i) => Math.round(channel + (WHITE[i] - channel) * ink));
    return [...color, Math.round(255 * bg)];
  });
}

const out = new URL('../public/', import.meta.url);
writeFileSync(new URL('icon-192.png', out), icon(192, { safe: 1, rounded: true }));
writeFileSync(new URL('icon-512.png', out), icon(512, { safe: 1, rounded: true }));
writeFileSync(new URL('icon-maskable-512.png', out), icon(512, { safe: 0.72, rounded: false }));
writeFileSync(new URL('apple-touch-icon.png', out), icon(180, { safe: 0.85, rounded: false }));
console.log('icons written to public/');
