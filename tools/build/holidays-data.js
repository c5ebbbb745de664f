#!/usr/bin/env node
/**
 * Official holidays, prebuilt from two npm packages into
 * src/core/calendar/officialHolidays.json:
 *  - China: chinese-days, which carries the State Council's yearly schedule
 *    (days off and the make-up working days, 调休上班) from its data file;
 *  - other countries: date-holidays (public holidays by rule).
 *
 * Why data and not the libraries in dist/Code.js: Apps Script evaluates the
 * whole file on every call (docs/platform.md, Entry points and the bundle).
 * date-holidays' parser pulls in moment-timezone with its zone data,
 * astronomia and five calendar packages: 1.7 MB bundled for two countries
 * with this project's webpack settings. chinese-days' code builds its
 * tables at load (10-17 ms a call) and reads dates in the machine's zone
 * (2026-02-14 comes out as 2026-02-13 west of UTC). Their results for the
 * years and countries below are a few dozen KB of plain data that needs no
 * code to read.
 *
 * `node tools/build/holidays-data.js` rewrites the JSON; test/core/calendar
 * checks that the committed file is what the installed packages give, so an
 * upgrade (a new State Council schedule each November or December) cannot be
 * forgotten.
 */
const fs = require('fs');
const path = require('path');

const OUT = path.resolve(__dirname, '../../src/core/calendar/officialHolidays.json');

// Years kept: Set up fills this year and the next, so rule-based data to
// 2035 serves a build for years; rebuild (npm update date-holidays) before then.
const FIRST_YEAR = 2025;
const LAST_YEAR = 2035;

// The countries a Retain user is most likely to be in (Chinese-speaking
// regions, the main trading partners), by ISO 3166 code. China itself comes
// from chinese-days (the State Council schedule with its make-up working days).
// A country with regions is read at the national level, except where
// `REGION` names the region most of its people observe.
const COUNTRIES = [
  'TW',
  'HK',
  'SG',
  'MY',
  'JP',
  'KR',
  'TH',
  'VN',
  'PH',
  'ID',
  'IN',
  'AE',
  'US',
  'CA',
  'MX',
  'BR',
  'GB',
  'IE',
  'AU',
  'NZ',
  'ZA',
  'DE',
  'FR',
  'IT',
  'ES',
  'PT',
  'NL',
  'BE',
  'LU',
  'CH',
  'AT',
  'SE',
  'DK',
  'NO',
  'FI',
  'PL',
  'CZ',
  'RU',
  'TR',
];
// England and Wales: the national list of date-holidays lacks the Summer bank holiday.
const REGION = { GB: 'ENG' };

const DAY_MS = 86400000;
const SUBSTITUTE_SUFFIX = / \(substitute day\)$/;

/** Every day a holiday covers, as 'YYYY-MM-DD' (a few last more than one day). */
function daysOf(h) {
  const first = h.date.slice(0, 10);
  const n = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY_MS));
  const out = [];
  for (let i = 0; i < n; i++) {
    const d = new Date(Date.parse(first + 'T00:00:00Z') + i * DAY_MS);
    out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

function countryData(Holidays, cc) {
  // One instance a language: an instance asked in one language answers the
  // next question with that language's names where the other lacks them.
  const make = (lang) =>
    REGION[cc] ? new Holidays(cc, REGION[cc], { languages: [lang] }) : new Holidays(cc, { languages: [lang] });
  const languages = (REGION[cc] ? new Holidays(cc, REGION[cc]) : new Holidays(cc)).getLanguages();
  const local = languages.find((l) => !/^(en|zh)\b/.test(l));
  // The country's own English where the data has one: 'Labor Day' in the US.
  const english = languages.find((l) => /^en\b/.test(l)) || 'en';
  const hdEn = make(english);
  const hdZh = make('zh');
  const hdLocal = local ? make(local) : hdEn;
  const names = [];
  const nameIndex = new Map();
  const indexOf = (triple) => {
    const key = JSON.stringify(triple);
    if (!nameIndex.has(key)) {
      nameIndex.set(key, names.length);
      names.push(triple);
    }
    return nameIndex.get(key);
  };
  const years = {};
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    const en = hdEn.getHolidays(year, english);
    const zh = hdZh.getHolidays(year, 'zh');
    const lo = local ? hdLocal.getHolidays(year, local) : en;
    const entries = [];
    const byEnglish = new Map();
    const order = en.map((h, i) => i).filter((i) => en[i].type === 'public');
    // Holidays first, so that a substitute day before its holiday (3 July for 4 July) finds it.
    order.sort((a, b) => Number(Boolean(en[a].substitute)) - Number(Boolean(en[b].substitute)) || a - b);
    for (const i of order) {
      const h = en[i];
      if (zh[i].rule !== h.rule || lo[i].rule !== h.rule) throw new Error(`${cc} ${year}: languages disagree`);
      // A language the data lacks falls back to another one: keep only real translations.
      const zhName = zh[i].name !== h.name && zh[i].name !== lo[i].name ? zh[i].name : 0;
      const localName = lo[i].name !== h.name ? lo[i].name : 0;
      // A substitute day points at the holiday it stands in for (its name is
      // made at run time, in the user's language); one with no such holiday
      // that year keeps its own name.
      const base = h.substitute ? byEnglish.get(h.name.replace(SUBSTITUTE_SUFFIX, '')) : undefined;
      const n = base !== undefined ? base : indexOf([h.name, zhName, localName]);
      if (!h.substitute) byEnglish.set(h.name, n);
      for (const day of daysOf(h)) {
        if (day.slice(0, 4) !== String(year)) continue;
        entries.push(day.slice(5, 7) + day.slice(8, 10) + n + (h.substitute && base !== undefined ? 's' : ''));
      }
    }
    years[year] = [...new Set(entries)].sort().join(' ');
  }
  return { n: names, y: years };
}

/**
 * China's schedule by year and festival (the Chinese name chinese-days uses):
 * the days off ('h') and the make-up working days ('w'), as MMDD lists.
 */
function chinaData() {
  const data = require('chinese-days/dist/chinese-days.json');
  const years = {};
  const add = (kind, date, label) => {
    const year = Number(date.slice(0, 4));
    if (year < FIRST_YEAR) return;
    const festival = label.split(',')[1];
    const y = (years[year] = years[year] || {});
    const f = (y[festival] = y[festival] || { h: [], w: [] });
    f[kind].push(date.slice(5, 7) + date.slice(8, 10));
  };
  for (const [date, label] of Object.entries(data.holidays)) add('h', date, label);
  for (const [date, label] of Object.entries(data.workdays)) add('w', date, label);
  for (const y of Object.values(years))
    for (const f of Object.values(y)) {
      f.h = f.h.sort().join(' ');
      f.w = f.w.sort().join(' ');
    }
  return years;
}

/** The data as the JSON file holds it. */
function officialHolidayData() {
  const Holidays = require('date-holidays');
  const version = (pkg) => require(`${pkg}/package.json`).version;
  const countries = {};
  for (const cc of COUNTRIES) countries[cc] = countryData(Holidays, cc);
  return {
    sources: {
      CN: `chinese-days ${version('chinese-days')} (MIT, github.com/vsme/chinese-days)`,
      world: `date-holidays ${version('date-holidays')} (data: CC BY-SA 3.0, github.com/commenthol/date-holidays)`,
    },
    regions: REGION,
    firstYear: FIRST_YEAR,
    lastYear: LAST_YEAR,
    china: chinaData(),
    countries,
  };
}

function serialize(data) {
  // One country (one Chinese year) a line: small diffs when a package updates.
  const block = (obj) =>
    Object.entries(obj)
      .map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
      .join(',\n');
  const head = JSON.stringify({ ...data, china: undefined, countries: undefined }).slice(0, -1);
  return `${head},\n  "china": {\n${block(data.china)}\n  },\n  "countries": {\n${block(data.countries)}\n  }\n}\n`;
}

if (require.main === module) {
  fs.writeFileSync(OUT, serialize(officialHolidayData()));
  console.log(`wrote ${path.relative(process.cwd(), OUT)} (${(fs.statSync(OUT).size / 1024).toFixed(1)} KB)`);
}

module.exports = { officialHolidayData, serialize, OUT, COUNTRIES, FIRST_YEAR, LAST_YEAR };
