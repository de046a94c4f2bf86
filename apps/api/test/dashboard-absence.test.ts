import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { TestClient } from '@absensi/api/testing';
import { describeApi } from './fixture.js';

/** Wednesday 5 March 2025, 09:00 in Jakarta: the 08:00 shift's 15-minute grace is long past. */
const FROZEN = new Date('2025-03-05T09:00:00+07:00');

const person = z.object({
  userId: z.number().int(),
  name: z.string(),
  department: z.string().nullable(),
});
/** What the dashboard says about who is missing today, as a screen relies on it. */
const absenceSchema = z.object({
  workDate: z.literal('2025-03-05'),
  counts: z.object({ notYetIn: z.number().int().min(0), onLeave: z.number().int().min(0) }),
  notYetIn: z.array(person),
  onLeave: z.array(
    person.extend({
      leaveType: z.object({ code: z.string().min(1), name: z.string().min(1) }),
      category: z.enum(['annual', 'sick', 'permit', 'business_travel', 'other']),
      part: z.enum(['full', 'first_half', 'second_half']),
    }),
  ),
});

describeApi('who is absent today on the dashboard', (fixture) => {
  let admin!: TestClient;
  let restoreClock!: () => void;
  const hired: Record<string, Awaited<ReturnType<typeof fixture.hire>>> = {};

  beforeAll(async () => {
    const started = fixture.started();
    admin = started.admin;
    const deps = started.node.node.deps as { clock: () => Date };
    const realClock = deps.clock;
    deps.clock = () => new Date(FROZEN);
    restoreClock = () => (deps.clock = realClock);
    const office = await admin.trpc.admin.shifts.create.mutate({
      name: 'Kantor',
      code: 'K1',
      startTime: '08:00',
      endTime: '17:00',
      lateGraceMinutes: 15,
    });
    const weekdays = await admin.trpc.admin.schedules.create.mutate({
      name: 'Senin–Jumat',
      kind: 'weekly',
      days: [office.id, office.id, office.id, office.id, office.id, null, null],
    });
    // Gudang is planned as a department; Dina has a schedule of her own.
    await admin.trpc.admin.schedules.assign.mutate({
      scheduleId: weekdays.id,
      department: 'Gudang',
      validFrom: '2025-01-01',
    });
    for (const name of ['Agus Salim', 'Budi Santoso', 'Citra Lestari', 'Eko Prasetyo'])
      hired[name] = await fixture.hire(name, 'Gudang');
    hired['Dina Marlina'] = await fixture.hire('Dina Marlina', 'Kasir');
    await admin.trpc.admin.schedules.assign.mutate({
      scheduleId: weekdays.id,
      userId: hired['Dina Marlina'].id,
      validFrom: '2025-01-01',
    });
  });
  afterAll(() => restoreClock());

  const board = async () => absenceSchema.parse(await admin.trpc.admin.dashboard.query());
  const names = (people: { name: string }[]) => people.map((one) => one.name).sort();

  it('lists the scheduled people past their grace with no clock-in as absent, and approved leave apart', async () => {
    const sickType = (await hired['Budi Santoso']!.client.trpc.requests.leaveTypes.query()).find(
      (type) => type.code === 'SAKIT',
    )!;
    const fileSick = (who: string) =>
      hired[who]!.client.trpc.requests.file.mutate({
        kind: 'leave',
        leaveTypeId: sickType.id,
        startDate: '2025-03-05',
        endDate: '2025-03-05',
        reason: 'Demam',
        clientKey: randomUUID(),
      });
    const budiSick = await fileSick('Budi Santoso');
    const dinaSick = await fileSick('Dina Marlina');
    await hired['Citra Lestari']!.client.trpc.attendance.clockIn.mutate({
      idempotencyKey: randomUUID(),
    });

    const before = await board();
    // Pending leave excuses nobody yet; Citra came (late); Siti works the company's default shift.
    expect(names(before.notYetIn)).toEqual([
      'Agus Salim',
      'Budi Santoso',
      'Dina Marlina',
      'Eko Prasetyo',
      'Siti Rahayu',
    ]);
    expect(before.counts).toMatchObject({ notYetIn: 5, onLeave: 0 });
    expect(before.onLeave).toEqual([]);

    await admin.trpc.admin.requests.decide.mutate({ id: budiSick.id, decision: 'approve' });
    await admin.trpc.admin.requests.decide.mutate({ id: dinaSick.id, decision: 'approve' });
    const after = await board();
    expect(names(after.notYetIn)).toEqual(['Agus Salim', 'Eko Prasetyo', 'Siti Rahayu']);
    expect(after.counts).toMatchObject({ notYetIn: 3, onLeave: 2 });
    expect(after.onLeave).toEqual([
      {
        userId: hired['Budi Santoso']!.id,
        name: 'Budi Santoso',
        department: 'Gudang',
        leaveType: { code: 'SAKIT', name: sickType.name },
        category: 'sick',
        part: 'full',
      },
      expect.objectContaining({ name: 'Dina Marlina', category: 'sick' }),
    ]);

    // A manager's or a department's view narrows both lists alike.
    const gudang = absenceSchema.parse(
      await admin.trpc.admin.dashboard.query({ department: 'Gudang' }),
    );
    expect(names(gudang.notYetIn)).toEqual(['Agus Salim', 'Eko Prasetyo']);
    expect(names(gudang.onLeave)).toEqual(['Budi Santoso']);
  });

  describe('a leave over a weekend', () => {
    it('lists the person on leave on their work days only, not on the Saturday and Sunday between', async () => {
      const eko = hired['Eko Prasetyo']!;
      const sick = (await eko.client.trpc.requests.leaveTypes.query()).find(
        (type) => type.code === 'SAKIT',
      )!;
      // Friday 7 to Monday 10 March 2025: two work days, a weekend off between them.
      const filed = await eko.client.trpc.requests.file.mutate({
        kind: 'leave',
        leaveTypeId: sick.id,
        startDate: '2025-03-07',
        endDate: '2025-03-10',
        reason: 'Rawat inap',
        clientKey: randomUUID(),
      });
      expect(filed.leaveDays).toBe(2);
      await admin.trpc.admin.requests.decide.mutate({ id: filed.id, decision: 'approve' });

      const deps = fixture.started().node.node.deps as { clock: () => Date };
      const frozen = deps.clock;
      const onLeaveAt = async (local: string) => {
        deps.clock = () => new Date(`${local}+07:00`);
        const board = await admin.trpc.admin.dashboard.query({ department: 'Gudang' });
        return {
          workDate: board.workDate,
          onLeave: names(board.onLeave),
          count: board.counts.onLeave,
        };
      };
      try {
        expect(await onLeaveAt('2025-03-07T09:00:00')).toEqual({
          workDate: '2025-03-07',
          onLeave: ['Eko Prasetyo'],
          count: 1,
        });
        for (const [weekend, workDate] of [
          ['2025-03-08T10:00:00', '2025-03-08'],
          ['2025-03-09T10:00:00', '2025-03-09'],
        ])
          expect(await onLeaveAt(weekend!)).toEqual({ workDate, onLeave: [], count: 0 });
        expect(await onLeaveAt('2025-03-10T09:00:00')).toEqual({
          workDate: '2025-03-10',
          onLeave: ['Eko Prasetyo'],
          count: 1,
        });
      } finally {
        deps.clock = frozen;
      }
    });
  });

  describe('before the grace has passed', () => {
    it('lists nobody as absent', async () => {
      const deps = fixture.started().node.node.deps as { clock: () => Date };
      const frozen = deps.clock;
      deps.clock = () => new Date('2025-03-05T08:10:00+07:00');
      try {
        const early = await admin.trpc.admin.dashboard.query({ department: 'Gudang' });
        expect(early.notYetIn).toEqual([]);
        expect(early.counts.notYetIn).toBe(0);
      } finally {
        deps.clock = frozen;
      }
    });
  });
});
