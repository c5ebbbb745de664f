/**
 * After webpack: append the licence notices of what the bundle carries and
 * measure it by source. build.js does it for dist/Code.js; the calendar
 * bundle test does it for its own bundle, the same way.
 */
const fs = require('fs');
const { bundleContents, bundleSizes } = require('./bundle-sizes');
const { noticeFor } = require('./notices');

function finishBundle(compilation, file) {
  const contents = bundleContents(compilation);
  const notice = noticeFor(contents, compilation.compiler.context);
  fs.appendFileSync(file, notice);
  return bundleSizes(contents, file, Buffer.byteLength(notice, 'utf8'));
}

module.exports = { finishBundle };
