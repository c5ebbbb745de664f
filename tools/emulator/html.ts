/**
 * HtmlService: HtmlOutput (sidebars, dialogs, web app pages) from a string or
 * a file of the project (a `.html` file in htmlDir), and HtmlTemplate
 * (guides/html/templates): `<?= x ?>` prints x escaped, `<?!= x ?>` prints it
 * as is, `<? code ?>` runs code; the template's properties are variables of
 * the scriptlets. A file served with createHtmlOutputFromFile is never run as
 * a template, which is why Retain serves its bundle that way.
 */
import * as fs from 'fs';
import * as path from 'path';
import { FakeObject, instrument, type Env } from './runtime';

export const XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const;
export const SandboxMode = { EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const;

export class FakeHtmlOutput extends FakeObject {
  protected get _kind() {
    return 'HtmlOutput';
  }
  _width?: number;
  _height?: number;
  private title = '';
  /** Web app response details (not Apps Script API: read by the emulator's web app). */
  _metaTags: Array<{ name: string; content: string }> = [];
  _xFrameOptionsMode = 'DEFAULT';
  _faviconUrl = '';
  constructor(
    env: Env,
    private content: string,
  ) {
    super(env);
  }
  getContent(): string {
    return this.content;
  }
  setContent(content: string): FakeHtmlOutput {
    this.content = String(content);
    return this;
  }
  append(addedContent: string): FakeHtmlOutput {
    this.content += String(addedContent);
    return this;
  }
  appendUntrusted(addedContent: string): FakeHtmlOutput {
    this.content += String(addedContent)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;');
    return this;
  }
  clear(): FakeHtmlOutput {
    this.content = '';
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(title: string): FakeHtmlOutput {
    this.title = String(title);
    return this;
  }
  getWidth(): number {
    return this._width ?? 0;
  }
  setWidth(width: number): FakeHtmlOutput {
    this._width = width;
    return this;
  }
  getHeight(): number {
    return this._height ?? 0;
  }
  setHeight(height: number): FakeHtmlOutput {
    this._height = height;
    return this;
  }
  setXFrameOptionsMode(mode: string): FakeHtmlOutput {
    if (mode !== XFrameOptionsMode.ALLOWALL && mode !== XFrameOptionsMode.DEFAULT)
      throw this.env.exception('Invalid argument: mode');
    this._xFrameOptionsMode = mode;
    return this;
  }
  setSandboxMode(_mode: string): FakeHtmlOutput {
    return this;
  }
  setFaviconUrl(url: string): FakeHtmlOutput {
    this._faviconUrl = String(url);
    return this;
  }
  /** Only a few meta tags are allowed (guides/html/restrictions): viewport, apple-mobile-web-app-capable, mobile-web-app-capable, google-site-verification. */
  addMetaTag(name: string, content: string): FakeHtmlOutput {
    const allowed = ['apple-mobile-web-app-capable', 'google-site-verification', 'mobile-web-app-capable', 'viewport'];
    if (!allowed.includes(String(name))) throw this.env.exception(`Invalid argument: name`);
    this._metaTags.push({ name: String(name), content: String(content) });
    return this;
  }
  getMetaTags(): Array<{ getName(): string; getContent(): string }> {
    return this.env.realm.array(this._metaTags.map((t) => ({ getName: () => t.name, getContent: () => t.content })));
  }
}
instrument(FakeHtmlOutput, 'HtmlService', 'HtmlOutput', 'html');

export class HtmlServiceFake extends FakeObject {
  protected get _kind() {
    return 'HtmlService';
  }
  readonly XFrameOptionsMode = XFrameOptionsMode;
  readonly SandboxMode = SandboxMode;
  createHtmlOutput(html?: unknown): FakeHtmlOutput {
    const content =
      html === undefined
        ? ''
        : typeof (html as { getDataAsString?: () => string }).getDataAsString === 'function'
          ? (html as { getDataAsString(): string }).getDataAsString()
          : String(html);
    return new FakeHtmlOutput(this.env, content);
  }
  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    return new FakeHtmlOutput(this.env, this._file(filename));
  }
  createTemplate(html: unknown): FakeHtmlTemplate {
    const content =
      typeof (html as { getDataAsString?: () => string })?.getDataAsString === 'function'
        ? (html as { getDataAsString(): string }).getDataAsString()
        : String(html ?? '');
    return new FakeHtmlTemplate(this.env, content);
  }
  createTemplateFromFile(filename: string): FakeHtmlTemplate {
    return new FakeHtmlTemplate(this.env, this._file(filename));
  }
  private _file(filename: string): string {
    const name = String(filename);
    const file = path.join(this.env.config.htmlDir, name.endsWith('.html') ? name : `${name}.html`);
    if (!fs.existsSync(file)) throw this.env.exception(`No HTML file named ${name} was found.`);
    return fs.readFileSync(file, 'utf8');
  }
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The JavaScript a template compiles to (what getCode() shows, roughly). */
function compileTemplate(src: string): string {
  const parts: string[] = [];
  const re = /<\?(!?=)?([\s\S]*?)\?>/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src))) {
    if (m.index > last) parts.push(`__o.push(${JSON.stringify(src.slice(last, m.index))});`);
    const code = m[2].trim();
    if (m[1] === '=') parts.push(`__o.push(__esc(String(${code})));`);
    else if (m[1] === '!=') parts.push(`__o.push(String(${code}));`);
    else parts.push(code);
    last = re.lastIndex;
  }
  if (last < src.length) parts.push(`__o.push(${JSON.stringify(src.slice(last))});`);
  return parts.join('\n');
}

/** HtmlService.createTemplate*(): set properties, then evaluate() runs the scriptlets in the script's global scope. */
export class FakeHtmlTemplate extends FakeObject {
  protected get _kind() {
    return 'HtmlTemplate';
  }
  [prop: string]: unknown;
  constructor(
    env: Env,
    private readonly _src: string,
  ) {
    super(env);
    Object.defineProperty(this, '_src', { enumerable: false });
  }
  getRawContent(): string {
    return this._src;
  }
  getCode(): string {
    return compileTemplate(this._src);
  }
  getCodeWithComments(): string {
    return compileTemplate(this._src);
  }
  evaluate(): FakeHtmlOutput {
    const vars: Record<string, unknown> = {};
    for (const k of Object.keys(this)) vars[k] = this[k];
    const fn = this.env.realm.run(
      `(function (__vars, __esc) { var __o = []; with (__vars) { ${compileTemplate(this._src)} } return __o.join(''); })`,
      'HtmlTemplate.evaluate',
    ) as (v: Record<string, unknown>, esc: (s: string) => string) => string;
    return new FakeHtmlOutput(this.env, fn(vars, escapeHtml));
  }
}
instrument(FakeHtmlTemplate, 'HtmlService', 'HtmlTemplate', 'html');

instrument(HtmlServiceFake, 'HtmlService', '', 'html');
