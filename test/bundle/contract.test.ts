/**
 * The sidebar's contract (src/shared/api.ts SidebarApi) against the built
 * bundle: every function the sidebar may call through google.script.run is
 * a top-level function of dist/Code.js. src/index.ts checks at compile time that the server implements
 * SidebarApi exactly (names, arguments and results); this checks what ships.
 */
import * as acorn from 'acorn';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { bundleSource, loadBundle, ROOT } from '../helpers/bundle';

function sidebarApiNames(): string[] {
  const file = path.join(ROOT, 'src/shared/api.ts');
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2020, true);
  const names: string[] = [];
  source.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node) && node.name.text === 'SidebarApi')
      for (const m of node.members) if (m.name && ts.isIdentifier(m.name)) names.push(m.name.text);
  });
  return names;
}

describe('SidebarApi in dist/Code.js', () => {
  const names = sidebarApiNames();

  test('the contract lists the sidebar calls', () => {
    expect(names.length).toBeGreaterThanOrEqual(11);
    expect(names).toContain('logContact');
  });

  test('every SidebarApi function is a top-level function declaration the sidebar can call', () => {
    const ast = acorn.parse(bundleSource(), { ecmaVersion: 2020, sourceType: 'script' }) as unknown as {
      body: Array<{ type: string; id?: { name: string } }>;
    };
    const declared = new Set(ast.body.filter((n) => n.type === 'FunctionDeclaration').map((n) => n.id?.name));
    expect(names.filter((n) => !declared.has(n))).toEqual([]);
    const emu = loadBundle();
    for (const n of names) expect(typeof emu.global(n)).toBe('function');
  });
});
