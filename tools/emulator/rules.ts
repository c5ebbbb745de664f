/**
 * Builders for conditional-format rules and data validation. The emulator
 * stores what was built and gives it back; it does not apply the formatting.
 * Builder calls count as SpreadsheetApp calls, as they do in Apps Script.
 */
import { FakeObject, instrument } from './runtime';

export const BooleanCriteria = {
  CELL_EMPTY: 'CELL_EMPTY',
  CELL_NOT_EMPTY: 'CELL_NOT_EMPTY',
  DATE_AFTER: 'DATE_AFTER',
  DATE_BEFORE: 'DATE_BEFORE',
  DATE_EQUAL_TO: 'DATE_EQUAL_TO',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_EQUAL_TO: 'NUMBER_EQUAL_TO',
  NUMBER_GREATER_THAN: 'NUMBER_GREATER_THAN',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  NUMBER_LESS_THAN: 'NUMBER_LESS_THAN',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'NUMBER_LESS_THAN_OR_EQUAL_TO',
  NUMBER_NOT_BETWEEN: 'NUMBER_NOT_BETWEEN',
  NUMBER_NOT_EQUAL_TO: 'NUMBER_NOT_EQUAL_TO',
  TEXT_CONTAINS: 'TEXT_CONTAINS',
  TEXT_DOES_NOT_CONTAIN: 'TEXT_DOES_NOT_CONTAIN',
  TEXT_EQUAL_TO: 'TEXT_EQUAL_TO',
  TEXT_STARTS_WITH: 'TEXT_STARTS_WITH',
  TEXT_ENDS_WITH: 'TEXT_ENDS_WITH',
} as const;

export const DataValidationCriteria = {
  DATE_AFTER: 'DATE_AFTER',
  DATE_BEFORE: 'DATE_BEFORE',
  DATE_BETWEEN: 'DATE_BETWEEN',
  DATE_EQUAL_TO: 'DATE_EQUAL_TO',
  DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE',
  DATE_NOT_BETWEEN: 'DATE_NOT_BETWEEN',
  DATE_ON_OR_AFTER: 'DATE_ON_OR_AFTER',
  DATE_ON_OR_BEFORE: 'DATE_ON_OR_BEFORE',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_EQUAL_TO: 'NUMBER_EQUAL_TO',
  NUMBER_GREATER_THAN: 'NUMBER_GREATER_THAN',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  NUMBER_LESS_THAN: 'NUMBER_LESS_THAN',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'NUMBER_LESS_THAN_OR_EQUAL_TO',
  NUMBER_NOT_BETWEEN: 'NUMBER_NOT_BETWEEN',
  NUMBER_NOT_EQUAL_TO: 'NUMBER_NOT_EQUAL_TO',
  TEXT_CONTAINS: 'TEXT_CONTAINS',
  TEXT_DOES_NOT_CONTAIN: 'TEXT_DOES_NOT_CONTAIN',
  TEXT_EQUAL_TO: 'TEXT_EQUAL_TO',
  TEXT_IS_VALID_EMAIL: 'TEXT_IS_VALID_EMAIL',
  TEXT_IS_VALID_URL: 'TEXT_IS_VALID_URL',
  VALUE_IN_LIST: 'VALUE_IN_LIST',
  VALUE_IN_RANGE: 'VALUE_IN_RANGE',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
  CHECKBOX: 'CHECKBOX',
} as const;

export interface RuleData {
  criteria?: string;
  values: unknown[];
  background?: string | null;
  fontColor?: string | null;
  bold?: boolean | null;
  italic?: boolean | null;
  strikethrough?: boolean | null;
  underline?: boolean | null;
  /** Range-like objects (anything with getA1Notation). */
  ranges: unknown[];
}

export class FakeBooleanCondition extends FakeObject {
  protected get _kind() {
    return 'BooleanCondition';
  }
  constructor(
    env: FakeObject['env'],
    private readonly d: RuleData,
  ) {
    super(env);
  }
  getCriteriaType(): string | null {
    return this.d.criteria ?? null;
  }
  getCriteriaValues(): unknown[] {
    return this.env.realm.toCtx(this.d.values);
  }
  getBackground(): string | null {
    return this.d.background ?? null;
  }
  getFontColor(): string | null {
    return this.d.fontColor ?? null;
  }
  getBold(): boolean | null {
    return this.d.bold ?? null;
  }
  getItalic(): boolean | null {
    return this.d.italic ?? null;
  }
}
instrument(FakeBooleanCondition, 'SpreadsheetApp', 'BooleanCondition', 'free');

export class FakeConditionalFormatRule extends FakeObject {
  protected get _kind() {
    return 'ConditionalFormatRule';
  }
  constructor(
    env: FakeObject['env'],
    readonly _data: RuleData,
  ) {
    super(env);
  }
  getRanges(): unknown[] {
    return this.env.realm.array(this._data.ranges);
  }
  getBooleanCondition(): FakeBooleanCondition | null {
    return this._data.criteria ? new FakeBooleanCondition(this.env, this._data) : null;
  }
  getGradientCondition(): null {
    return null;
  }
  copy(): FakeConditionalFormatRuleBuilder {
    return new FakeConditionalFormatRuleBuilder(this.env, {
      ...this._data,
      values: [...this._data.values],
      ranges: [...this._data.ranges],
    });
  }
}
instrument(FakeConditionalFormatRule, 'SpreadsheetApp', 'ConditionalFormatRule', 'free');

export class FakeConditionalFormatRuleBuilder extends FakeObject {
  protected get _kind() {
    return 'ConditionalFormatRuleBuilder';
  }
  constructor(
    env: FakeObject['env'],
    private d: RuleData = { values: [], ranges: [] },
  ) {
    super(env);
  }
  private _when(criteria: string, values: unknown[]): this {
    this.d.criteria = criteria;
    this.d.values = values;
    return this;
  }
  whenCellEmpty() {
    return this._when('CELL_EMPTY', []);
  }
  whenCellNotEmpty() {
    return this._when('CELL_NOT_EMPTY', []);
  }
  whenNumberLessThan(n: number) {
    return this._when('NUMBER_LESS_THAN', [n]);
  }
  whenNumberLessThanOrEqualTo(n: number) {
    return this._when('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  whenNumberGreaterThan(n: number) {
    return this._when('NUMBER_GREATER_THAN', [n]);
  }
  whenNumberGreaterThanOrEqualTo(n: number) {
    return this._when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  whenNumberBetween(a: number, b: number) {
    return this._when('NUMBER_BETWEEN', [a, b]);
  }
  whenNumberNotBetween(a: number, b: number) {
    return this._when('NUMBER_NOT_BETWEEN', [a, b]);
  }
  whenNumberEqualTo(n: number) {
    return this._when('NUMBER_EQUAL_TO', [n]);
  }
  whenNumberNotEqualTo(n: number) {
    return this._when('NUMBER_NOT_EQUAL_TO', [n]);
  }
  whenTextContains(t: string) {
    return this._when('TEXT_CONTAINS', [t]);
  }
  whenTextDoesNotContain(t: string) {
    return this._when('TEXT_DOES_NOT_CONTAIN', [t]);
  }
  whenTextEqualTo(t: string) {
    return this._when('TEXT_EQUAL_TO', [t]);
  }
  whenTextStartsWith(t: string) {
    return this._when('TEXT_STARTS_WITH', [t]);
  }
  whenTextEndsWith(t: string) {
    return this._when('TEXT_ENDS_WITH', [t]);
  }
  whenFormulaSatisfied(f: string) {
    return this._when('CUSTOM_FORMULA', [f]);
  }
  whenDateBefore(d: unknown) {
    return this._when('DATE_BEFORE', [d]);
  }
  whenDateAfter(d: unknown) {
    return this._when('DATE_AFTER', [d]);
  }
  whenDateEqualTo(d: unknown) {
    return this._when('DATE_EQUAL_TO', [d]);
  }
  setBackground(c: string | null) {
    this.d.background = c;
    return this;
  }
  setFontColor(c: string | null) {
    this.d.fontColor = c;
    return this;
  }
  setBold(b: boolean | null) {
    this.d.bold = b;
    return this;
  }
  setItalic(b: boolean | null) {
    this.d.italic = b;
    return this;
  }
  setStrikethrough(b: boolean | null) {
    this.d.strikethrough = b;
    return this;
  }
  setUnderline(b: boolean | null) {
    this.d.underline = b;
    return this;
  }
  setRanges(ranges: unknown[]) {
    if (!Array.isArray(ranges))
      throw this.env.exception(
        "The parameters (Object) don't match the method signature for SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges.",
      );
    this.d.ranges = [...ranges];
    return this;
  }
  getRanges() {
    return this.env.realm.array(this.d.ranges);
  }
  build(): FakeConditionalFormatRule {
    return new FakeConditionalFormatRule(this.env, {
      ...this.d,
      values: [...this.d.values],
      ranges: [...this.d.ranges],
    });
  }
}
instrument(FakeConditionalFormatRuleBuilder, 'SpreadsheetApp', 'ConditionalFormatRuleBuilder', 'free');

export interface ValidationData {
  criteria?: string;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

export class FakeDataValidation extends FakeObject {
  protected get _kind() {
    return 'DataValidation';
  }
  constructor(
    env: FakeObject['env'],
    readonly _data: ValidationData,
  ) {
    super(env);
  }
  getCriteriaType() {
    return this._data.criteria ?? null;
  }
  getCriteriaValues() {
    return this.env.realm.toCtx(this._data.values);
  }
  getAllowInvalid() {
    return this._data.allowInvalid;
  }
  getHelpText() {
    return this._data.helpText;
  }
  copy() {
    return new FakeDataValidationBuilder(this.env, { ...this._data, values: [...this._data.values] });
  }
}
instrument(FakeDataValidation, 'SpreadsheetApp', 'DataValidation', 'free');

export class FakeDataValidationBuilder extends FakeObject {
  protected get _kind() {
    return 'DataValidationBuilder';
  }
  constructor(
    env: FakeObject['env'],
    private d: ValidationData = { values: [], allowInvalid: true, helpText: null },
  ) {
    super(env);
  }
  private _req(criteria: string, values: unknown[]): this {
    this.d.criteria = criteria;
    this.d.values = values;
    return this;
  }
  requireValueInList(values: unknown[], showDropdown = true) {
    return this._req('VALUE_IN_LIST', [[...values], showDropdown]);
  }
  requireValueInRange(range: unknown, showDropdown = true) {
    return this._req('VALUE_IN_RANGE', [range, showDropdown]);
  }
  requireCheckbox(checked?: unknown, unchecked?: unknown) {
    return this._req('CHECKBOX', checked === undefined ? [] : [checked, unchecked]);
  }
  requireDate() {
    return this._req('DATE_IS_VALID_DATE', []);
  }
  requireDateAfter(d: unknown) {
    return this._req('DATE_AFTER', [d]);
  }
  requireDateBefore(d: unknown) {
    return this._req('DATE_BEFORE', [d]);
  }
  requireDateOnOrAfter(d: unknown) {
    return this._req('DATE_ON_OR_AFTER', [d]);
  }
  requireDateBetween(a: unknown, b: unknown) {
    return this._req('DATE_BETWEEN', [a, b]);
  }
  requireNumberBetween(a: number, b: number) {
    return this._req('NUMBER_BETWEEN', [a, b]);
  }
  requireNumberGreaterThan(n: number) {
    return this._req('NUMBER_GREATER_THAN', [n]);
  }
  requireNumberGreaterThanOrEqualTo(n: number) {
    return this._req('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  requireNumberLessThan(n: number) {
    return this._req('NUMBER_LESS_THAN', [n]);
  }
  requireNumberLessThanOrEqualTo(n: number) {
    return this._req('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  requireTextIsEmail() {
    return this._req('TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl() {
    return this._req('TEXT_IS_VALID_URL', []);
  }
  requireTextContains(t: string) {
    return this._req('TEXT_CONTAINS', [t]);
  }
  requireFormulaSatisfied(f: string) {
    return this._req('CUSTOM_FORMULA', [f]);
  }
  setAllowInvalid(b: boolean) {
    this.d.allowInvalid = !!b;
    return this;
  }
  setHelpText(t: string) {
    this.d.helpText = String(t);
    return this;
  }
  getCriteriaType() {
    return this.d.criteria ?? null;
  }
  build(): FakeDataValidation {
    if (!this.d.criteria) throw this.env.exception('The data validation rule must have a criteria.');
    return new FakeDataValidation(this.env, { ...this.d, values: [...this.d.values] });
  }
}
instrument(FakeDataValidationBuilder, 'SpreadsheetApp', 'DataValidationBuilder', 'free');
