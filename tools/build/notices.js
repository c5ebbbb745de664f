/**
 * The licence notices of what dist/Code.js carries, appended to it by the
 * build: the ISC and MIT licences ask for their notice "in all copies", and
 * the date-holidays data (CC BY-SA 3.0) for an attribution. The packages are
 * the ones bundle-sizes.js found in the compilation, so a new bundled
 * library gets its notice without anyone remembering to add it.
 */
const fs = require('fs');
const path = require('path');

function licenceText(dir) {
  for (const name of ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'LICENCE', 'license'])
    if (fs.existsSync(path.join(dir, name))) return fs.readFileSync(path.join(dir, name), 'utf8').trim();
  return null;
}

function version(root, pkg) {
  return JSON.parse(fs.readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
}

/** The notice as one block comment; '' when nothing bundled needs one. */
function noticeFor({ packages, hasHolidayData }, root) {
  const parts = [];
  for (const p of packages) {
    const text = licenceText(p.dir);
    parts.push(`${p.name} ${p.version} (${p.license})` + (text ? `\n\n${text}` : ''));
  }
  if (hasHolidayData) {
    const cd = path.join(root, 'node_modules', 'chinese-days');
    parts.push(
      `Holiday data (src/core/calendar/officialHolidays.json), derived from:\n\n` +
        `chinese-days ${version(root, 'chinese-days')} (MIT): China's holiday schedule.\n\n${licenceText(cd) || ''}\n\n` +
        `date-holidays ${version(root, 'date-holidays')} by commenthol: its data is available under CC BY-SA 3.0 ` +
        `(creativecommons.org/licenses/by-sa/3.0), from the Wikipedia articles its LICENSE lists. ` +
        `Retain keeps the public holidays of some countries for some years of it, in its own encoding; ` +
        `that data is shared under the same licence.`,
    );
  }
  if (parts.length === 0) return '';
  const body = parts.join('\n\n----\n\n').replace(/\*\//g, '* /');
  return `\n/*\n * Third-party software and data in this file.\n *\n${body
    .split('\n')
    .map((l) => (l ? ` * ${l}` : ' *'))
    .join('\n')}\n */\n`;
}

module.exports = { noticeFor };
