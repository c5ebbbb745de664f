/**
 * Rules about the sidebar's source and its built page that a browser cannot
 * check by looking: no HTML is ever parsed from strings, the page is one
 * self-contained file under 100 KB, and it loads nothing from outside.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const SIDEBAR = path.join(ROOT, 'sidebar');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|js)$/.test(e.name) ? [p] : [];
  });
}

/**
 * Sinks that parse a string as HTML. The sidebar needs none of them (dom.ts
 * builds elements and text nodes), so there is no documented exception.
 */
const HTML_SINKS =
  /\b(innerHTML|outerHTML|insertAdjacentHTML|createContextualFragment|DOMParser|document\s*\.\s*write(ln)?|srcdoc)\b/;

test('no sidebar source parses strings as HTML', () => {
  const files = sourceFiles(SIDEBAR);
  expect(files.length).toBeGreaterThan(5);
  const hits: string[] = [];
  for (const f of files) {
    fs.readFileSync(f, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (HTML_SINKS.test(line)) hits.push(`${path.relative(ROOT, f)}:${i + 1}: ${line.trim()}`);
      });
  }
  expect(hits).toEqual([]);
});

test('no sidebar source evaluates strings as code', () => {
  const hits = sourceFiles(SIDEBAR).filter((f) =>
    /\beval\s*\(|new\s+Function\s*\(|setTimeout\s*\(\s*['"`]/.test(fs.readFileSync(f, 'utf8')),
  );
  expect(hits).toEqual([]);
});

describe('the built sidebar page', () => {
  let html = '';

  beforeAll(async () => {
    const { buildSidebar } = require(path.join(ROOT, 'tools/build/sidebar-build.js')) as {
      buildSidebar(out: string): Promise<void>;
    };
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'retain-sidebar-')), 'sidebar.html');
    await buildSidebar(out);
    html = fs.readFileSync(out, 'utf8');
  });

  test('is one file under 100 KB', () => {
    expect(Buffer.byteLength(html, 'utf8')).toBeLessThan(100 * 1024);
    expect(html).toMatch(/<style>[\s\S]+<\/style>/);
    expect((html.match(/<script>/g) || []).length).toBe(1);
  });

  test('loads nothing from outside', () => {
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+href=/i);
    expect(html).not.toMatch(/<img[^>]+src=/i);
    expect(html).not.toMatch(/@import|url\(\s*['"]?(https?:)?\/\//i);
    expect(html).not.toMatch(/\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon/);
  });

  test('links open outside the sandboxed frame', () => {
    expect(html).toMatch(/<base target="_blank">/);
  });
});
