/**
 * The sidebar is one HTML file served by HtmlService.createHtmlOutputFromFile:
 * esbuild bundles sidebar/main.ts (ES2020, minified) and the CSS, and both are
 * inlined into sidebar/index.html. No outside resources, so nothing leaves Google.
 */
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '../..');

async function buildSidebar(outFile) {
  const dir = path.join(root, 'sidebar');
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const js = await esbuild.build({
    entryPoints: [path.join(dir, 'main.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    write: false,
    charset: 'utf8',
    legalComments: 'none',
  });
  const css = fs.existsSync(path.join(dir, 'style.css'))
    ? (await esbuild.transform(fs.readFileSync(path.join(dir, 'style.css'), 'utf8'), { loader: 'css', minify: true }))
        .code
    : '';
  // "</script" inside the bundle would end the inline script early.
  const code = js.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  // Function replacers: a `$&` in the code must not be read as a pattern.
  const out = html
    .replace('<!-- STYLE -->', () => `<style>${css}</style>`)
    .replace('<!-- SCRIPT -->', () => `<script>${code}</script>`);
  if (out.includes('<!-- STYLE -->') || out.includes('<!-- SCRIPT -->') || out === html)
    throw new Error('sidebar/index.html lacks the STYLE/SCRIPT markers');
  fs.writeFileSync(outFile, out);
}

module.exports = { buildSidebar };
