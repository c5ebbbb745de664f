/** The product: src/index.ts to dist/Code.js (tools/build/webpack-config.js says how). */
const path = require('path');
const { configFor, root } = require('./webpack-config');

module.exports = configFor(path.join(root, 'src/index.ts'), path.join(root, 'dist'));
