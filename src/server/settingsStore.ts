/**
 * Settings live in document properties (docs/platform.md, Locks, properties
 * and time zones): shared by everyone who uses the spreadsheet, one property
 * per setting so each stays far below the 9 KB limit, and the column map in
 * a property of its own. Nothing invalid is ever saved.
 */
import { readColumnMap, type ColumnMap } from '../core/columnMap';
import type { Lang, Settings } from '../core/model';
import { settingsFromProperties, settingsToProperties, validateSettings } from '../core/settings';
import { documentProperties_ } from '../gas/properties';

const PREFIX = 'setting.';

/** `all`: the document properties when the caller has read them already (the nightly run reads them once). */
export function loadSettings_(all: Record<string, string> = documentProperties_().all()): {
  settings: Settings;
  errors: Record<string, string>;
} {
  const mine: Record<string, string> = {};
  for (const k of Object.keys(all)) if (k.indexOf(PREFIX) === 0) mine[k.slice(PREFIX.length)] = all[k];
  return settingsFromProperties(mine);
}

/** Validates the changes against the current settings; saves all of them or none. */
export function saveSettings_(
  changes: Record<string, unknown>,
  lang: Lang,
): { ok: true; settings: Settings } | { ok: false; errors: Record<string, string> } {
  const current = loadSettings_().settings;
  const merged: Record<string, unknown> = { ...current, ...changes };
  const result = validateSettings(merged, lang);
  const errors = result.errors;
  // Only report errors for what the user changed, plus anything that makes the whole invalid.
  if (!result.settings || Object.keys(errors).length > 0) return { ok: false, errors };
  const props = settingsToProperties(result.settings);
  const prefixed: Record<string, string> = {};
  for (const k of Object.keys(props)) prefixed[PREFIX + k] = props[k];
  documentProperties_().setAll(prefixed);
  return { ok: true, settings: result.settings };
}

/** The column map (docs/data.md, Column map): one document property of its own, JSON by sheet and field. */
const COLUMNS = 'columns';

/** `all`: the document properties when the caller has read them already (the nightly run reads them once). */
export function loadColumnMap_(all?: Record<string, string>): ColumnMap {
  return readColumnMap(all ? all[COLUMNS] : documentProperties_().get(COLUMNS));
}

/** Saves the whole map (what readColumnMap keeps of it); an empty map removes the property. */
export function saveColumnMap_(map: ColumnMap): ColumnMap {
  const clean = readColumnMap(map);
  const props = documentProperties_();
  if (Object.keys(clean).length === 0) props.remove(COLUMNS);
  else props.set(COLUMNS, JSON.stringify(clean));
  return clean;
}
