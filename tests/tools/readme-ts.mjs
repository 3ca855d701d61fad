// Type-checks every ```js example of README.md against the published types
// (www/dist/myna-hoken-api.d.ts, myna-hoken.d.ts and myna-hoken-household.d.ts,
// made by www/build.sh),
// with `tsc --strict`, so an example that uses a name, a key or a value the
// API does not have fails the run. Each block is a module of its own; one
// without an import gets the API module's names imported, as a page would.
//   node tests/tools/readme-ts.mjs      (after sh www/build.sh)
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url);
const at = (p) => new URL(p, root).pathname;
const readme = readFileSync(at('README.md'), 'utf8');
const types = readFileSync(at('www/dist/myna-hoken-api.d.ts'), 'utf8');

// The names the API module exports (its functions and constants), for blocks without an import.
const names = [...types.matchAll(/^export (?:declare )?(?:function|const) (\w+)/gm)].map((m) => m[1]);
const importAll = `import init, { ${[...new Set(names)].join(', ')} } from './myna-hoken-api.js';\n`;

const dir = mkdtempSync(join(tmpdir(), 'mh-readme-'));
copyFileSync(at('www/dist/myna-hoken-api.d.ts'), join(dir, 'myna-hoken-api.d.ts'));
copyFileSync(at('www/dist/myna-hoken.d.ts'), join(dir, 'myna-hoken.d.ts'));
copyFileSync(at('www/dist/myna-hoken-household.d.ts'), join(dir, 'myna-hoken-household.d.ts'));

const files = [];
const lines = readme.split('\n');
for (let i = 0; i < lines.length; i++) {
  if (lines[i].trim() !== '```js') continue;
  const start = i + 1;
  let end = start;
  while (end < lines.length && lines[end].trim() !== '```') end++;
  const body = lines.slice(start, end).join('\n');
  const header = /^\s*import\b/m.test(body) ? '' : importAll;
  const file = `readme-line-${start + 1}.ts`;
  // The header is one line: tsc's line numbers minus one are the README's, from the block's start.
  writeFileSync(join(dir, file), `${header || '\n'}${body}\nexport {};\n`);
  files.push({ file, start });
  i = end;
}
writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
  compilerOptions: {
    strict: true, noEmit: true, target: 'es2022', module: 'esnext', moduleResolution: 'bundler',
    lib: ['es2022', 'dom'], types: [], skipLibCheck: false, noUnusedLocals: false,
    // The npm package's names ("Install with npm"), as its package.json exports map them.
    paths: { 'myna-hoken': ['./myna-hoken-api.d.ts'], 'myna-hoken/element': ['./myna-hoken.d.ts'], 'myna-hoken/household': ['./myna-hoken-household.d.ts'] },
  },
  files: files.map((f) => f.file),
}));
try {
  execFileSync(at('tests/tools/node_modules/.bin/tsc'), ['-p', dir], { stdio: 'pipe' });
  console.log(`[readme-ts] ${files.length} JS examples of README.md type-check (tsc --strict)`);
} catch (e) {
  // Map "readme-line-N.ts(L,C)" back to README.md's line numbers.
  const out = String(e.stdout || e.stderr || e.message)
    .replace(/\S*readme-line-(\d+)\.ts\((\d+),(\d+)\)/g, (_, first, l, c) => `README.md:${Number(first) + Number(l) - 2}:${c}`);
  console.error(out);
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
