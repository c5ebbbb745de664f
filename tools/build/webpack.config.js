/**
 * Builds dist/Code.js, the one file Apps Script runs.
 *
 * The combination follows docs/platform.md (Entry points and the bundle): no eval
 * devtool, no module concatenation (gas-webpack-plugin only sees
 * `global.NAME =` assignments in modules it can parse on their own), the
 * entry file through TypeScript (keeps JSDoc), everything else through
 * esbuild-loader targeting ES2020, and GasPlugin writing a top-level
 * `function NAME(...)` with the JSDoc for every entry point.
 */
const path = require('path');
const GasPlugin = require('gas-webpack-plugin');

const root = path.resolve(__dirname, '../..');
const entry = path.join(root, 'src/index.ts');

module.exports = {
  mode: 'production',
  context: root,
  entry,
  devtool: false,
  target: ['web', 'es2020'],
  output: {
    path: path.join(root, 'dist'),
    filename: 'Code.js',
    // Apps Script has no `self`/`window`: the runtime must find the global via globalThis.
    globalObject: 'globalThis',
    environment: {
      arrowFunction: true,
      const: true,
      destructuring: true,
      forOf: true,
      optionalChaining: true,
      templateLiteral: true,
    },
  },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [
      { test: /\.ts$/, include: entry, use: path.join(__dirname, 'ts-entry-loader.js') },
      { test: /\.ts$/, exclude: entry, loader: 'esbuild-loader', options: { loader: 'ts', target: 'es2020' } },
    ],
  },
  optimization: {
    concatenateModules: false,
    // Readable output: a user (or Google's reviewer) can read what runs in their account.
    minimize: false,
  },
  performance: { hints: false },
  plugins: [new GasPlugin({ comment: true })],
};
