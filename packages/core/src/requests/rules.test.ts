import { describe, expect, it } from 'vitest';
import type { DayPlan, ShiftTypeRule } from '../schedules/rules.js';
import { leaveDaysOf, sniffImage } from './rules.js';

const bytes = (...values: number[]) => new Uint8Array([...values, 0, 0, 0, 0, 0, 0, 0, 0]);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

describe('attachments', () => {
  it.each([
    ['a JPEG', bytes(0xff, 0xd8, 0xff, 0xe0), 'image/jpeg'],
    ['a PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 'image/png'],
    ['a WebP', bytes(...ascii('RIFF'), 1, 2, 3, 4, ...ascii('WEBP')), 'image/webp'],
    ['a GIF', bytes(...ascii('GIF89a')), null],
    ['a script named .png', bytes(...ascii('<script>')), null],
    ['a PDF', bytes(...ascii('%PDF-1.7')), null],
    ['nothing', new Uint8Array(), null],
  ])('%s is %s', (_name, data, expected) => {
    expect(sniffImage(data)).toBe(expected);
  });
});

describe('leave days', () => {
  const type = { id: 1 } as ShiftTypeRule;
  const work = (date: string): DayPlan => ({
    kind: 'work',
    date,
    shiftType: type,
    source: 'schedule',
  });
  const off = (date: string): DayPlan => ({ kind: 'off', date, source: 'schedule' });
  const holiday = (date: string): DayPlan => ({
    kind: 'holiday',
    date,
    holiday: { date, name: 'Nyepi', kind: 'national', siteId: null },
  });

  it.each([
    [
      'a working week',
      [work('a'), work('b'), work('c'), work('d'), work('e'), off('f'), off('g')],
      'full',
      5,
    ],
    ['a week with a holiday', [work('a'), holiday('b'), work('c')], 'full', 2],
    ['half of a work day', [work('a')], 'first_half', 0.5],
    ['half of an off day', [off('a')], 'second_half', 0],
    ['only days off', [off('a'), holiday('b')], 'full', 0],
  ] as const)('%s', (_name, plans, part, expected) => {
    expect(leaveDaysOf(plans, part)).toBe(expected);
  });
});
