/**
 * One form control per setting kind (src/shared/api.ts, SettingKind), never
 * raw JSON. read() gives what the server is sent: what the user typed, as
 * typed ("1, 3, 7", "0.8, 0.95"), since the server reads every form people
 * write and names the setting when it cannot. The form itself only catches
 * what the server could not see: a number input holding no number (the
 * browser then reports an empty value).
 */
import type { SettingField } from '../../src/shared/api';
import { h } from '../dom';
import { field } from './common';
import { daysControl, perTierControl, windowsControl } from './settingGroups';
import { numberInput, readNumber, settingId, text, unitOf, type Bound } from './settingInputs';

function numberControl(spec: SettingField): Bound {
  const input = numberInput(spec, settingId(spec), spec.value);
  return {
    spec,
    field: field(spec.label, input, { hint: spec.help || undefined, after: unitOf(spec) }),
    read: () => readNumber(spec, input),
  };
}

function booleanControl(spec: SettingField): Bound {
  const box = h('input', {
    type: 'checkbox',
    class: 'checkbox',
    id: settingId(spec),
    name: spec.key,
    props: { checked: spec.value === true },
  });
  return {
    spec,
    field: field(spec.label, box, { hint: spec.help || undefined, inline: true }),
    read: () => ({ ok: true, value: box.checked }),
  };
}

function selectControl(spec: SettingField): Bound {
  const opts = spec.options && spec.options.length ? spec.options : [text(spec.value)];
  const sel = h(
    'select',
    { class: 'input', id: settingId(spec), name: spec.key },
    opts.map((o, i) => h('option', { value: o }, (spec.optionLabels && spec.optionLabels[i]) || o)),
  );
  sel.value = text(spec.value);
  return {
    spec,
    field: field(spec.label, sel, { hint: spec.help || undefined }),
    read: () => ({ ok: true, value: sel.value }),
  };
}

/** Text, a list typed as the hint shows it, or a time of day: sent as typed. */
function textControl(spec: SettingField): Bound {
  const input = h('input', {
    type: spec.kind === 'time' ? 'time' : 'text',
    class: spec.kind === 'list' ? 'input input-list' : 'input',
    id: settingId(spec),
    name: spec.key,
    spellcheck: 'false',
  });
  input.value = text(spec.value);
  return {
    spec,
    field: field(spec.label, input, { hint: spec.help || undefined }),
    read: () => ({ ok: true, value: input.value }),
  };
}

export function bindSetting(spec: SettingField): Bound {
  switch (spec.kind) {
    case 'number':
    case 'hour':
      return numberControl(spec);
    case 'boolean':
      return booleanControl(spec);
    case 'select':
      return selectControl(spec);
    case 'days':
      return daysControl(spec);
    case 'perTier':
      return perTierControl(spec);
    case 'windows':
      return windowsControl(spec);
    default:
      return textControl(spec);
  }
}
