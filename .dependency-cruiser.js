/**
 * The layers (docs/architecture.md), checked on every `npm test`:
 * src/core is pure and imports nothing outward; src/gas adapts Apps Script
 * and may use the core's types and helpers; src/server runs use cases over
 * both; sidebar/ sees only src/shared and itself; nothing in src/ or
 * sidebar/ reaches into tools/ or test/; no import cycles anywhere.
 */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      severity: 'error',
      comment: 'src/core imports nothing from src/gas, src/server, the entry file or the sidebar.',
      from: { path: '^src/core/' },
      to: { path: '^(src/(gas|server|index)|sidebar/)' },
    },
    {
      name: 'gas-below-server',
      severity: 'error',
      comment: 'src/gas adapts the platform; it never calls a use case.',
      from: { path: '^src/gas/' },
      to: { path: '^(src/(server|index)|sidebar/)' },
    },
    {
      name: 'shared-is-types',
      severity: 'error',
      comment: 'src/shared is the sidebar contract: it imports nothing of the product.',
      from: { path: '^src/shared/' },
      to: { path: '^(src/(core|gas|server|index)|sidebar/)' },
    },
    {
      name: 'sidebar-sees-shared-only',
      severity: 'error',
      comment: 'The browser side talks to the server through google.script.run and src/shared types only.',
      from: { path: '^sidebar/' },
      to: { path: '^src/(?!shared/)' },
    },
    {
      name: 'product-not-tools',
      severity: 'error',
      comment: 'Nothing shipped may depend on Node-side tools or tests.',
      from: { path: '^(src|sidebar)/' },
      to: { path: '^(tools|test)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^(src|sidebar)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
