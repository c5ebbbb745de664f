import fc from 'fast-check';
import { addDays, isWorkingDay, weekday, workCalendar, type CalDate } from '../../src/core/dates';
import type { Settings, Tier } from '../../src/core/model';
import {
  hhmmToMinutes,
  minutesToHhmm,
  placeVisits,
  searchWindow,
  type Busy,
  type PlaceOptions,
  type VisitRequest,
} from '../../src/core/visitSlots';

// 2026-11-16 is a Monday.
const MON = '2026-11-16';
const TUE = '2026-11-17';
const WED = '2026-11-18';
const THU = '2026-11-19';
const FRI = '2026-11-20';
const SAT = '2026-11-21';
const NEXT_MON = '2026-11-23';

function settings(over: Partial<Settings> = {}): Settings {
  return {
    tierMethod: 'revenue',
    tierCutoffs: [0.8, 0.95],
    revenueWindowDays: 365,
    minFollowUpAmount: 0,
    postSaleSteps: [1, 3, 7],
    postSaleWindowDays: 14,
    contactEveryDays: { A: 14, B: 30, C: 60 },
    visitEveryDays: { A: 30, B: 90, C: null },
    thankYouWindowDays: 2,
    maxFollowUpsPerDay: 20,
    workingDays: [1, 2, 3, 4, 5],
    visitWindows: {
      A: { start: '09:00', end: '12:00' },
      B: { start: '14:00', end: '17:30' },
      C: { start: '14:00', end: '17:30' },
    },
    visitMinutes: 60,
    visitLookaheadDays: 7,
    maxVisitsPerDay: 3,
    calendarId: 'primary',
    nightlyHour: 6,
    runBudgetSeconds: 300,
    teamMode: false,
    senderName: '',
    ...over,
  };
}

function opts(over: Partial<PlaceOptions> = {}, s: Partial<Settings> = {}): PlaceOptions {
  const st = settings(s);
  return { today: MON, settings: st, cal: workCalendar(st.workingDays), ...over };
}

function req(key: string, tier: Tier, due: CalDate): VisitRequest {
  return { key, customerId: key.split('|')[0], tier, due };
}

function one(r: VisitRequest, busy: Busy[] = [], o: PlaceOptions = opts()) {
  const res = placeVisits([r], busy, o);
  expect(res.placed.length + res.unplaced.length).toBe(1);
  return res;
}

describe('hhmmToMinutes / minutesToHhmm', () => {
  it('converts both ways', () => {
    expect(hhmmToMinutes('09:00')).toBe(540);
    expect(hhmmToMinutes('17:30')).toBe(1050);
    expect(hhmmToMinutes('9:05')).toBe(545);
    expect(hhmmToMinutes('00:00')).toBe(0);
    expect(hhmmToMinutes('24:00')).toBe(1440);
    expect(minutesToHhmm(540)).toBe('09:00');
    expect(minutesToHhmm(0)).toBe('00:00');
    expect(minutesToHhmm(1439)).toBe('23:59');
    expect(minutesToHhmm(1440)).toBe('24:00');
  });
  it('rejects what is not a time', () => {
    for (const s of ['24:01', '12:60', '9', '09:00:00', 'noon', '', '-1:00']) expect(() => hhmmToMinutes(s)).toThrow();
    for (const n of [-1, 1441, 1.5, NaN]) expect(() => minutesToHhmm(n)).toThrow();
  });
  it('round-trips every minute of the day', () => {
    for (let n = 0; n <= 1440; n++) expect(hhmmToMinutes(minutesToHhmm(n))).toBe(n);
  });
});

describe('placeVisits: which day', () => {
  it('due on Saturday goes on Monday', () => {
    const { placed } = one(req('C1|sat', 'A', SAT));
    expect(placed[0].date).toBe(NEXT_MON);
    expect(placed[0].start).toBe('09:00');
  });
  it('due today goes tomorrow, never today', () => {
    const { placed } = one(req('C1|today', 'A', MON));
    expect(placed[0].date).toBe(TUE);
  });
  it('overdue goes tomorrow', () => {
    const { placed } = one(req('C1|old', 'B', '2026-10-01'));
    expect(placed[0].date).toBe(TUE);
    expect(placed[0]).toMatchObject({ start: '14:00', end: '15:00', startMin: 840, endMin: 900 });
  });
  it('due on a later weekday stays on it', () => {
    expect(one(req('C1|thu', 'A', THU)).placed[0].date).toBe(THU);
  });
  it('today on Friday: tomorrow is Saturday, so Monday', () => {
    expect(one(req('C1|x', 'A', FRI), [], opts({ today: FRI })).placed[0].date).toBe(NEXT_MON);
  });
  it('skips holidays', () => {
    const o = opts({ cal: workCalendar([1, 2, 3, 4, 5], [TUE, WED]) });
    expect(one(req('C1|x', 'A', TUE), [], o).placed[0].date).toBe(THU);
  });
  it('uses the workingDays setting (a Saturday worker)', () => {
    const o = opts({}, { workingDays: [1, 2, 3, 4, 5, 6] });
    expect(one(req('C1|sat', 'A', SAT), [], o).placed[0].date).toBe(SAT);
  });
});

describe('placeVisits: which time', () => {
  it('A in the morning, B and C in the afternoon', () => {
    const { placed } = placeVisits([req('a', 'A', TUE), req('b', 'B', TUE), req('c', 'C', TUE)], [], opts());
    const by = Object.fromEntries(placed.map((p) => [p.key, p]));
    expect(by.a).toMatchObject({ date: TUE, start: '09:00', end: '10:00' });
    expect(by.b).toMatchObject({ date: TUE, start: '14:00', end: '15:00' });
    // C shares the afternoon with B: it follows B, not on top of it.
    expect(by.c).toMatchObject({ date: TUE, start: '15:00', end: '16:00' });
  });
  it('avoids an existing event: 09:00-10:30 pushes an A visit to 10:30', () => {
    const { placed } = one(req('a', 'A', TUE), [{ date: TUE, start: 540, end: 630 }]);
    expect(placed[0]).toMatchObject({ date: TUE, start: '10:30', end: '11:30' });
  });
  it('rounds up to the next quarter hour after an event that ends at an odd time', () => {
    const { placed } = one(req('a', 'A', TUE), [{ date: TUE, start: 540, end: 620 }]); // 09:00-10:20
    expect(placed[0].start).toBe('10:30');
  });
  it('fits between two events when the gap is long enough, not when it is not', () => {
    const busy: Busy[] = [
      { date: TUE, start: 540, end: 570 }, // 09:00-09:30
      { date: TUE, start: 600, end: 660 }, // 10:00-11:00: only 30 minutes free before it
    ];
    expect(one(req('a', 'A', TUE), busy).placed[0].start).toBe('11:00');
    const busy2: Busy[] = [
      { date: TUE, start: 540, end: 570 },
      { date: TUE, start: 630, end: 660 }, // 10:30: exactly an hour free from 09:30
    ];
    expect(one(req('a', 'A', TUE), busy2).placed[0].start).toBe('09:30');
  });
  it('an event that overlaps the window start or end still blocks', () => {
    const busy: Busy[] = [
      { date: TUE, start: 480, end: 555 }, // 08:00-09:15
      { date: TUE, start: 690, end: 780 }, // 11:30-13:00
    ];
    const { placed } = one(req('a', 'A', TUE), busy);
    expect(placed[0]).toMatchObject({ date: TUE, start: '09:15', end: '10:15' });
  });
  it('a visit may end exactly where an event starts (end exclusive)', () => {
    const { placed } = one(req('a', 'A', TUE), [{ date: TUE, start: 600, end: 720 }]); // 10:00-12:00
    expect(placed[0]).toMatchObject({ start: '09:00', end: '10:00' });
  });
  it('moves to the next working day when the window is taken', () => {
    const { placed } = one(req('a', 'A', TUE), [{ date: TUE, start: 0, end: 1440 }]);
    expect(placed[0]).toMatchObject({ date: WED, start: '09:00' });
  });
  it('ignores busy time on other days and empty intervals', () => {
    const busy: Busy[] = [
      { date: WED, start: 540, end: 720 },
      { date: TUE, start: 600, end: 600 },
    ];
    expect(one(req('a', 'A', TUE), busy).placed[0]).toMatchObject({ date: TUE, start: '09:00' });
  });
  it('visits of one call do not overlap: three A visits fill the morning', () => {
    const { placed } = placeVisits(
      [req('a1', 'A', TUE), req('a2', 'A', TUE), req('a3', 'A', TUE), req('a4', 'A', TUE)],
      [],
      opts({}, { maxVisitsPerDay: 10 }),
    );
    expect(placed.map((p) => `${p.date} ${p.start}-${p.end}`)).toEqual([
      `${TUE} 09:00-10:00`,
      `${TUE} 10:00-11:00`,
      `${TUE} 11:00-12:00`,
      `${WED} 09:00-10:00`,
    ]);
  });
  it('honours visitMinutes and custom windows', () => {
    const o = opts(
      {},
      {
        visitMinutes: 45,
        visitWindows: {
          A: { start: '08:30', end: '10:00' },
          B: { start: '13:00', end: '18:00' },
          C: { start: '13:00', end: '18:00' },
        },
      },
    );
    const { placed } = placeVisits([req('a1', 'A', TUE), req('a2', 'A', TUE)], [], o);
    expect(placed.map((p) => `${p.date} ${p.start}-${p.end}`)).toEqual([`${TUE} 08:30-09:15`, `${TUE} 09:15-10:00`]);
  });
  it('a window ending at 24:00 can take a visit ending at 24:00', () => {
    const o = opts(
      {},
      {
        visitWindows: {
          A: { start: '23:00', end: '24:00' },
          B: { start: '14:00', end: '17:30' },
          C: { start: '14:00', end: '17:30' },
        },
      },
    );
    expect(one(req('a', 'A', TUE), [], o).placed[0]).toMatchObject({ start: '23:00', end: '24:00', endMin: 1440 });
  });
});

describe('placeVisits: visits per day', () => {
  it('maxVisitsPerDay = 1 spreads to the next working days', () => {
    const reqs = [req('a1', 'A', THU), req('a2', 'A', THU), req('a3', 'A', THU)];
    const { placed } = placeVisits(reqs, [], opts({}, { maxVisitsPerDay: 1 }));
    expect(placed.map((p) => [p.key, p.date, p.start])).toEqual([
      ['a1', THU, '09:00'],
      ['a2', FRI, '09:00'],
      ['a3', NEXT_MON, '09:00'],
    ]);
  });
  it('counts the Retain visits already on the calendar', () => {
    const o = opts({ retainVisitsPerDay: { [TUE]: 3, [WED]: 2 } });
    const { placed } = placeVisits([req('a1', 'A', TUE), req('a2', 'A', TUE)], [], o);
    expect(placed.map((p) => p.date)).toEqual([WED, THU]);
  });
  it('the limit is per day, across tiers', () => {
    const { placed } = placeVisits([req('a', 'A', TUE), req('b', 'B', TUE)], [], opts({}, { maxVisitsPerDay: 1 }));
    expect(placed.map((p) => [p.key, p.date])).toEqual([
      ['a', TUE],
      ['b', WED],
    ]);
  });
  it('maxVisitsPerDay = 0 places nothing and says why', () => {
    const { placed, unplaced } = one(req('a', 'A', TUE), [], opts({}, { maxVisitsPerDay: 0 }));
    expect(placed).toEqual([]);
    expect(unplaced[0].reason.en).toContain('maxVisitsPerDay');
  });
});

describe('placeVisits: unplaced', () => {
  it('a window shorter than the visit', () => {
    const o = opts(
      {},
      {
        visitWindows: {
          A: { start: '09:00', end: '09:30' },
          B: { start: '14:00', end: '17:30' },
          C: { start: '14:00', end: '17:30' },
        },
      },
    );
    const { placed, unplaced } = one(req('C1|x', 'A', TUE), [], o);
    expect(placed).toEqual([]);
    expect(unplaced[0]).toMatchObject({ key: 'C1|x', customerId: 'C1' });
    expect(unplaced[0].reason.en).toBe(
      'The A visit window 09:00-09:30 is shorter than a 60-minute visit: widen the window or shorten visitMinutes',
    );
    expect(unplaced[0].reason.zh).toContain('09:00-09:30');
    expect(unplaced[0].reason.zh).toContain('60 分钟');
  });
  it('an invalid window', () => {
    const o = opts(
      {},
      {
        visitWindows: {
          A: { start: '12:00', end: '09:00' },
          B: { start: '2pm', end: '17:30' },
          C: { start: '14:00', end: '17:30' },
        },
      },
    );
    const { unplaced } = placeVisits([req('a', 'A', TUE), req('b', 'B', TUE)], [], o);
    expect(unplaced.map((u) => u.key)).toEqual(['a', 'b']);
    expect(unplaced[0].reason.en).toContain('"12:00-09:00" is not a valid time range');
    expect(unplaced[1].reason.en).toContain('"2pm-17:30"');
  });
  it('no room within the horizon names the window and the horizon', () => {
    const busy: Busy[] = [];
    for (let i = 0; i < 40; i++) busy.push({ date: addDays(TUE, i), start: 540, end: 720 });
    const { placed, unplaced } = one(req('a', 'A', TUE), busy);
    expect(placed).toEqual([]);
    expect(unplaced[0].reason.en).toBe(
      `No free 60-minute slot in the A window 09:00-12:00 within 30 days of ${TUE} (working days only, at most 3 visits a day)`,
    );
    expect(unplaced[0].reason.zh).toBe(
      `自 ${TUE} 起 30 天内，A 类客户的拜访时段 09:00-12:00 没有空闲的 60 分钟（仅工作日，每天最多 3 次拜访）`,
    );
  });
  it('the horizon is inclusive and configurable', () => {
    const busy = [{ date: TUE, start: 0, end: 1440 }];
    // Horizon 0: only the earliest day; horizon 1: the next day too.
    expect(one(req('a', 'A', TUE), busy, opts({ horizonDays: 0 })).unplaced[0].reason.en).toContain('within 0 days');
    expect(one(req('a', 'A', TUE), busy, opts({ horizonDays: 1 })).placed[0].date).toBe(WED);
  });
  it('a bad due date is reported, not thrown', () => {
    const { unplaced } = one(req('a', 'A', '2026-02-30'));
    expect(unplaced[0].reason.en).toContain('2026-02-30');
  });
  it('a duplicate key is placed once', () => {
    const { placed, unplaced } = placeVisits([req('a', 'A', TUE), req('a', 'A', TUE)], [], opts());
    expect(placed).toHaveLength(1);
    expect(unplaced).toHaveLength(1);
    expect(unplaced[0].reason.en).toContain('same key');
  });
});

describe('placeVisits: order', () => {
  it('A before C when both are due the same day', () => {
    const { placed } = placeVisits([req('c', 'C', TUE), req('a', 'A', TUE)], [], opts({}, { maxVisitsPerDay: 1 }));
    expect(placed.map((p) => [p.key, p.date])).toEqual([
      ['a', TUE],
      ['c', WED],
    ]);
  });
  it('overdue before due later, whatever the tier', () => {
    const { placed } = placeVisits(
      [req('a', 'A', WED), req('c', 'C', '2026-11-01')],
      [],
      opts({}, { maxVisitsPerDay: 1 }),
    );
    expect(placed.map((p) => [p.key, p.date])).toEqual([
      ['c', TUE],
      ['a', WED],
    ]);
    const { placed: p2 } = placeVisits(
      [req('a', 'A', TUE), req('c', 'C', '2026-11-01')],
      [],
      opts({}, { maxVisitsPerDay: 1 }),
    );
    expect(p2.map((p) => [p.key, p.date])).toEqual([
      ['c', TUE],
      ['a', WED],
    ]);
  });
  it('the most overdue first, then key', () => {
    const reqs = [req('b2', 'A', '2026-11-10'), req('b1', 'A', '2026-11-10'), req('z', 'A', '2026-11-02')];
    const { placed } = placeVisits(reqs, [], opts({}, { maxVisitsPerDay: 1 }));
    expect(placed.map((p) => [p.key, p.date])).toEqual([
      ['z', TUE],
      ['b1', WED],
      ['b2', THU],
    ]);
  });
  it('is deterministic and independent of input order', () => {
    const reqs: VisitRequest[] = [];
    const tiers: Tier[] = ['A', 'B', 'C'];
    for (let i = 0; i < 60; i++)
      reqs.push(req(`K${String(i).padStart(3, '0')}`, tiers[i % 3], addDays('2026-11-10', i % 9)));
    const busy: Busy[] = [{ date: WED, start: 600, end: 900 }];
    const first = placeVisits(reqs, busy, opts());
    expect(placeVisits(reqs, busy, opts())).toEqual(first);
    expect(placeVisits([...reqs].reverse(), [...busy], opts())).toEqual(first);
    expect(first.placed.length + first.unplaced.length).toBe(60);
  });
});

describe('searchWindow', () => {
  it('is null with nothing to place', () => {
    expect(searchWindow([], opts())).toBeNull();
  });
  it('starts tomorrow at the earliest and ends the horizon after the latest earliest day', () => {
    expect(searchWindow([req('a', 'A', '2026-10-01'), req('b', 'B', SAT)], opts())).toEqual({
      from: TUE,
      to: addDays(SAT, 30),
    });
    expect(searchWindow([req('b', 'B', SAT)], opts({ horizonDays: 5 }))).toEqual({ from: SAT, to: addDays(SAT, 5) });
  });
  it('covers every day placeVisits uses', () => {
    const reqs = [req('a', 'A', TUE), req('b', 'A', '2026-11-02'), req('c', 'C', FRI)];
    const w = searchWindow(reqs, opts({ horizonDays: 10 }))!;
    const { placed } = placeVisits(reqs, [], opts({ horizonDays: 10, retainVisitsPerDay: { [TUE]: 3, [WED]: 3 } }));
    for (const p of placed) {
      expect(p.date >= w.from).toBe(true);
      expect(p.date <= w.to).toBe(true);
    }
  });
});

describe('placeVisits: scale', () => {
  it('1,000 requests, 500 busy intervals, 30 days in well under a second', () => {
    const tiers: Tier[] = ['A', 'B', 'C'];
    const reqs: VisitRequest[] = [];
    for (let i = 0; i < 1000; i++) reqs.push(req(`K${i}`, tiers[i % 3], addDays(MON, (i % 10) - 3)));
    const busy: Busy[] = [];
    for (let i = 0; i < 500; i++) {
      const s = 480 + ((i * 37) % 600);
      busy.push({ date: addDays(TUE, i % 30), start: s, end: s + 30 + (i % 4) * 15 });
    }
    const res = placeVisits(reqs, busy, opts({}, { maxVisitsPerDay: 20 }));
    expect(res.placed.length + res.unplaced.length).toBe(1000);
  });
});

describe('placeVisits: properties', () => {
  const windowArb = fc
    .tuple(fc.integer({ min: 0, max: 95 }), fc.integer({ min: 1, max: 40 }))
    .map(([s, n]) => ({ start: s * 15, end: Math.min(1440, s * 15 + n * 15) }));
  const dayOffset = fc.integer({ min: -10, max: 20 });

  it('no overlaps, inside the tier window on a working day after today, per-day limit held', () => {
    fc.assert(
      fc.property(
        fc.record({
          winA: windowArb,
          winB: windowArb,
          winC: windowArb,
          minutes: fc.constantFrom(15, 30, 45, 60, 90),
          max: fc.integer({ min: 1, max: 4 }),
          workingDays: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
          holidays: fc.array(dayOffset, { maxLength: 5 }),
          reqs: fc.array(fc.record({ tier: fc.constantFrom<Tier>('A', 'B', 'C'), due: dayOffset }), { maxLength: 25 }),
          busy: fc.array(
            fc.record({
              day: fc.integer({ min: 0, max: 25 }),
              start: fc.integer({ min: 0, max: 1439 }),
              dur: fc.integer({ min: 0, max: 300 }),
            }),
            { maxLength: 40 },
          ),
          already: fc.array(fc.record({ day: fc.integer({ min: 0, max: 25 }), n: fc.integer({ min: 0, max: 4 }) }), {
            maxLength: 5,
          }),
          horizon: fc.integer({ min: 0, max: 10 }),
        }),
        (g) => {
          const hm = (w: { start: number; end: number }) => ({
            start: minutesToHhmm(w.start),
            end: minutesToHhmm(w.end),
          });
          const st = settings({
            visitWindows: { A: hm(g.winA), B: hm(g.winB), C: hm(g.winC) },
            visitMinutes: g.minutes,
            maxVisitsPerDay: g.max,
            workingDays: g.workingDays,
          });
          const cal = workCalendar(
            g.workingDays,
            g.holidays.map((h) => addDays(MON, h)),
          );
          const retainVisitsPerDay: Record<string, number> = {};
          for (const a of g.already) retainVisitsPerDay[addDays(MON, a.day)] = a.n;
          const o: PlaceOptions = { today: MON, settings: st, cal, horizonDays: g.horizon, retainVisitsPerDay };
          const reqs = g.reqs.map((r, i) => req(`K${i}`, r.tier, addDays(MON, r.due)));
          const busy: Busy[] = g.busy.map((b) => ({
            date: addDays(MON, b.day),
            start: b.start,
            end: Math.min(1440, b.start + b.dur),
          }));

          const { placed, unplaced } = placeVisits(reqs, busy, o);
          // Every request comes back once.
          expect([...placed.map((p) => p.key), ...unplaced.map((u) => u.key)].sort()).toEqual(
            reqs.map((r) => r.key).sort(),
          );

          const perDay = new Map<string, number>();
          for (const p of placed) {
            const r = reqs.find((x) => x.key === p.key)!;
            const w = st.visitWindows[p.tier];
            expect(p.tier).toBe(r.tier);
            expect(p.date > MON).toBe(true);
            expect(p.date >= r.due).toBe(true);
            expect(isWorkingDay(p.date, cal)).toBe(true);
            expect(st.workingDays).toContain(weekday(p.date));
            expect(p.startMin).toBeGreaterThanOrEqual(hhmmToMinutes(w.start));
            expect(p.endMin).toBeLessThanOrEqual(hhmmToMinutes(w.end));
            expect(p.endMin - p.startMin).toBe(g.minutes);
            expect((p.startMin - hhmmToMinutes(w.start)) % 15).toBe(0);
            expect(p.start).toBe(minutesToHhmm(p.startMin));
            expect(p.end).toBe(minutesToHhmm(p.endMin));
            for (const b of busy) {
              if (b.date !== p.date || b.end <= b.start) continue;
              expect(b.start < p.endMin && p.startMin < b.end).toBe(false);
            }
            perDay.set(p.date, (perDay.get(p.date) ?? 0) + 1);
          }
          for (let i = 0; i < placed.length; i++) {
            for (let j = i + 1; j < placed.length; j++) {
              const a = placed[i];
              const b = placed[j];
              if (a.date !== b.date) continue;
              expect(a.startMin < b.endMin && b.startMin < a.endMin).toBe(false);
            }
          }
          for (const [d, n] of perDay) expect(n + (retainVisitsPerDay[d] ?? 0)).toBeLessThanOrEqual(g.max);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a visit is placed on its first day with room: no earlier allowed working day had a free slot', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            day: fc.integer({ min: 0, max: 12 }),
            start: fc.integer({ min: 480, max: 780 }),
            dur: fc.integer({ min: 15, max: 240 }),
          }),
          { maxLength: 20 },
        ),
        fc.integer({ min: -3, max: 6 }),
        (bs, due) => {
          const busy: Busy[] = bs.map((b) => ({ date: addDays(MON, b.day), start: b.start, end: b.start + b.dur }));
          const r = req('a', 'A', addDays(MON, due));
          const o = opts({ horizonDays: 10 });
          const { placed } = placeVisits([r], busy, o);
          if (placed.length === 0) return;
          const p = placed[0];
          // Any grid start on an earlier allowed day (or earlier that day) must collide with something.
          const from = r.due > TUE ? r.due : TUE;
          for (let d = from; d <= p.date; d = addDays(d, 1)) {
            if (!isWorkingDay(d, o.cal)) continue;
            for (let t = 540; t + 60 <= 720; t += 15) {
              if (d === p.date && t >= p.startMin) break;
              const free = busy.every((b) => b.date !== d || !(b.start < t + 60 && t < b.end));
              expect(free).toBe(false);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
