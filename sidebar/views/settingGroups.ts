/**
 * Settings that are several values under one name, each a fieldset: the
 * working days (seven day boxes, Monday first), a number per tier (with a
 * "none" box where a tier may have none: no visits for C), and a start and
 * end time per tier.
 */
import type { ApiTier, SettingField } from '../../src/shared/api';
import { h } from '../dom';
import { dayName, t } from '../i18n';
import { fieldGroup, type Control } from './common';
import { numberInput, readNumber, settingId, unitOf, type Bound, type Read } from './settingInputs';

const WEEK = [1, 2, 3, 4, 5, 6, 0];

/** The tier as the customer badges show it ("A"); the words ("Tier A") are for screen readers. */
function tierTag(tier: ApiTier): HTMLElement {
  return h('span', { class: `badge tier-${tier}`, 'aria-hidden': 'true' }, tier);
}

function tiersOf(spec: SettingField): ApiTier[] {
  return spec.tiers && spec.tiers.length ? spec.tiers : ['A', 'B', 'C'];
}

function valueAt(spec: SettingField, tier: ApiTier): unknown {
  const v = spec.value;
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>)[tier] : undefined;
}

export function daysControl(spec: SettingField): Bound {
  const on = new Set(Array.isArray(spec.value) ? spec.value.map(Number) : []);
  const boxes = WEEK.map((d) =>
    h('input', {
      type: 'checkbox',
      class: 'checkbox',
      id: settingId(spec, d),
      name: spec.key,
      value: String(d),
      props: { checked: on.has(d) },
    }),
  );
  const body = h(
    'div',
    { class: 'day-boxes' },
    boxes.map((box, i) => h('label', { class: 'day', for: box.id }, box, dayName(WEEK[i]))),
  );
  return {
    spec,
    field: fieldGroup(spec.label, boxes, [body], { id: settingId(spec), hint: spec.help || undefined }),
    read: () => ({ ok: true, value: boxes.filter((b) => b.checked).map((b) => Number(b.value)) }),
  };
}

/** One tier's number, and its "none" box when the setting allows none. */
function tierRow(spec: SettingField, tier: ApiTier): { row: HTMLElement; controls: Control[]; read(): Read } {
  const tierName = t('tier.badge', { tier });
  const value = valueAt(spec, tier);
  const input = numberInput(spec, settingId(spec, tier), value);
  const none = spec.noneLabel
    ? h('input', {
        type: 'checkbox',
        class: 'checkbox',
        id: settingId(spec, `${tier}-none`),
        name: `${spec.key}.${tier}.none`,
        props: { checked: value === null || value === undefined },
      })
    : null;
  const sync = (): void => {
    input.disabled = !!none && none.checked;
  };
  if (none) none.addEventListener('change', sync);
  sync();
  const row = h(
    'div',
    { class: 'tier-row' },
    h('label', { class: 'tier-label', for: input.id }, tierTag(tier), h('span', { class: 'sr-only' }, tierName)),
    h('span', { class: 'with-unit' }, input, unitOf(spec)),
    none
      ? h(
          'label',
          { class: 'none-label', for: none.id },
          none,
          h('span', { 'aria-hidden': 'true' }, spec.noneLabel),
          h('span', { class: 'sr-only' }, t('settings.none', { tier: tierName, none: spec.noneLabel || '' })),
        )
      : null,
  );
  const read = (): Read => {
    if (none && none.checked) return { ok: true, value: 'none' };
    const r = readNumber(spec, input);
    // An empty number where "none" is allowed would read as none: say so rather than guess.
    if (r.ok && none && r.value === '') return { ok: false, error: spec.invalid || spec.help, at: input };
    return r;
  };
  return { row, controls: none ? [input, none] : [input], read };
}

function readTiers(tiers: ApiTier[], reads: Array<() => Read>): Read {
  const value: Record<string, unknown> = {};
  for (let i = 0; i < tiers.length; i++) {
    const r = reads[i]();
    if (!r.ok) return r;
    value[tiers[i]] = r.value;
  }
  return { ok: true, value };
}

export function perTierControl(spec: SettingField): Bound {
  const tiers = tiersOf(spec);
  const rows = tiers.map((tier) => tierRow(spec, tier));
  const controls = rows.flatMap((r) => r.controls);
  return {
    spec,
    field: fieldGroup(
      spec.label,
      controls,
      rows.map((r) => r.row),
      { id: settingId(spec), hint: spec.help || undefined },
    ),
    read: () =>
      readTiers(
        tiers,
        rows.map((r) => r.read),
      ),
  };
}

function timeInput(spec: SettingField, tier: ApiTier, end: 'start' | 'end', value: unknown): HTMLInputElement {
  const tierName = t('tier.badge', { tier });
  const input = h('input', {
    type: 'time',
    class: 'input input-time',
    id: settingId(spec, `${tier}-${end}`),
    name: `${spec.key}.${tier}.${end}`,
    'aria-label': t(end === 'start' ? 'settings.from' : 'settings.to', { tier: tierName }),
  });
  input.value = typeof value === 'string' ? value : '';
  return input;
}

export function windowsControl(spec: SettingField): Bound {
  const tiers = tiersOf(spec);
  const pairs = tiers.map((tier) => {
    const w = valueAt(spec, tier) as { start?: unknown; end?: unknown } | undefined;
    return [timeInput(spec, tier, 'start', w && w.start), timeInput(spec, tier, 'end', w && w.end)];
  });
  const rows = tiers.map((tier, i) =>
    h(
      'div',
      { class: 'tier-row tier-times' },
      h('span', { class: 'tier-label' }, tierTag(tier)),
      pairs[i][0],
      h('span', { class: 'dash', 'aria-hidden': 'true' }, '–'),
      pairs[i][1],
    ),
  );
  return {
    spec,
    field: fieldGroup(spec.label, pairs.flat(), rows, { id: settingId(spec), hint: spec.help || undefined }),
    read: () =>
      readTiers(
        tiers,
        pairs.map(([start, end]) => () => ({ ok: true, value: { start: start.value, end: end.value } })),
      ),
  };
}
