/**
 * Rows of the `Holidays` sheet as the calendar data gives them, and the
 * occasions they make (docs/rules.md, Working days; Occasions).
 *
 * Types (the sheet's `Type` column):
 *  - Holiday: a day off with greetings (the default);
 *  - Working day: a weekend day that is a working day (调休上班);
 *  - Greeting: greetings only, a working day (圣诞节 in China);
 *  - Day off: no greetings, e.g. a company day off, or the later days of a
 *    break whose greeting goes before its first day.
 */
import { addDays, type CalDate } from '../dates';
import type { Msg } from '../i18n';

export type HolidayType = 'Holiday' | 'Working day' | 'Greeting' | 'Day off';

export const HOLIDAY_TYPES: readonly HolidayType[] = ['Holiday', 'Working day', 'Greeting', 'Day off'];

export interface HolidayRow {
  date: CalDate;
  name: string;
  type: HolidayType;
}

export interface OfficialHolidays {
  /** By date; a date has two rows only when two holidays fall on it. */
  rows: HolidayRow[];
  /**
   * True when the rows are the official schedule of that year; false when it
   * is not known (China: the State Council has not published it, or the data
   * predates it; elsewhere: no data for that country or year).
   */
  scheduled: boolean;
  /** For the log when scheduled is false: what is missing and what the user should do. */
  note?: Msg;
}

/** One occasion to greet: a holiday of one or more days, greeted before `first`. */
export interface HolidayOccasion {
  name: string;
  first: CalDate;
  last: CalDate;
  /** Holiday when any of its days is a day off (Holiday), else Greeting. */
  type: 'Holiday' | 'Greeting';
}

const GREETS: ReadonlySet<HolidayType> = new Set(['Holiday', 'Greeting']);
const OFF: ReadonlySet<HolidayType> = new Set(['Holiday', 'Day off']);

/**
 * The occasions of a list of rows (in any order): rows of a greeting type
 * (Holiday, Greeting) with the same name on consecutive days form one
 * occasion. Days between two rows of the same name that are all days off
 * (a Holiday or Day off row of any name, or a day `bridges` accepts, e.g. a
 * weekend) keep them one occasion: in 2025 国庆节 runs 1-8 October around
 * 中秋节 on the 6th, one 国庆节 occasion and one 中秋节 occasion. Names are
 * compared after trimming. Sorted by first day, then name.
 */
export function holidayOccasions(
  rows: readonly HolidayRow[],
  bridges: (d: CalDate) => boolean = () => false,
): HolidayOccasion[] {
  const off = new Set(rows.filter((r) => OFF.has(r.type)).map((r) => r.date));
  const byName = new Map<string, HolidayRow[]>();
  for (const r of rows) {
    const name = r.name.trim();
    if (!GREETS.has(r.type) || name === '') continue;
    const list = byName.get(name) ?? [];
    list.push(r);
    byName.set(name, list);
  }
  const bridged = (from: CalDate, to: CalDate): boolean => {
    for (let d = addDays(from, 1); d < to; d = addDays(d, 1)) if (!off.has(d) && !bridges(d)) return false;
    return true;
  };
  const out: HolidayOccasion[] = [];
  for (const [name, list] of byName) {
    list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    let cur: HolidayOccasion | null = null;
    for (const r of list) {
      if (cur && r.date <= cur.last) {
        if (r.type === 'Holiday') cur.type = 'Holiday';
        continue;
      }
      if (cur && bridged(cur.last, r.date)) {
        cur.last = r.date;
        if (r.type === 'Holiday') cur.type = 'Holiday';
        continue;
      }
      cur = { name, first: r.date, last: r.date, type: r.type === 'Holiday' ? 'Holiday' : 'Greeting' };
      out.push(cur);
    }
  }
  return out.sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : a.name < b.name ? -1 : 1));
}
