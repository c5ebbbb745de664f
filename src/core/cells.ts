/**
 * Reading what people put in cells (docs/data.md, Numbers and dates). A cell
 * arrives as getValues() gives it: a number, a string, a boolean, a Date, or
 * '' when blank. The readers live in cells/, one file per kind of cell; this
 * file gathers them so importers need one line.
 */
export type { Parsed, ToCalDate } from './cells/parsed';
export { cellText, numberText } from './cells/text';
export { NO_LOCALE, cellLocale, type CellLocale } from './cells/locale';
export { parseNumber } from './cells/numbers';
export { parseDate } from './cells/dates';
export { isPlausibleSerial, serialDate } from './cells/serials';
export { dateSerialColumn, dateSerialFields } from './cells/dateColumns';
export { parseMonthDay } from './cells/monthDays';
export { parseComplaintSize, parseContactType, parseStatus } from './cells/choices';
export { guessLanguage, parseLanguage } from './cells/language';
export { isValidEmail } from './cells/email';
