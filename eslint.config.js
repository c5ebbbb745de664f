// ESLint, configured once for the whole repository (docs/testing.md "Lint").
// Layering is half of it: Apps Script globals only in src/gas and the entry
// file (the rest of src/ reaches the platform through src/gas adapters); the
// import rules between layers are dependency-cruiser's (.dependency-cruiser.js).
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

const APPS_SCRIPT_GLOBALS = [
  'SpreadsheetApp',
  'Gmail',
  'Calendar',
  'ScriptApp',
  'LockService',
  'PropertiesService',
  'CacheService',
  'HtmlService',
  'Session',
  'Utilities',
  'GmailApp',
  'CalendarApp',
  'UrlFetchApp',
  'DriveApp',
  'ContentService',
  'Logger',
  'Charts',
].map((name) => ({ name, message: `${name} is an Apps Script global: use it only in src/gas (see docs/architecture.md).` }));

module.exports = tseslint.config(
  {
    ignores: ['dist/**', 'demo-out/**', 'bench-out/**', 'test-out/**', 'release/**', 'node_modules/**', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^(_|e$)', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-constant-condition': ['error', { checkLoops: false }],
      // Control characters in regexes are deliberate: they are what gets refused in headers and cells.
      'no-control-regex': 'off',
      eqeqeq: ['error', 'always'],
      'no-irregular-whitespace': ['error', { skipComments: true, skipStrings: true, skipRegExps: true, skipTemplates: true }],
      // fn.apply(undefined, args) is how the emulator calls into the bundle's realm.
      'prefer-spread': 'off',
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      'preserve-caught-error': 'off',
    },
  },
  {
    // Node-side code: build scripts, tools, tests, configs.
    files: ['**/*.js', 'tools/**', 'test/**'],
    languageOptions: {
      globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly', Buffer: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The product: small files and functions a reader can hold (docs/architecture.md).
    files: ['src/**/*.ts', 'sidebar/**/*.ts'],
    rules: {
      'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: false, skipComments: false, IIFEs: true }],
    },
  },
  {
    files: ['src/**/*.ts', 'sidebar/**/*.ts'],
    ignores: ['src/gas/**', 'src/index.ts'],
    rules: { 'no-restricted-globals': ['error', ...APPS_SCRIPT_GLOBALS] },
  },
);
