import {
  DEFAULT_SETTINGS,
  defaultSettings,
  SETTING_KEYS,
  settingsFromProperties,
  settingsToProperties,
  validateSetting,
  validateSettings,
} from '../../src/core/settings';
import type { Settings } from '../../src/core/model';
import { SETTING_LABELS, SETTING_RULES } from '../../src/core/settingsText';

function ok(key: string, value: unknown): unknown {
  const r = validateSetting(key, value, 'en');
  if (!r.ok) throw new Error(`${key} ${JSON.stringify(value)}: ${r.message}`);
  return r.value;
}

function bad(key: string, value: unknown, lang: 'en' | 'zh' = 'en'): string {
  const r = validateSetting(key, value, lang);
  if (r.ok) throw new Error(`${key} ${JSON.stringify(value)} was accepted as ${JSON.stringify(r.value)}`);
  return r.message;
}

describe('DEFAULT_SETTINGS', () => {
  it('is exactly SPEC section 6', () => {
    expect(DEFAULT_SETTINGS).toEqual({
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
    });
    expect([...SETTING_KEYS].sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
    expect(Object.keys(SETTING_RULES).sort()).toEqual([...SETTING_KEYS].sort());
    expect(Object.keys(SETTING_LABELS).sort()).toEqual([...SETTING_KEYS].sort());
  });

  it('is frozen all the way down; defaultSettings() is a free copy', () => {
    expect(() => {
      (DEFAULT_SETTINGS.postSaleSteps as number[]).push(30);
    }).toThrow();
    expect(() => {
      (DEFAULT_SETTINGS.contactEveryDays as { A: number }).A = 1;
    }).toThrow();
    const copy = defaultSettings();
    copy.postSaleSteps.push(30);
    copy.visitWindows.A.start = '08:00';
    expect(DEFAULT_SETTINGS.postSaleSteps).toEqual([1, 3, 7]);
    expect(DEFAULT_SETTINGS.visitWindows.A.start).toBe('09:00');
  });

  it('passes its own validation', () => {
    for (const key of SETTING_KEYS)
      expect(validateSetting(key, DEFAULT_SETTINGS[key], 'en', DEFAULT_SETTINGS)).toEqual({
        ok: true,
        value: DEFAULT_SETTINGS[key],
      });
  });
});

describe('validateSetting: whole-number settings', () => {
  // The message names the setting by the label the form shows, never by its key.
  it.each([
    [
      'revenueWindowDays',
      1,
      3650,
      'Revenue window must be a whole number of days from 1 to 3650',
      '销售额统计期',
      '天数',
    ],
    [
      'postSaleWindowDays',
      1,
      3650,
      'Post-sale window must be a whole number of days from 1 to 3650',
      '售后跟进期限',
      '天数',
    ],
    [
      'thankYouWindowDays',
      0,
      30,
      'Thank-you draft window must be a whole number of days from 0 to 30',
      '感谢信期限',
      '天数',
    ],
    ['maxFollowUpsPerDay', 1, 500, 'Most follow-ups a day must be a whole number from 1 to 500', '每天最多跟进数', ''],
    ['visitMinutes', 15, 480, 'Visit length must be a whole number of minutes from 15 to 480', '拜访时长', '分钟数'],
    [
      'visitLookaheadDays',
      1,
      60,
      'Visit look-ahead must be a whole number of days from 1 to 60',
      '拜访提前安排天数',
      '天数',
    ],
    ['maxVisitsPerDay', 1, 20, 'Most visits a day must be a whole number from 1 to 20', '每天最多拜访数', ''],
    [
      'runBudgetSeconds',
      30,
      330,
      'Run time budget must be a whole number of seconds from 30 to 330',
      '单次运行时限',
      '秒数',
    ],
  ])('%s: whole numbers from %i to %i, also as text', (key, min, max, message, zhLabel, zhUnit) => {
    expect(ok(key, min)).toBe(min);
    expect(ok(key, max)).toBe(max);
    expect(ok(key, String(max))).toBe(max);
    expect(ok(key, ` ${min} `)).toBe(min);
    expect(ok(key, `${max}.0`)).toBe(max);
    for (const v of [
      min - 1,
      max + 1,
      min + 0.5,
      '',
      'abc',
      null,
      undefined,
      true,
      NaN,
      Infinity,
      [min],
      `${min}x`,
      '1e1',
    ]) {
      expect(bad(key, v)).toBe(message);
    }
    expect(bad(key, max + 1, 'zh')).toBe(`“${zhLabel}”必须是${min} 到 ${max} 之间的整数${zhUnit}`);
  });

  it('nightlyHour: a whole hour from 0 to 23', () => {
    expect(ok('nightlyHour', 0)).toBe(0);
    expect(ok('nightlyHour', '23')).toBe(23);
    for (const v of [-1, 24, 6.5, '', '6am', null])
      expect(bad('nightlyHour', v)).toBe('Nightly run time must be a whole hour from 0 to 23');
    expect(bad('nightlyHour', 24, 'zh')).toBe('“每晚运行时间”必须是0 到 23 之间的整点');
  });

  it('reads full-width digits from a Chinese input method', () => {
    expect(ok('maxFollowUpsPerDay', '２０')).toBe(20);
  });
});

describe('validateSetting: the others', () => {
  it('tierMethod', () => {
    expect(ok('tierMethod', 'count')).toBe('count');
    expect(ok('tierMethod', ' Revenue ')).toBe('revenue');
    expect(bad('tierMethod', 'rank')).toBe(
      'Tier method must be by revenue ("revenue") or by number of customers ("count")',
    );
    expect(bad('tierMethod', 1, 'zh')).toBe('“分级方法”必须是按销售额或按客户人数');
  });

  it('tierCutoffs', () => {
    expect(ok('tierCutoffs', [0.2, 0.5])).toEqual([0.2, 0.5]);
    expect(ok('tierCutoffs', ['0.7', '0.9'])).toEqual([0.7, 0.9]);
    expect(ok('tierCutoffs', '0.7, 0.9')).toEqual([0.7, 0.9]);
    expect(ok('tierCutoffs', '[0.7, 0.9]')).toEqual([0.7, 0.9]);
    expect(ok('tierCutoffs', ['80%', '95%'])).toEqual([0.8, 0.95]);
    expect(ok('tierCutoffs', { a: 0.5, b: 1 })).toEqual([0.5, 1]);
    const message = 'Tier cut-offs must be two fractions a and b with 0 < a < b ≤ 1, e.g. 0.8, 0.95';
    for (const v of [
      [0.9, 0.8],
      [0.5, 0.5],
      [0, 0.5],
      [0.5, 1.1],
      [80, 95],
      [0.8],
      [0.1, 0.2, 0.3],
      'x',
      null,
      '[0.8,',
      [-0.1, 0.5],
    ]) {
      expect(bad('tierCutoffs', v)).toBe(message);
    }
  });

  it('minFollowUpAmount', () => {
    expect(ok('minFollowUpAmount', 0)).toBe(0);
    expect(ok('minFollowUpAmount', 99.5)).toBe(99.5);
    expect(ok('minFollowUpAmount', '1,200')).toBe(1200);
    expect(ok('minFollowUpAmount', '¥500')).toBe(500);
    for (const v of [-1, '(5)', '', 'lots', NaN, null])
      expect(bad('minFollowUpAmount', v)).toBe('Minimum purchase for follow-up must be a number of at least 0');
  });

  it('postSaleSteps', () => {
    expect(ok('postSaleSteps', [1, 3, 7])).toEqual([1, 3, 7]);
    expect(ok('postSaleSteps', '1, 3, 7')).toEqual([1, 3, 7]);
    expect(ok('postSaleSteps', '1，3，7')).toEqual([1, 3, 7]);
    expect(ok('postSaleSteps', '[2, 5]')).toEqual([2, 5]);
    expect(ok('postSaleSteps', 1)).toEqual([1]);
    expect(ok('postSaleSteps', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toHaveLength(10);
    const message =
      'Post-sale call days must be 1 to 10 whole days from 1 to 3650, each later than the one before, e.g. 1, 3, 7';
    for (const v of [
      [],
      '',
      [3, 1],
      [1, 1, 3],
      [0, 3],
      [1, 2.5],
      [1, 'x'],
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
      null,
      {},
    ]) {
      expect(bad('postSaleSteps', v)).toBe(message);
    }
  });

  it('contactEveryDays', () => {
    expect(ok('contactEveryDays', { A: 7, B: 14, C: 90 })).toEqual({ A: 7, B: 14, C: 90 });
    expect(ok('contactEveryDays', { a: '7', b: '14', c: '90' })).toEqual({ A: 7, B: 14, C: 90 });
    expect(ok('contactEveryDays', '{"A":7,"B":14,"C":90}')).toEqual({ A: 7, B: 14, C: 90 });
    const message = 'Keep-in-touch interval must be a whole number of days from 1 to 3650 for each of A, B and C';
    for (const v of [
      { A: 7, B: 14 },
      { A: 0, B: 14, C: 90 },
      { A: 7, B: 14, C: null },
      { A: 7, B: 14, C: 4000 },
      [7, 14, 90],
      '7',
      null,
    ]) {
      expect(bad('contactEveryDays', v)).toBe(message);
    }
  });

  it('visitEveryDays allows none', () => {
    expect(ok('visitEveryDays', { A: 30, B: 90, C: null })).toEqual({ A: 30, B: 90, C: null });
    expect(ok('visitEveryDays', { A: '30', B: '', C: 'none' })).toEqual({ A: 30, B: null, C: null });
    expect(ok('visitEveryDays', { A: 30, B: 90, C: '无' })).toEqual({ A: 30, B: 90, C: null });
    const message = 'Visit interval must be a whole number of days from 1 to 3650, or none, for each of A, B and C';
    for (const v of [{ A: 30, B: 90 }, { A: 0, B: 90, C: null }, { A: 30, B: 'often', C: null }, null]) {
      expect(bad('visitEveryDays', v)).toBe(message);
    }
  });

  it('workingDays', () => {
    expect(ok('workingDays', [1, 2, 3, 4, 5])).toEqual([1, 2, 3, 4, 5]);
    expect(ok('workingDays', [6, 1, 1, 0])).toEqual([0, 1, 6]);
    expect(ok('workingDays', '1,2,3,4,5,6')).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ok('workingDays', ['Mon', 'tue', 'Saturday'])).toEqual([1, 2, 6]);
    expect(ok('workingDays', '周一,周二')).toEqual([1, 2]);
    expect(ok('workingDays', 0)).toEqual([0]);
    const message = 'Working days must be one or more days of the week';
    for (const v of [[], '', [7], [-1], [1.5], ['Funday'], null, {}]) expect(bad('workingDays', v)).toBe(message);
  });

  it('visitWindows', () => {
    const w = { A: { start: '9:00', end: '12:00' }, B: '14:00-17:30', C: { start: '13:00', end: '18:00' } };
    expect(ok('visitWindows', w)).toEqual({
      A: { start: '09:00', end: '12:00' },
      B: { start: '14:00', end: '17:30' },
      C: { start: '13:00', end: '18:00' },
    });
    expect(ok('visitWindows', JSON.stringify({ A: '08:00 - 10:00', B: '14:00~17:30', C: '14:00至17:30' }))).toEqual({
      A: { start: '08:00', end: '10:00' },
      B: { start: '14:00', end: '17:30' },
      C: { start: '14:00', end: '17:30' },
    });
    const message = 'Visit times must be a start and an end time for each of A, B and C, the start before the end';
    for (const v of [
      { A: '12:00-09:00', B: '14:00-17:30', C: '14:00-17:30' },
      { A: '09:00-09:00', B: '14:00-17:30', C: '14:00-17:30' },
      { A: '09:00-24:00', B: '14:00-17:30', C: '14:00-17:30' },
      { A: '09:60-10:00', B: '14:00-17:30', C: '14:00-17:30' },
      { A: '9-12', B: '14:00-17:30', C: '14:00-17:30' },
      { A: '09:00-12:00', B: '14:00-17:30' },
      { A: { start: 9, end: 12 }, B: '14:00-17:30', C: '14:00-17:30' },
      '09:00-12:00',
      null,
    ]) {
      expect(bad('visitWindows', v)).toBe(message);
    }
  });

  it('calendarId', () => {
    expect(ok('calendarId', 'primary')).toBe('primary');
    expect(ok('calendarId', ' abc123@group.calendar.google.com ')).toBe('abc123@group.calendar.google.com');
    expect(ok('calendarId', 'x'.repeat(200))).toHaveLength(200);
    const message = 'Calendar ID must be a calendar ID of 1 to 200 characters without spaces, e.g. primary';
    for (const v of ['', '  ', 'my calendar', 'x'.repeat(201), 'a\tb', null, 42])
      expect(bad('calendarId', v)).toBe(message);
  });

  it('teamMode', () => {
    for (const v of [true, 'true', 'TRUE', 'on', 'yes', 1, '1']) expect(ok('teamMode', v)).toBe(true);
    for (const v of [false, 'false', 'off', 'no', 0, '0', '']) expect(ok('teamMode', v)).toBe(false);
    for (const v of ['maybe', 2, null, {}])
      expect(bad('teamMode', v)).toBe('Team mode (only my customers) must be on or off');
  });

  it('senderName', () => {
    expect(ok('senderName', ' Ann Lee ')).toBe('Ann Lee');
    expect(ok('senderName', '王小明 · 销售部')).toBe('王小明 · 销售部');
    expect(ok('senderName', '')).toBe('');
    expect(ok('senderName', null)).toBe('');
    expect(ok('senderName', 'x'.repeat(100))).toHaveLength(100);
    const message = 'Sender name (signature) must be at most 100 characters on one line';
    for (const v of ['x'.repeat(101), 'Ann\nLee', 'Ann\r\nBcc: x@y.com', 'a\u0000b', 42])
      expect(bad('senderName', v)).toBe(message);
  });

  it('names an unknown setting', () => {
    expect(bad('colour', 'red')).toBe('Unknown setting "colour"');
    expect(bad('colour', 'red', 'zh')).toBe('未知设置“colour”');
  });

  it('checks the rules between settings when given the others', () => {
    const ctx = defaultSettings();
    const steps = validateSetting('postSaleSteps', [1, 3, 30], 'en', ctx);
    expect(steps).toEqual({
      ok: false,
      message: 'Post-sale call days must all be at most the Post-sale window (14 days), e.g. 1, 3, 7',
    });
    expect(validateSetting('postSaleWindowDays', 5, 'en', ctx)).toEqual({
      ok: false,
      message: 'Post-sale window must be at least the last of the Post-sale call days (7)',
    });
    expect(validateSetting('visitMinutes', 200, 'en', ctx)).toEqual({
      ok: false,
      message: 'Visit length must fit in every visit time: at most 180 minutes (the tier A time)',
    });
    expect(validateSetting('visitMinutes', 180, 'en', ctx).ok).toBe(true);
    // Without context only the setting itself is checked.
    expect(validateSetting('postSaleSteps', [1, 3, 30], 'en').ok).toBe(true);
  });

  it('gives every message in both languages, naming the setting by its label, never its key', () => {
    for (const key of SETTING_KEYS) {
      const zh = bad(key, { nonsense: true }, 'zh');
      expect(zh.startsWith(`“${SETTING_LABELS[key].zh}”必须是`)).toBe(true);
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      const en = bad(key, { nonsense: true }, 'en');
      expect(en.startsWith(`${SETTING_LABELS[key].en} must be `)).toBe(true);
      for (const m of [en, zh]) expect(m).not.toContain(key);
    }
  });
});

describe('what people type, as the hints show it', () => {
  it('accepts every example a hint gives, exactly as written, in both languages', () => {
    let examples = 0;
    for (const key of SETTING_KEYS) {
      for (const [lang, marker] of [
        ['en', 'e.g. '],
        ['zh', '例如 '],
      ] as const) {
        const rule = SETTING_RULES[key][lang];
        const at = rule.indexOf(marker);
        if (at < 0) continue;
        const example = rule.slice(at + marker.length);
        const r = validateSetting(key, example, lang);
        if (!r.ok) throw new Error(`${key} (${lang}): the hint's example "${example}" is refused: ${r.message}`);
        examples += 1;
      }
    }
    expect(examples).toBeGreaterThanOrEqual(6); // tierCutoffs, postSaleSteps, calendarId, each in en and zh
    expect(ok('tierCutoffs', '0.8, 0.95')).toEqual([0.8, 0.95]);
    expect(ok('postSaleSteps', '1, 3, 7')).toEqual([1, 3, 7]);
  });

  it('accepts what each control of the Settings form sends', () => {
    // Number inputs send their text; a list input sends what was typed; per-tier fields an object of texts.
    const sent = {
      tierMethod: 'count',
      tierCutoffs: '0.7，0.9',
      revenueWindowDays: '180',
      minFollowUpAmount: '99.5',
      postSaleSteps: '2 5 10',
      postSaleWindowDays: '21',
      contactEveryDays: { A: '7', B: '21', C: '45' },
      visitEveryDays: { A: '30', B: 'none', C: 'none' },
      thankYouWindowDays: '0',
      maxFollowUpsPerDay: '40',
      workingDays: [1, 2, 3, 4, 5, 6],
      visitWindows: {
        A: { start: '08:30', end: '11:30' },
        B: { start: '13:00', end: '17:00' },
        C: { start: '13:00', end: '17:00' },
      },
      visitMinutes: '45',
      visitLookaheadDays: '14',
      maxVisitsPerDay: '4',
      calendarId: 'team@group.calendar.google.com',
      nightlyHour: '22',
      runBudgetSeconds: '240',
      teamMode: true,
      senderName: '王小明',
    };
    const r = validateSettings(sent, 'zh');
    expect(r.errors).toEqual({});
    expect(r.settings).toEqual({
      tierMethod: 'count',
      tierCutoffs: [0.7, 0.9],
      revenueWindowDays: 180,
      minFollowUpAmount: 99.5,
      postSaleSteps: [2, 5, 10],
      postSaleWindowDays: 21,
      contactEveryDays: { A: 7, B: 21, C: 45 },
      visitEveryDays: { A: 30, B: null, C: null },
      thankYouWindowDays: 0,
      maxFollowUpsPerDay: 40,
      workingDays: [1, 2, 3, 4, 5, 6],
      visitWindows: {
        A: { start: '08:30', end: '11:30' },
        B: { start: '13:00', end: '17:00' },
        C: { start: '13:00', end: '17:00' },
      },
      visitMinutes: 45,
      visitLookaheadDays: 14,
      maxVisitsPerDay: 4,
      calendarId: 'team@group.calendar.google.com',
      nightlyHour: 22,
      runBudgetSeconds: 240,
      teamMode: true,
      senderName: '王小明',
    });
  });

  it('names the setting by its Chinese label when a control sends something wrong', () => {
    expect(
      validateSettings({ contactEveryDays: { A: '7', B: '', C: '45' }, workingDays: [], visitWindows: {} }, 'zh')
        .errors,
    ).toEqual({
      contactEveryDays: '“保持联系间隔”必须是A、B、C 各一个 1 到 3650 之间的整数天数',
      workingDays: '“工作日”必须是一周中的一天或几天',
      visitWindows: '“拜访时段”必须是A、B、C 各一个开始和结束时间，开始早于结束',
    });
  });
});

describe('validateSettings', () => {
  it('returns complete settings when everything is valid', () => {
    const r = validateSettings({ maxFollowUpsPerDay: '30', teamMode: 'on', workingDays: '1,2,3,4,5,6' });
    expect(r.errors).toEqual({});
    expect(r.settings).toEqual({
      ...DEFAULT_SETTINGS,
      maxFollowUpsPerDay: 30,
      teamMode: true,
      workingDays: [1, 2, 3, 4, 5, 6],
    });
  });

  it('applies over the given base', () => {
    const base: Settings = { ...defaultSettings(), nightlyHour: 22 };
    expect(validateSettings({ maxVisitsPerDay: 5 }, 'en', base).settings).toEqual({ ...base, maxVisitsPerDay: 5 });
  });

  it('returns no settings and every error when something is wrong', () => {
    const r = validateSettings({ maxFollowUpsPerDay: 0, nightlyHour: '25', calendarId: 'primary', foo: 1 }, 'en');
    expect(r.settings).toBeUndefined();
    expect(r.errors).toEqual({
      maxFollowUpsPerDay: 'Most follow-ups a day must be a whole number from 1 to 500',
      nightlyHour: 'Nightly run time must be a whole hour from 0 to 23',
      foo: 'Unknown setting "foo"',
    });
    expect(validateSettings({ nightlyHour: 24 }, 'zh').errors).toEqual({
      nightlyHour: '“每晚运行时间”必须是0 到 23 之间的整点',
    });
  });

  it('reports a rule between two settings on the one that was changed', () => {
    expect(validateSettings({ postSaleWindowDays: 5 }).errors).toEqual({
      postSaleWindowDays: 'Post-sale window must be at least the last of the Post-sale call days (7)',
    });
    expect(validateSettings({ postSaleSteps: [1, 3, 20] }).errors).toEqual({
      postSaleSteps: 'Post-sale call days must all be at most the Post-sale window (14 days), e.g. 1, 3, 7',
    });
    // Both changed together and consistent: fine.
    expect(validateSettings({ postSaleSteps: [1, 3, 20], postSaleWindowDays: 30 }).settings?.postSaleSteps).toEqual([
      1, 3, 20,
    ]);
    expect(validateSettings({ visitWindows: { A: '09:00-09:30', B: '14:00-17:30', C: '14:00-17:30' } }).errors).toEqual(
      {
        visitWindows: 'Visit times must each be at least the Visit length (60 minutes) long; tier A is 30 minutes',
      },
    );
    expect(validateSettings({ visitMinutes: 240 }).errors.visitMinutes).toContain('at most 180 minutes');
  });

  it('does not pile a rule error onto a setting that is invalid by itself', () => {
    expect(validateSettings({ postSaleSteps: 'x', postSaleWindowDays: 3 }).errors).toEqual({
      postSaleSteps:
        'Post-sale call days must be 1 to 10 whole days from 1 to 3650, each later than the one before, e.g. 1, 3, 7',
    });
  });

  it('does not share arrays with its input', () => {
    const steps = [1, 2];
    const r = validateSettings({ postSaleSteps: steps });
    steps.push(3);
    expect(r.settings?.postSaleSteps).toEqual([1, 2]);
  });
});

describe('properties', () => {
  it('round-trips the defaults and custom settings', () => {
    const props = settingsToProperties(DEFAULT_SETTINGS);
    expect(Object.keys(props).sort()).toEqual([...SETTING_KEYS].sort());
    expect(props.tierCutoffs).toBe('[0.8,0.95]');
    expect(props.visitEveryDays).toBe('{"A":30,"B":90,"C":null}');
    expect(settingsFromProperties(props)).toEqual({ settings: DEFAULT_SETTINGS, errors: {} });

    const custom: Settings = {
      ...defaultSettings(),
      tierMethod: 'count',
      tierCutoffs: [0.25, 0.6],
      postSaleSteps: [1, 2, 10, 20],
      postSaleWindowDays: 30,
      visitEveryDays: { A: 14, B: null, C: 180 },
      workingDays: [0, 1, 2, 3, 4, 5, 6],
      senderName: '王小明',
      teamMode: true,
    };
    expect(settingsFromProperties(settingsToProperties(custom))).toEqual({ settings: custom, errors: {} });
  });

  it('keeps every value far under the 9 KB limit', () => {
    const big: Settings = {
      ...defaultSettings(),
      calendarId: 'c'.repeat(200),
      senderName: '名'.repeat(100),
      postSaleSteps: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    };
    for (const v of Object.values(settingsToProperties(big)))
      expect(new TextEncoder().encode(v).length).toBeLessThan(1000);
  });

  it('uses defaults for missing settings and ignores other properties', () => {
    expect(settingsFromProperties({ spreadsheetId: 'abc', runState: '{}', nightlyHour: '22' })).toEqual({
      settings: { ...DEFAULT_SETTINGS, nightlyHour: 22 },
      errors: {},
    });
  });

  it('reads hand-edited values that are not JSON', () => {
    expect(
      settingsFromProperties({
        calendarId: 'team@group.calendar.google.com',
        postSaleSteps: '1, 3, 7',
        tierMethod: 'count',
      }).settings,
    ).toMatchObject({
      calendarId: 'team@group.calendar.google.com',
      postSaleSteps: [1, 3, 7],
      tierMethod: 'count',
    });
  });

  it('falls back to the default for a bad stored value and reports it', () => {
    const r = settingsFromProperties({
      maxFollowUpsPerDay: '0',
      tierCutoffs: '[0.9, 0.8]',
      calendarId: '"primary"',
      workingDays: '[}',
    });
    expect(r.settings).toEqual(DEFAULT_SETTINGS);
    expect(r.errors).toEqual({
      maxFollowUpsPerDay:
        'Most follow-ups a day must be a whole number from 1 to 500 (the stored value is ignored, the default is used)',
      tierCutoffs:
        'Tier cut-offs must be two fractions a and b with 0 < a < b ≤ 1, e.g. 0.8, 0.95 (the stored value is ignored, the default is used)',
      workingDays:
        'Working days must be one or more days of the week (the stored value is ignored, the default is used)',
    });
    expect(settingsFromProperties({ nightlyHour: '99' }, 'zh').errors.nightlyHour).toBe(
      '“每晚运行时间”必须是0 到 23 之间的整点（已忽略保存的值，改用默认值）',
    );
  });

  it('resets both sides of a broken rule between stored settings', () => {
    const r = settingsFromProperties({ postSaleSteps: '[1,3,30]', postSaleWindowDays: '14', nightlyHour: '5' });
    expect(r.settings).toEqual({ ...DEFAULT_SETTINGS, nightlyHour: 5 });
    expect(Object.keys(r.errors)).toEqual(['postSaleSteps']);
    const w = settingsFromProperties({ visitMinutes: '400' });
    expect(w.settings.visitMinutes).toBe(60);
    expect(w.errors.visitWindows).toContain('Visit length (400 minutes)');
  });

  it('returns settings that can be changed without touching the defaults', () => {
    const { settings } = settingsFromProperties({});
    settings.postSaleSteps.push(30);
    expect(DEFAULT_SETTINGS.postSaleSteps).toEqual([1, 3, 7]);
  });
});
