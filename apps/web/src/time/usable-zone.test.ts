import { describe, expect, it } from 'vitest';
import { formatters } from '../i18n/format';
import { instantToZoned } from './zone';
import { refusedZones, usableZone } from './usable-zone';

describe('a time zone the browser can use', () => {
  it('keeps a zone Intl knows, and replaces one it refuses with Asia/Jakarta, saying which', async () => {
    let told = 0;
    const stop = refusedZones.subscribe(() => (told += 1));
    expect(usableZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(usableZone(undefined)).toBe('Asia/Jakarta');
    expect(refusedZones.list).toEqual([]);
    expect(usableZone('UTC+7')).toBe('Asia/Jakarta');
    expect(usableZone('UTC+7')).toBe('Asia/Jakarta');
    expect(usableZone('local')).toBe('Asia/Jakarta');
    expect(refusedZones.list).toEqual(['UTC+7', 'local']);
    await Promise.resolve();
    expect(told).toBe(2);
    stop();
  });

  it('formats and converts times with a zone saved wrong, instead of throwing', () => {
    const f = formatters('en', 'UTC-99');
    expect(f.timeZone).toBe('Asia/Jakarta');
    expect(f.time('2026-11-24T01:05:00Z')).toBe('08:05');
    expect(instantToZoned('2026-11-24T01:05:00Z', 'UTC+7')).toBe('2026-11-24T08:05');
  });
});
