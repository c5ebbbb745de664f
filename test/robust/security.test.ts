/**
 * Security (docs/testing.md, Kinds of tests): what a hostile or careless caller can do.
 *  - Every top-level function of dist/Code.js not ending in `_` can be called
 *    by google.script.run from any page served by the add-on; each is listed
 *    below with what it expects, and called with hostile input: it must
 *    answer with a clear error or validation message and change no cell.
 *  - Customer text and templates never reach HTML unescaped: the drafts' HTML
 *    part (parsed with mailparser), the preview dialog, the help dialog.
 *  - Free text stays text: nothing a user or the sidebar sends becomes a
 *    formula, and no header can be injected into a draft.
 * The scopes in appsscript.json and the absence of UrlFetchApp are checked in
 * test/bundle/entrypoints.test.ts (not repeated here).
 */
import * as acorn from 'acorn';
import { simpleParser } from 'mailparser';
import type { Emulator } from '../../tools/emulator';
import { bundleSource } from '../helpers/bundle';
import { checkNothingLost, snapshot } from '../helpers/invariant';
import { baseWorkbook, cloneSheets, putCell } from './corpus';
import { prepared, runNightly } from './harness';

type Kind = 'simple trigger' | 'menu' | 'trigger' | 'custom function' | 'sidebar';

/** Every callable function of the bundle: what kind it is and what it expects. */
const ENTRY_POINTS: Record<string, { kind: Kind; input: string }> = {
  onOpen: { kind: 'simple trigger', input: 'the open event {authMode, source, user}' },
  onInstall: { kind: 'simple trigger', input: 'the install event {authMode}' },
  showLogContact: { kind: 'menu', input: 'nothing' },
  showDueToday: { kind: 'menu', input: 'nothing' },
  showSettings: { kind: 'menu', input: 'nothing' },
  showHelp: { kind: 'menu', input: 'nothing' },
  runFollowUpsNow: { kind: 'menu', input: 'nothing' },
  previewTonightsRun: { kind: 'menu', input: 'nothing' },
  scheduleNightlyRun: { kind: 'menu', input: 'nothing' },
  stopNightlyRun: { kind: 'menu', input: 'nothing' },
  setupSheets: { kind: 'menu', input: 'nothing' },
  runNightly: { kind: 'trigger', input: 'the time-driven event {triggerUid}' },
  runFollowUp: { kind: 'trigger', input: 'the time-driven event {triggerUid}' },
  RETAIN_TIER: {
    kind: 'custom function',
    input: '(revenue: a 2-D range, a_cutoff?: number, b_cutoff?: number, method?: "revenue" | "count")',
  },
  RETAIN_RISK: {
    kind: 'custom function',
    input: '(customer_ids, purchase_customer_ids, purchase_dates: 2-D ranges, factor?: number, today?: date)',
  },
  RETAIN_RFM: { kind: 'custom function', input: '(recency_days, frequency, monetary: 2-D ranges)' },
  getSidebarData: { kind: 'sidebar', input: '{tab?: "log" | "due" | "settings"}' },
  searchCustomers: { kind: 'sidebar', input: '{query: string, limit?: number}' },
  getCustomerCard: { kind: 'sidebar', input: '{customerId: string}' },
  logContact: {
    kind: 'sidebar',
    input: '{customerIds: string[], date, type, outcome, notes, nextStep, nextStepDate, complaintSize, resolvedOn}',
  },
  getDueItems: { kind: 'sidebar', input: '{}' },
  selectCustomerRow: { kind: 'sidebar', input: '{customerId: string}' },
  getSettings: { kind: 'sidebar', input: '{}' },
  saveSettings: { kind: 'sidebar', input: '{values: {setting: value}}' },
  scheduleNightly: { kind: 'sidebar', input: '{}' },
  stopNightly: { kind: 'sidebar', input: '{}' },
  previewRun: { kind: 'sidebar', input: '{}' },
  getColumns: { kind: 'sidebar', input: '{}' },
  saveColumns: { kind: 'sidebar', input: '{sheet: "customers" | "purchases" | "contactLog", map: {field: header}}' },
};

const HUGE = 'A'.repeat(1_000_000);
/** JSON as google.script.run delivers it: "__proto__" is an own key, not a prototype. */
const protoKey = (inner: Record<string, unknown>) =>
  JSON.parse(`{"__proto__": {"polluted": "yes"}, ${JSON.stringify(inner).slice(1, -1) || '"x": 1'}}`);

/** Inputs no function should choke on. */
const GENERIC: Array<[string, unknown[]]> = [
  ['no argument', []],
  ['null', [null]],
  ['a number', [42]],
  ['a boolean', [true]],
  ['a string', ['hello']],
  ['a huge string', [HUGE]],
  ['an empty array', [[]]],
  ['an array of junk', [[1, 'two', null, {}]]],
  ['an empty object', [{}]],
  ['a __proto__ key', [protoKey({})]],
  [
    'constructor and toString keys',
    [{ constructor: { prototype: { polluted: 'yes' } }, toString: 'x', valueOf: 'y', hasOwnProperty: 'z' }],
  ],
  ['a deeply nested object', [JSON.parse('{"a":'.repeat(60) + '1' + '}'.repeat(60))]],
  ['two arguments', [{}, { extra: true }]],
];

/** Inputs aimed at each sidebar function's fields. */
const SPECIFIC: Record<string, Array<[string, unknown]>> = {
  getSidebarData: [
    ['tab __proto__', { tab: '__proto__' }],
    ['tab as an array', { tab: ['due'] }],
    ['tab with markup', { tab: '<script>alert(1)</script>' }],
  ],
  searchCustomers: [
    ['query a number', { query: 123 }],
    ['query an array', { query: ['Alice'] }],
    ['query an object', { query: { $ne: '' } }],
    ['a huge query, a huge limit', { query: HUGE, limit: 1e308 }],
    ['a regex-looking query, a negative limit', { query: '.*(a+)+$', limit: -5 }],
    ['limit as a string', { query: 'a', limit: '1000000' }],
  ],
  getCustomerCard: [
    ['customerId a number', { customerId: 123 }],
    ['customerId an array', { customerId: ['C0001'] }],
    ['customerId __proto__', { customerId: '__proto__' }],
    ['customerId constructor', { customerId: 'constructor' }],
    ['customerId huge', { customerId: HUGE }],
    ['customerId markup', { customerId: '<img src=x onerror=alert(1)>' }],
  ],
  selectCustomerRow: [
    ['customerId a number', { customerId: 123 }],
    ['customerId an array', { customerId: ['C0001'] }],
    ['customerId __proto__', { customerId: '__proto__' }],
    ['customerId huge', { customerId: HUGE }],
  ],
  logContact: [
    ['customerIds a string', { ...validSave(), customerIds: 'C0001' }],
    ['customerIds numbers', { ...validSave(), customerIds: [1, 2] }],
    ['customerIds __proto__', { ...validSave(), customerIds: ['__proto__'] }],
    ['customerIds unknown', { ...validSave(), customerIds: ['C9999'] }],
    ['10,000 customerIds', { ...validSave(), customerIds: Array.from({ length: 10000 }, (_, i) => `C${i}`) }],
    ['date a number', { ...validSave(), date: 20261116 }],
    ['date impossible', { ...validSave(), date: '2026-13-45' }],
    ['date in the future', { ...validSave(), date: '9999-12-31' }],
    ['date an object', { ...validSave(), date: { y: 2026 } }],
    ['type an array', { ...validSave(), type: ['Call'] }],
    ['type unknown', { ...validSave(), type: 'Call; DROP TABLE' }],
    ['type __proto__', { ...validSave(), type: '__proto__' }],
    ['notes too long', { ...validSave(), notes: 'x'.repeat(5001) }],
    ['notes huge', { ...validSave(), notes: HUGE }],
    ['notes an object', { ...validSave(), notes: { text: 'hi' } }],
    ['outcome an array', { ...validSave(), outcome: ['good'] }],
    ['complaint size on a call', { ...validSave(), complaintSize: 'Big' }],
    ['complaint size unknown', { ...validSave(), type: 'Complaint', complaintSize: 'Huge' }],
    ['next step date before the date', { ...validSave(), nextStepDate: '2020-01-01' }],
    ['next step date impossible', { ...validSave(), nextStepDate: '2026-02-30' }],
    ['resolved on a call', { ...validSave(), resolvedOn: '2026-11-16' }],
    [
      'every field wrong',
      {
        customerIds: {},
        date: [],
        type: 7,
        outcome: 1,
        notes: 2,
        nextStep: 3,
        nextStepDate: 4,
        complaintSize: 5,
        resolvedOn: 6,
      },
    ],
    ['every field only under __proto__', JSON.parse(`{"__proto__": ${JSON.stringify(validSave())}}`)],
    ['a __proto__ key beside a wrong field', protoKey({ ...validSave(), type: 'Sabotage' })],
  ],
  saveSettings: [
    ['values an array', { values: [] }],
    ['values null', { values: null }],
    ['values a string', { values: 'nightlyHour=3' }],
    ['values with __proto__', { values: protoKey({}) }],
    ['values with constructor', { values: { constructor: 1 } }],
    ['an unknown setting', { values: { isAdmin: true } }],
    ['nightlyHour text', { values: { nightlyHour: '6; rm -rf /' } }],
    ['nightlyHour huge', { values: { nightlyHour: 1e308 } }],
    ['nightlyHour negative', { values: { nightlyHour: -1 } }],
    ['calendarId huge', { values: { calendarId: 'x'.repeat(10000) } }],
    ['calendarId with a space', { values: { calendarId: 'a b' } }],
    ['senderName with a line break (header injection)', { values: { senderName: 'Rep\r\nBcc: victim@example.com' } }],
    ['senderName huge', { values: { senderName: HUGE } }],
    ['tierCutoffs __proto__', { values: { tierCutoffs: '__proto__' } }],
    ['tierCutoffs reversed', { values: { tierCutoffs: [0.95, 0.8] } }],
    ['contactEveryDays with __proto__', { values: { contactEveryDays: protoKey({ A: 1 }) } }],
    ['visitWindows an array', { values: { visitWindows: [1, 2] } }],
    ['workingDays huge', { values: { workingDays: 'x'.repeat(100000) } }],
    ['teamMode a word', { values: { teamMode: 'maybe' } }],
    ['runBudgetSeconds beyond 6 minutes', { values: { runBudgetSeconds: 100000 } }],
  ],
  saveColumns: [
    ['sheet __proto__', { sheet: '__proto__', map: {} }],
    ["sheet Templates (not the user's data)", { sheet: 'templates', map: { key: 'Key' } }],
    ['sheet an array', { sheet: ['customers'], map: {} }],
    ['map an array', { sheet: 'customers', map: ['Name'] }],
    ['map null', { sheet: 'customers', map: null }],
    ['map with __proto__', { sheet: 'customers', map: protoKey({}) }],
    ['a header the sheet does not have', { sheet: 'customers', map: { email: 'Customer list 2026' } }],
    ['a huge header', { sheet: 'customers', map: { email: HUGE } }],
    ['a header with markup', { sheet: 'customers', map: { email: '<script>alert(1)</script>' } }],
    ['a managed field', { sheet: 'customers', map: { tier: 'Name' } }],
    ['one header for two fields', { sheet: 'customers', map: { company: 'My own notes', address: 'My own notes' } }],
  ],
  RETAIN_TIER: [['a range of junk', [[{}], [null], ['__proto__'], [HUGE]]]],
};

function validSave(): Record<string, unknown> {
  return {
    customerIds: ['C0001'],
    date: '2026-11-16',
    type: 'Call',
    outcome: '',
    notes: '',
    nextStep: '',
    nextStepDate: '',
    complaintSize: '',
    resolvedOn: '',
  };
}

/** What a user must never be shown: an internal error instead of a sentence. */
const UNCLEAR =
  /Cannot read propert|Cannot convert|is not a function|is not iterable|is not defined|\bundefined\b|\[object \w+\]|Maximum call stack|Invalid (array|string) length|Unexpected token|\.(trim|toLowerCase|map|slice)\b/;

function settingsProps(emu: Emulator): string {
  return JSON.stringify(
    Object.entries(emu.properties.document())
      .filter(([k]) => k.startsWith('setting.') || k === 'columns')
      .sort(),
  );
}

function topLevelFunctions(): string[] {
  const ast = acorn.parse(bundleSource(), { ecmaVersion: 2020, sourceType: 'script' }) as unknown as {
    body: Array<{ type: string; id?: { name: string }; declarations?: Array<{ id: { name?: string } }> }>;
  };
  const names: string[] = [];
  for (const n of ast.body) {
    if (n.type === 'FunctionDeclaration' && n.id) names.push(n.id.name);
    if (n.type === 'VariableDeclaration') for (const d of n.declarations ?? []) if (d.id.name) names.push(d.id.name);
  }
  return names.filter((n) => !n.endsWith('_'));
}

function ready(): Emulator {
  return prepared(baseWorkbook());
}

/**
 * One workbook shared by the sidebar calls while none of them changes it (a
 * call that changes a cell or a setting fails its test, and the next test gets
 * a fresh workbook): 300 calls need not build 300 workbooks.
 */
let shared: { emu: Emulator; cells: string; props: string } | null = null;
function readyShared(): Emulator {
  if (shared && JSON.stringify(snapshot(shared.emu)) === shared.cells && settingsProps(shared.emu) === shared.props)
    return shared.emu;
  const emu = ready();
  shared = { emu, cells: JSON.stringify(snapshot(emu)), props: settingsProps(emu) };
  return emu;
}

describe('every callable function is known', () => {
  test('the table lists exactly the top-level functions of dist/Code.js not ending in _', () => {
    expect(topLevelFunctions().sort()).toEqual(Object.keys(ENTRY_POINTS).sort());
  });
});

describe('hostile input from google.script.run', () => {
  /** Calls fn as the sidebar would; returns what the caller sees. */
  function call(emu: Emulator, fn: string, args: unknown[]): { value?: unknown; error?: string } {
    try {
      return { value: emu.scriptRun(fn, ...args) };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }

  const sidebar = Object.keys(ENTRY_POINTS).filter((n) => ENTRY_POINTS[n].kind === 'sidebar');
  const cases: Array<[string, string, unknown[]]> = [];
  for (const fn of sidebar) {
    for (const [label, args] of GENERIC) cases.push([fn, label, args]);
    for (const [label, arg] of SPECIFIC[fn] ?? []) cases.push([fn, label, [arg]]);
  }

  test.each(cases)('%s with %s: a clear answer, no cell or setting changed', (fn, _label, args) => {
    const emu = readyShared();
    const before = snapshot(emu);
    const props = settingsProps(emu);
    const r = call(emu, fn, args);
    const shown = r.error ?? JSON.stringify(r.value ?? null);
    if (r.error !== undefined) {
      expect(r.error).not.toMatch(UNCLEAR);
      expect(r.error.length).toBeGreaterThan(5);
    }
    // Whatever comes back is bounded: a megabyte sent is not a megabyte shown.
    expect(shown.length).toBeLessThan(200000);
    if (fn === 'logContact' || fn === 'saveSettings' || fn === 'saveColumns') {
      // Validation: {ok: false, errors: {field: message}}, every message a sentence.
      const v = r.value as { ok?: boolean; errors?: Record<string, unknown> } | undefined;
      if (r.error === undefined) {
        expect(v?.ok).toBe(false);
        const messages = Object.values(v?.errors ?? {});
        expect(messages.length).toBeGreaterThan(0);
        for (const m of messages) {
          expect(typeof m).toBe('string');
          expect(m as string).not.toMatch(UNCLEAR);
          expect((m as string).length).toBeLessThan(1000);
        }
      }
    } else if (r.error === undefined) {
      expect(shown).not.toMatch(/\[object \w+\]|NaN/);
    }
    expect(snapshot(emu)).toEqual(before);
    expect(settingsProps(emu)).toBe(props);
    expect(Object.prototype.hasOwnProperty.call({}, 'polluted')).toBe(false);
  });

  const others = Object.keys(ENTRY_POINTS).filter((n) => ENTRY_POINTS[n].kind !== 'sidebar');
  const otherCases: Array<[string, string, unknown[]]> = [];
  for (const fn of others) for (const [label, args] of GENERIC) otherCases.push([fn, label, args]);
  for (const [label, arg] of SPECIFIC.RETAIN_TIER) otherCases.push(['RETAIN_TIER', label, [arg]]);

  test.each(otherCases)(
    '%s (not for the sidebar) with %s: no internal error, no user cell changed',
    (fn, _label, args) => {
      const emu = ready();
      const before = snapshot(emu);
      const props = settingsProps(emu);
      const r = call(emu, fn, args);
      if (r.error !== undefined) expect(r.error).not.toMatch(UNCLEAR);
      // Menu items and triggers do their normal work (their input is ignored): the invariant holds.
      expect(checkNothingLost(before, emu, { rerun: false })).toEqual([]);
      expect(settingsProps(emu)).toBe(props);
    },
  );
});

describe('free text stays text', () => {
  test('notes, outcome and next step starting with = + - @ are stored as text, not formulas', () => {
    const emu = ready();
    const texts = { outcome: '=IMPORTXML("http://evil.example","//a")', notes: '+1+1', nextStep: '-2*3' };
    const r = emu.scriptRun('logContact', { ...validSave(), ...texts, nextStep: texts.nextStep }) as { ok: boolean };
    expect(r.ok).toBe(true);
    const rows = emu.sheetValues('Contact log');
    const formulas = emu.sheetFormulas('Contact log');
    const h = rows[0].map(String);
    const last = rows.length - 1;
    expect(rows[last][h.indexOf('Outcome')]).toBe(texts.outcome);
    expect(rows[last][h.indexOf('Notes')]).toBe(texts.notes);
    expect(rows[last][h.indexOf('Next step')]).toBe(texts.nextStep);
    expect(formulas[last].filter(Boolean)).toEqual([]);
    // @ as well.
    const r2 = emu.scriptRun('logContact', { ...validSave(), notes: '@SUM(A1)' }) as { ok: boolean };
    expect(r2.ok).toBe(true);
    const rows2 = emu.sheetValues('Contact log');
    expect(rows2[rows2.length - 1][h.indexOf('Notes')]).toBe('@SUM(A1)');
    expect(emu.sheetFormulas('Contact log')[rows2.length - 1].filter(Boolean)).toEqual([]);
  });

  test('a run never writes a formula into a managed cell, whatever the rows hold', () => {
    const s = cloneSheets(baseWorkbook());
    putCell(s, 'Customers', 4, 'Email', '\'=HYPERLINK("http://evil.example","x")');
    putCell(s, 'Customers', 5, 'Revenue', "'=1+1");
    putCell(s, 'Customers', 6, 'Status', "'+SUM(1)");
    putCell(s, 'Purchases', 3, 'Product', "'=cmd|' /C calc'!A0");
    const emu = prepared(s);
    runNightly(emu);
    const rows = emu.sheetValues('Customers');
    const formulas = emu.sheetFormulas('Customers');
    const managed = [
      'Tier',
      'Next follow-up',
      'Follow-up',
      'Days to due',
      'Thank-you draft',
      'Next visit',
      'Retain notes',
    ].map((m) => rows[0].indexOf(m));
    for (let r = 1; r < rows.length; r++) for (const c of managed) expect(formulas[r][c]).toBe('');
    expect(String(rows[3][rows[0].indexOf('Retain notes')])).toMatch(/HYPERLINK/);
  });
});

describe('customer text and templates never reach HTML unescaped', () => {
  const EVIL_NAME = '<img src=x onerror=alert(1)>';
  const EVIL_COMPANY = '<script>alert("co")</script> & Co';
  const EVIL_PRODUCT = '"><svg onload=alert(2)>';
  /** Markup that came from data: any tag but the few the page itself uses. Escaped text (&lt;img ...) is fine. */
  const tagsOf = (html: string) => Array.from(html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g), (m) => m[1].toLowerCase());
  const foreignTags = (html: string, allowed: string[]) => tagsOf(html).filter((t) => !allowed.includes(t));
  const PAGE_TAGS = ['div', 'p', 'br', 'h3', 'h4', 'ul', 'li'];

  function evilWorkbook() {
    const s = cloneSheets(baseWorkbook());
    putCell(s, 'Customers', 2, 'Name', EVIL_NAME);
    putCell(s, 'Customers', 2, 'Company', EVIL_COMPANY);
    putCell(s, 'Purchases', 2, 'Product', EVIL_PRODUCT);
    putCell(s, 'Customers', 4, 'Revenue', '<iframe src=javascript:alert(3)>');
    putCell(s, 'Customers', 5, 'Email', '<script>@evil.example');
    s.Templates = [
      ['Key', 'Language', 'Subject', 'Body'],
      [
        'thank-you',
        'en',
        'Thanks {{Name}} <b>!</b>',
        'Dear {{Name}} of {{Company}},\n<script>alert("template")</script>\nYour {{Product}} ({{Amount}}) <a href="javascript:x">link</a>\n{{Owner}}',
      ],
      ['thank-you', 'zh', '谢谢 {{Name}}', '{{Name}} 您好 <img src=y onerror=alert(4)>\n{{Owner}}'],
    ];
    return s;
  }

  test('the HTML part of every draft (parsed with mailparser) escapes template and customer text', async () => {
    const emu = prepared(evilWorkbook(), { settings: { senderName: '<b onmouseover=alert(5)>Rep</b>' } });
    runNightly(emu);
    const drafts = emu.gmail.drafts();
    expect(drafts.length).toBeGreaterThanOrEqual(3);
    for (const d of drafts) {
      const m = await simpleParser(d.raw);
      expect(typeof m.html).toBe('string');
      expect(foreignTags(m.html as string, ['div', 'p', 'br'])).toEqual([]);
    }
    const alice = await Promise.all(drafts.map((d) => simpleParser(d.raw)));
    const a = alice.find((m) => (m.text ?? '').includes(EVIL_NAME));
    expect(a).toBeDefined();
    expect(a!.html as string).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(a!.html as string).toContain('&lt;script&gt;alert(&quot;co&quot;)&lt;/script&gt; &amp; Co');
    expect(a!.html as string).toContain('&lt;script&gt;alert(&quot;template&quot;)&lt;/script&gt;');
  });

  test('the preview dialog escapes names, companies, values quoted in problems and errors', () => {
    const emu = prepared(evilWorkbook());
    emu.invoke('previewTonightsRun');
    const html = emu.ui.last('dialog')?.html ?? '';
    expect(html.length).toBeGreaterThan(100);
    expect(foreignTags(html, PAGE_TAGS)).toEqual([]);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  test('the preview dialog on a workbook that cannot run shows the message escaped', () => {
    const emu = prepared(
      {
        Customers: [
          ['Customer ID', '<script>alert(1)</script>'],
          ['C1', 'x'],
        ],
      },
      { setup: false, schedule: false },
    );
    emu.invoke('previewTonightsRun');
    const html = emu.ui.last('dialog')?.html ?? '';
    expect(html).toMatch(/Name/);
    expect(foreignTags(html, PAGE_TAGS)).toEqual([]);
  });

  test.each([['en'], ['zh-CN']])('the help dialog (%s) is fixed text, escaped', (locale) => {
    const emu = prepared(evilWorkbook(), { emulator: { locale } });
    emu.invoke('showHelp');
    const html = emu.ui.last('dialog')?.html ?? '';
    expect(html.length).toBeGreaterThan(50);
    expect(foreignTags(html, PAGE_TAGS)).toEqual([]);
  });

  test('the sidebar page is served from the file, never as a template', () => {
    const emu = prepared(evilWorkbook());
    emu.invoke('showLogContact');
    const html = emu.ui.last('sidebar')?.html ?? '';
    expect(html.length).toBeGreaterThan(1000);
    // Customer text is fetched by google.script.run and shown as text: none of it is in the page.
    expect(html).not.toContain(EVIL_NAME);
    expect(html).not.toContain('<?');
  });
});

describe('no header injection into drafts', () => {
  test('a Name with a line break cannot add a header, and the customer still gets the draft or a note', async () => {
    const s = cloneSheets(baseWorkbook());
    putCell(s, 'Customers', 2, 'Name', 'Alice\r\nBcc: victim@evil.example');
    putCell(s, 'Customers', 2, 'Company', 'Acme\nX-Injected: yes');
    const emu = prepared(s);
    const before = snapshot(emu);
    const run = runNightly(emu);
    for (const d of emu.gmail.drafts()) {
      const m = await simpleParser(d.raw);
      expect(m.headers.has('bcc')).toBe(false);
      expect(m.headers.has('x-injected')).toBe(false);
      expect((m.to as { value: unknown[] }).value.length).toBe(1);
    }
    // The run goes on for everyone else, and Alice's draft is made or her row says why not.
    expect(emu.gmail.drafts().length).toBeGreaterThanOrEqual(3);
    const rows = emu.sheetValues('Customers');
    const notes = rows[1][rows[0].indexOf('Retain notes')];
    const aliceDraft = emu.gmail.drafts().some((d) => d.raw.includes('alice@acme.example'));
    expect(aliceDraft || String(notes).length > 0).toBe(true);
    expect(run.errors).toEqual([]);
    expect(checkNothingLost(before, emu)).toEqual([]);
  });

  test('a senderName with a line break is refused by the settings', () => {
    const emu = ready();
    const r = emu.scriptRun('saveSettings', { values: { senderName: 'Rep\nBcc: victim@evil.example' } }) as {
      ok: boolean;
      errors: Record<string, string>;
    };
    expect(r.ok).toBe(false);
    expect(Object.keys(r.errors)).toContain('senderName');
  });
});
