/**
 * The pieces every setting control is made of: what a control reads back,
 * element ids the tests and labels rely on (`setting-<key>`, and
 * `setting-<key>-<part>` inside a group), and the number input.
 */
import type { SettingField } from '../../src/shared/api';
import { h } from '../dom';
import type { Control, Field } from './common';

export type Read = { ok: true; value: unknown } | { ok: false; error: string; at?: Control };

export interface Bound {
  spec: SettingField;
  field: Field;
  read(): Read;
}

export function settingId(spec: SettingField, part?: string | number): string {
  return part === undefined ? `setting-${spec.key}` : `setting-${spec.key}-${part}`;
}

export function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  return Array.isArray(v) ? v.join(', ') : String(v);
}

/** A number input with the setting's range; its `unit` follows it. */
export function numberInput(spec: SettingField, id: string, value: unknown): HTMLInputElement {
  const whole = spec.step === 1;
  const input = h('input', {
    type: 'number',
    class: 'input input-number',
    id,
    name: id.replace(/^setting-/, ''),
    min: spec.min,
    max: spec.max,
    step: spec.step === undefined ? 'any' : spec.step,
    inputmode: whole ? 'numeric' : 'decimal',
  });
  input.value = text(value);
  return input;
}

/** What a number input holds, or the setting's message when the browser could not read it as a number. */
export function readNumber(spec: SettingField, input: HTMLInputElement): Read {
  if (input.validity.badInput) return { ok: false, error: spec.invalid || spec.help, at: input };
  return { ok: true, value: input.value.trim() };
}

export function unitOf(spec: SettingField): HTMLElement | null {
  return spec.unit ? h('span', { class: 'unit', 'aria-hidden': 'true' }, spec.unit) : null;
}
