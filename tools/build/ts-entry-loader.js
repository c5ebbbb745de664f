/**
 * Webpack loader for src/index.ts only: TypeScript's transpileModule keeps
 * JSDoc comments, which esbuild drops. gas-webpack-plugin copies the comment
 * above each `global.NAME = ...` onto the generated top-level function, and
 * that JSDoc (`@customfunction`, `@param`) is what Sheets shows in autocomplete.
 */
const ts = require('typescript');

module.exports = function tsEntryLoader(source) {
  const out = ts.transpileModule(source, {
    fileName: this.resourcePath,
    compilerOptions: {
      target: ts.ScriptTarget.ES2020,
      module: ts.ModuleKind.CommonJS,
      removeComments: false,
      esModuleInterop: true,
    },
  });
  return out.outputText;
};
