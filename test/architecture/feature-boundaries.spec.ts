import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import * as ts from 'typescript';

/**
 * Two rules of the layout, read from the source with the TypeScript compiler:
 *
 * 1. A feature's tables are queried only by that feature. A file of feature A (the first folder
 *    under src/) does not value-import an entity of feature B; it asks B's repository or service.
 *    `import type` is fine: a type is not a query.
 * 2. Test helpers live under test/, so that `npm run build` does not ship them in dist/.
 */

const ROOT = resolve(__dirname, '..', '..');
const SRC = join(ROOT, 'src');

/**
 * The few value imports of another feature's entity that stay, each with its reason.
 * Key: the importing file, relative to src/; value: the entity modules it may import and why.
 */
const ALLOWED_CROSSINGS: Record<string, { entities: string[]; reason: string }> = {
  'demo/demo-loader.ts': {
    entities: ['*'],
    reason:
      'The demo loader fills an empty database with one dataset in one transaction before anyone logs in. ' +
      'It is seed data, like a migration: going through every feature’s write path would audit and access-check ' +
      'rows that no user wrote.',
  },
};

/**
 * SQL text that names another feature's table, allowed with its reason. Key: the file, relative to
 * src/; value: the tables and why.
 */
const ALLOWED_SQL: Record<string, { tables: string[]; reason: string }> = {
  'indicators/summary/summary-reads.ts': {
    tables: ['project', 'organisation', 'funding_period', 'result_area'],
    reason:
      'The summary read model: planned against achieved for a whole portfolio page in a fixed number of queries, ' +
      'read-only. Asking each feature per project would turn one query per table into one per project. ' +
      'Its SQL runs on the app connection (SummaryRowsRepository) and on the portfolio reading thread’s own.',
  },
};

/** Folders whose files may import any entity: the entity registry and the migrations. */
const EXEMPT_FOLDERS = ['database/'];

interface ImportEdge {
  from: string; // absolute path
  to: string; // absolute path
  typeOnly: boolean;
  line: number;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules') continue;
    if (statSync(path).isDirectory()) walk(path, out);
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

function resolveModule(fromFile: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(fromFile), specifier);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Every relative import, re-export, `import()` and `require()` of one file. */
function importsOf(file: string): ImportEdge[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const edges: ImportEdge[] = [];
  const add = (specifier: ts.Expression | undefined, typeOnly: boolean, node: ts.Node) => {
    if (!specifier || !ts.isStringLiteralLike(specifier)) return;
    const to = resolveModule(file, specifier.text);
    if (to) edges.push({ from: file, to, typeOnly, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      add(node.moduleSpecifier, isTypeOnlyImport(node), node);
    } else if (ts.isExportDeclaration(node)) {
      add(node.moduleSpecifier, node.isTypeOnly, node);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression, node.isTypeOnly, node);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal, true, node);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) {
        add(node.arguments[0], false, node);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

/** `import type { A }` and `import { type A, type B }` bring no value in. */
function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // a side-effect import runs the module
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  return !!bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

const rel = (file: string) => relative(SRC, file).split(sep).join('/');
const feature = (file: string) => (rel(file).includes('/') ? rel(file).split('/')[0] : '');
const isSpec = (file: string) => /\.(e2e-|browser-|scale-)?spec\.ts$/.test(file);
const isUnderSrc = (file: string) => !relative(SRC, file).startsWith('..');
const isEntityModule = (file: string) => isUnderSrc(file) && (file.endsWith('.entity.ts') || rel(file).split('/').includes('entities'));

/** A value import of another feature's entity, outside the entity files, the registry and the allow-list. */
function boundaryCrossings(edges: ImportEdge[]): string[] {
  return edges
    .filter((e) => isUnderSrc(e.from) && !isSpec(e.from) && !e.typeOnly && isEntityModule(e.to))
    .filter((e) => feature(e.from) !== feature(e.to))
    .filter((e) => !isEntityModule(e.from)) // TypeORM relations name the other side's class
    .filter((e) => !EXEMPT_FOLDERS.some((folder) => rel(e.from).startsWith(folder)))
    .filter((e) => {
      const allowed = ALLOWED_CROSSINGS[rel(e.from)];
      return !allowed || !(allowed.entities.includes('*') || allowed.entities.includes(rel(e.to)));
    })
    .map((e) => `src/${rel(e.from)}:${e.line} imports src/${rel(e.to)} (feature "${feature(e.to)}")`);
}

/** The table of each entity module (`@Entity('name')`), with the feature that owns it. */
function tablesOf(files: string[]): Map<string, string> {
  const owners = new Map<string, string>();
  for (const file of files.filter((f) => isUnderSrc(f) && f.endsWith('.entity.ts'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/@Entity\(\s*['"]([a-z_]+)['"]/g)) owners.set(m[1], feature(file));
  }
  return owners;
}

/** SQL in string literals (`FROM x`, `JOIN x`, `UPDATE x`, `INTO x`) naming another feature's table. */
function sqlCrossings(files: string[]): string[] {
  const owners = tablesOf(files);
  const found: string[] = [];
  for (const file of files.filter((f) => isUnderSrc(f) && !isSpec(f) && !isEntityModule(f) && !EXEMPT_FOLDERS.some((d) => rel(f).startsWith(d)))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node) => {
      if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
        for (const m of node.text.matchAll(/\b(?:FROM|JOIN|UPDATE|INTO)\s+"?([a-z_]+)"?/g)) {
          const owner = owners.get(m[1]);
          if (owner === undefined || owner === feature(file) || ALLOWED_SQL[rel(file)]?.tables.includes(m[1])) continue;
          const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
          found.push(`src/${rel(file)}:${line} queries table ${m[1]} (feature "${owner}")`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** Non-spec files under src/ that are test helpers by name, or that only specs and test/ import. */
function testHelpersInSrc(files: string[], edges: ImportEdge[]): string[] {
  const importers = new Map<string, Set<string>>();
  for (const e of edges) {
    if (!importers.has(e.to)) importers.set(e.to, new Set());
    importers.get(e.to)!.add(e.from);
  }
  const isTestCode = (file: string) => isSpec(file) || !relative(join(ROOT, 'test'), file).startsWith('..');
  const found: string[] = [];
  for (const file of files.filter((f) => isUnderSrc(f) && !isSpec(f))) {
    const path = rel(file);
    const from = [...(importers.get(file) ?? [])];
    if (path.split('/').includes('testing') || /(\.factory|^test-factories|\/test-factories)\.ts$/.test(path)) {
      found.push(`src/${path} is a test helper by its name or folder`);
    } else if (from.length > 0 && from.every(isTestCode)) {
      found.push(`src/${path} is imported only by tests (${from.map((f) => relative(ROOT, f)).join(', ')})`);
    }
  }
  return found;
}

describe('feature boundaries', () => {
  const files = [...walk(SRC), ...walk(join(ROOT, 'test')), ...(existsSync(join(ROOT, 'bench')) ? walk(join(ROOT, 'bench')) : [])];
  const edges = files.flatMap(importsOf);

  it('reads the source: some src files import entities of their own feature', () => {
    // Guards the test itself: if the import reader broke, every rule below would pass vacuously.
    expect(edges.filter((e) => isUnderSrc(e.from) && isEntityModule(e.to)).length).toBeGreaterThan(30);
  });

  it('no feature value-imports another feature’s entity (it asks that feature’s repository)', () => {
    expect(boundaryCrossings(edges)).toEqual([]);
  });

  it('no feature names another feature’s table in SQL text', () => {
    expect(tablesOf(files).size).toBeGreaterThan(20);
    expect(sqlCrossings(files)).toEqual([]);
  });

  it('every allowed crossing names a file that exists and gives its reason', () => {
    for (const [file, entry] of [...Object.entries(ALLOWED_CROSSINGS), ...Object.entries(ALLOWED_SQL)]) {
      expect(existsSync(join(SRC, file))).toBe(true);
      expect(entry.reason.length).toBeGreaterThan(40);
    }
  });

  it('no test helper lives under src/ (they belong under test/ and stay out of dist/)', () => {
    expect(testHelpersInSrc(files, edges)).toEqual([]);
  });

  it('catches a forbidden import and a helper only specs import', () => {
    const a = join(SRC, 'reports', 'x.service.ts');
    const entity = join(SRC, 'projects', 'entities', 'project.entity.ts');
    const helper = join(SRC, 'reports', 'helper.ts');
    const spec = join(SRC, 'reports', 'x.service.spec.ts');
    const probe: ImportEdge[] = [
      { from: a, to: entity, typeOnly: false, line: 1 },
      { from: join(SRC, 'reports', 'y.service.ts'), to: entity, typeOnly: true, line: 1 },
      { from: join(SRC, 'projects', 'projects.service.ts'), to: entity, typeOnly: false, line: 1 },
      { from: spec, to: helper, typeOnly: false, line: 1 },
    ];
    expect(boundaryCrossings(probe)).toEqual(['src/reports/x.service.ts:1 imports src/projects/entities/project.entity.ts (feature "projects")']);
    expect(testHelpersInSrc([helper, a], probe)).toEqual([expect.stringContaining('src/reports/helper.ts is imported only by tests')]);
  });
});
