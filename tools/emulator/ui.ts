/**
 * SpreadsheetApp.getUi(): menus, alerts, prompts, toasts, sidebars and
 * dialogs. Nothing is shown; everything is recorded in order in `UiLog`
 * (emu.ui) so tests can check what the user would have seen. Alerts and
 * prompts answer OK unless a test queued another answer.
 */
import { FakeObject, instrument, type Env } from './runtime';

export type MenuEntry =
  { caption: string; functionName: string } | { separator: true } | { submenu: string; items: MenuEntry[] };

export type UiEvent =
  | { kind: 'menu'; title: string; items: MenuEntry[]; addon: boolean; execution: number }
  | { kind: 'toast'; message: string; title: string; timeoutSeconds: number; execution: number }
  | { kind: 'alert'; title: string; message: string; buttons: string; response: string; execution: number }
  | {
      kind: 'prompt';
      title: string;
      message: string;
      buttons: string;
      response: string;
      text: string;
      execution: number;
    }
  | { kind: 'sidebar'; title: string; html: string; width: number; execution: number }
  | { kind: 'dialog'; title: string; html: string; modal: boolean; width: number; height: number; execution: number };

export type UiEventOf<K extends UiEvent['kind']> = Extract<UiEvent, { kind: K }>;

export class UiLog {
  events: UiEvent[] = [];
  private answers: Array<{ button: string; text?: string }> = [];

  menus(): UiEventOf<'menu'>[] {
    return this.of('menu');
  }
  toasts(): UiEventOf<'toast'>[] {
    return this.of('toast');
  }
  alerts(): UiEventOf<'alert'>[] {
    return this.of('alert');
  }
  prompts(): UiEventOf<'prompt'>[] {
    return this.of('prompt');
  }
  sidebars(): UiEventOf<'sidebar'>[] {
    return this.of('sidebar');
  }
  dialogs(): UiEventOf<'dialog'>[] {
    return this.of('dialog');
  }
  last<K extends UiEvent['kind']>(kind: K): UiEventOf<K> | undefined {
    const all = this.of(kind);
    return all[all.length - 1];
  }
  of<K extends UiEvent['kind']>(kind: K): UiEventOf<K>[] {
    return this.events.filter((e): e is UiEventOf<K> => e.kind === kind);
  }
  /** Every menu item of the last menu added with this title (or of the last menu), flattened. */
  menuItems(title?: string): Array<{ caption: string; functionName: string; path: string[] }> {
    const menus = this.menus().filter((m) => title === undefined || m.title === title);
    const m = menus[menus.length - 1];
    const out: Array<{ caption: string; functionName: string; path: string[] }> = [];
    const walk = (items: MenuEntry[], path: string[]) => {
      for (const it of items) {
        if ('functionName' in it) out.push({ caption: it.caption, functionName: it.functionName, path });
        else if ('submenu' in it) walk(it.items, [...path, it.submenu]);
      }
    };
    if (m) walk(m.items, [m.title]);
    return out;
  }
  /** Queue the answer of the next alert/prompt: a button name ('OK', 'CANCEL', 'YES', 'NO', 'CLOSE') and prompt text. */
  respond(button: string, text = ''): void {
    this.answers.push({ button, text });
  }
  clear(): void {
    this.events = [];
    this.answers = [];
  }
  /** @internal */
  nextAnswer(defaultButton: string): { button: string; text: string } {
    const a = this.answers.shift();
    return { button: a?.button ?? defaultButton, text: a?.text ?? '' };
  }
}

const Button = { CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' } as const;
const ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' } as const;

/** Anything with getContent/getTitle/getWidth/getHeight (an HtmlOutput). */
interface HtmlLike {
  getContent(): string;
  getTitle(): string;
  _width?: number;
  _height?: number;
}

export class FakeMenu extends FakeObject {
  protected get _kind() {
    return 'Menu';
  }
  readonly _items: MenuEntry[] = [];
  constructor(
    env: Env,
    readonly _log: UiLog,
    readonly _title: string,
    readonly _addon: boolean,
  ) {
    super(env);
  }
  addItem(caption: string, functionName: string): FakeMenu {
    if (typeof caption !== 'string' || typeof functionName !== 'string') {
      throw this.env.exception(
        `The parameters (${typeof caption},${typeof functionName}) don't match the method signature for Ui.Menu.addItem.`,
      );
    }
    this._items.push({ caption, functionName });
    return this;
  }
  addSeparator(): FakeMenu {
    this._items.push({ separator: true });
    return this;
  }
  addSubMenu(menu: FakeMenu): FakeMenu {
    if (!(menu instanceof FakeMenu))
      throw this.env.exception("The parameters (Object) don't match the method signature for Ui.Menu.addSubMenu.");
    this._items.push({ submenu: menu._title, items: menu._items });
    return this;
  }
  addToUi(): void {
    this._log.events.push({
      kind: 'menu',
      title: this._title,
      items: clone(this._items),
      addon: this._addon,
      execution: this.env.exec.id,
    });
  }
}
instrument(FakeMenu, 'SpreadsheetApp', 'Menu', 'ui');

function clone(items: MenuEntry[]): MenuEntry[] {
  return items.map((i) => ('submenu' in i ? { submenu: i.submenu, items: clone(i.items) } : { ...i }));
}

export class FakePromptResponse extends FakeObject {
  protected get _kind() {
    return 'PromptResponse';
  }
  constructor(
    env: Env,
    private readonly button: string,
    private readonly text: string,
  ) {
    super(env);
  }
  getResponseText(): string {
    return this.text;
  }
  getSelectedButton(): string {
    return this.button;
  }
}
instrument(FakePromptResponse, 'SpreadsheetApp', 'PromptResponse', 'free');

export class FakeUi extends FakeObject {
  protected get _kind() {
    return 'Ui';
  }
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  constructor(
    env: Env,
    readonly _log: UiLog,
  ) {
    super(env);
  }
  createMenu(caption: string): FakeMenu {
    return new FakeMenu(this.env, this._log, String(caption), false);
  }
  /** In a bound script the add-on menu (under Extensions) is titled with the script project's name. */
  createAddonMenu(): FakeMenu {
    return new FakeMenu(this.env, this._log, this.env.config.projectName, true);
  }
  alert(a: string, b?: string, c?: string): string {
    let title = '';
    let message = a;
    let buttons: string = ButtonSet.OK;
    if (b !== undefined && c !== undefined) {
      title = a;
      message = b;
      buttons = c;
    } else if (b !== undefined) {
      if (Object.values(ButtonSet).includes(b as never)) buttons = b;
      else {
        title = a;
        message = b;
      }
    }
    const { button } = this._log.nextAnswer(Button.OK);
    this._log.events.push({
      kind: 'alert',
      title: String(title),
      message: String(message),
      buttons,
      response: button,
      execution: this.env.exec.id,
    });
    return button;
  }
  prompt(a: string, b?: string, c?: string): FakePromptResponse {
    let title = '';
    let message = a;
    let buttons: string = ButtonSet.OK;
    if (b !== undefined && c !== undefined) {
      title = a;
      message = b;
      buttons = c;
    } else if (b !== undefined) {
      if (Object.values(ButtonSet).includes(b as never)) buttons = b;
      else {
        title = a;
        message = b;
      }
    }
    const { button, text } = this._log.nextAnswer(Button.OK);
    this._log.events.push({
      kind: 'prompt',
      title,
      message,
      buttons,
      response: button,
      text,
      execution: this.env.exec.id,
    });
    return new FakePromptResponse(this.env, button, text);
  }
  showSidebar(html: HtmlLike): void {
    this._log.events.push({
      kind: 'sidebar',
      title: html.getTitle(),
      html: html.getContent(),
      width: 300,
      execution: this.env.exec.id,
    });
  }
  showModalDialog(html: HtmlLike, title: string): void {
    this._log.events.push({
      kind: 'dialog',
      title: String(title),
      html: html.getContent(),
      modal: true,
      width: html._width ?? 600,
      height: html._height ?? 400,
      execution: this.env.exec.id,
    });
  }
  showModelessDialog(html: HtmlLike, title: string): void {
    this._log.events.push({
      kind: 'dialog',
      title: String(title),
      html: html.getContent(),
      modal: false,
      width: html._width ?? 600,
      height: html._height ?? 400,
      execution: this.env.exec.id,
    });
  }
}
instrument(FakeUi, 'SpreadsheetApp', 'Ui', {
  default: 'ui',
  showSidebar: 'sidebar',
  showModalDialog: 'sidebar',
  showModelessDialog: 'sidebar',
});

/** Record a toast (Spreadsheet.toast). Sheets shows it for `timeoutSeconds` (default 5). */
export function recordToast(env: Env, log: UiLog, message: unknown, title: unknown, timeout: unknown): void {
  log.events.push({
    kind: 'toast',
    message: String(message ?? ''),
    title: title === undefined || title === null ? '' : String(title),
    timeoutSeconds: typeof timeout === 'number' ? timeout : 5,
    execution: env.exec.id,
  });
}
