/**
 * HtmlService: serves the built sidebar file as is. Retain serves it with
 * createHtmlOutputFromFile (never a template, so `<?` in the bundle is not a
 * scriptlet); templates are not supported here.
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
  private metaTags: Array<{ name: string; content: string }> = [];
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
  setXFrameOptionsMode(_mode: string): FakeHtmlOutput {
    return this;
  }
  setSandboxMode(_mode: string): FakeHtmlOutput {
    return this;
  }
  setFaviconUrl(_url: string): FakeHtmlOutput {
    return this;
  }
  addMetaTag(name: string, content: string): FakeHtmlOutput {
    this.metaTags.push({ name, content });
    return this;
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
    const name = String(filename);
    const file = path.join(this.env.config.htmlDir, name.endsWith('.html') ? name : `${name}.html`);
    if (!fs.existsSync(file)) throw this.env.exception(`No HTML file named ${name} was found.`);
    return new FakeHtmlOutput(this.env, fs.readFileSync(file, 'utf8'));
  }
  createTemplate(_html: unknown): never {
    throw this.env.exception(
      'HtmlService templates are not supported in the emulator (Retain serves the sidebar with createHtmlOutputFromFile).',
    );
  }
  createTemplateFromFile(_filename: string): never {
    throw this.env.exception(
      'HtmlService templates are not supported in the emulator (Retain serves the sidebar with createHtmlOutputFromFile).',
    );
  }
}
instrument(HtmlServiceFake, 'HtmlService', '', 'html');
