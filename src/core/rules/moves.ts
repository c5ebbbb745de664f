/**
 * Working-day moves (docs/rules.md, Working days): calls and visits that
 * fall on a non-working day move to the next working day; greetings move to
 * the working day before, because a greeting after the occasion is late
 * (docs/rules.md, Occasions: holidays "call 2-3 days before").
 */
import { nextWorkingDay, previousWorkingDay, workCalendar, type CalDate, type WorkCalendar } from '../dates';
import type { Holiday, Settings } from '../model';
import { withDue, type DueChannel, type DueItem } from './dueItem';

/** Working days from the settings plus every date in the Holidays sheet. */
export function calendarOf(settings: Settings, holidays: readonly Holiday[]): WorkCalendar {
  return workCalendar(
    settings.workingDays,
    holidays.map((h) => h.date),
  );
}

export function moveToWorkingDay(d: CalDate, channel: DueChannel, cal: WorkCalendar): CalDate {
  return channel === 'greeting' ? previousWorkingDay(d, cal) : nextWorkingDay(d, cal);
}

/** The item with `due` moved onto a working day (a new object; the input is not changed). */
export function moveItem(item: DueItem, cal: WorkCalendar): DueItem {
  const due = moveToWorkingDay(item.due, item.channel, cal);
  return due === item.due ? item : withDue(item, due);
}
