/**
 * The prebuilt official holiday data (tools/build/holidays-data.js writes
 * officialHolidays.json from the npm packages chinese-days and date-holidays;
 * docs/platform.md, Entry points and the bundle, says why data, not code).
 */
import json from './officialHolidays.json';

/** A festival of one year of China's schedule: days off and make-up working days, 'MMDD MMDD …'. */
export interface ChinaFestivalDays {
  h: string;
  w: string;
}

/** A country: its names [English, Chinese or 0, local language or 0] and, by year, 'MMDD<name index>[s]' entries. */
export interface CountryData {
  n: Array<[string, string | 0, string | 0]>;
  y: Record<string, string>;
}

export interface OfficialData {
  sources: { CN: string; world: string };
  regions: Record<string, string>;
  firstYear: number;
  lastYear: number;
  /** By year, by the festival's Chinese name as chinese-days gives it (元旦, 春节, 清明, …). */
  china: Record<string, Record<string, ChinaFestivalDays>>;
  countries: Record<string, CountryData>;
}

export const OFFICIAL_DATA = json as unknown as OfficialData;

/** 'MMDD MMDD' of `year` -> its dates. */
export function mmddDates(year: number, list: string): string[] {
  return list === '' ? [] : list.split(' ').map((e) => `${year}-${e.slice(0, 2)}-${e.slice(2, 4)}`);
}
