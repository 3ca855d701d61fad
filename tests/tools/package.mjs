// Makes www/dist an npm package: package.json (name myna-hoken, the version of
// Cargo.toml, ES modules, exports for the API module and the element with their
// types, the files a site needs) and custom-elements.json (tests/tools/manifest.mjs).
//   node tests/tools/package.mjs www/dist
import { readFileSync, writeFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const cargo = readFileSync(new URL('Cargo.toml', root), 'utf8');
const field = (name) => cargo.match(new RegExp(`^${name}\\s*=\\s*"([^"]*)"`, 'm'))[1];
const dir = process.argv[2];
if (!dir) { console.error('usage: node tests/tools/package.mjs DIR'); process.exit(2); }

const pkg = {
  name: 'myna-hoken',
  version: field('version'),
  description: field('description'),
  license: field('license'),
  type: 'module',
  // The API module (cardDates, adviseDocuments, …) and the element that uses it.
  exports: {
    '.': { types: './myna-hoken-api.d.ts', default: './myna-hoken-api.js' },
    './element': { types: './myna-hoken.d.ts', default: './myna-hoken.js' },
    './household': { types: './myna-hoken-household.d.ts', default: './myna-hoken-household.js' },
    './myna-hoken.css': './myna-hoken.css',
    './card-face.svg': './card-face.svg',
    './words/*': './words/*',
    './profiles/*': './profiles/*',
    './pkg/*': './pkg/*',
    './custom-elements.json': './custom-elements.json',
    './package.json': './package.json',
  },
  main: './myna-hoken-api.js',
  types: './myna-hoken-api.d.ts',
  // Importing the element defines <myna-hoken>: a bundler must keep it.
  sideEffects: ['./myna-hoken.js'],
  customElements: 'custom-elements.json',
  files: [
    '*.js', '*.d.ts', '*.css', '*.svg', 'embed*.html', 'custom-elements.json',
    'pkg/*.wasm', 'words/*.json', 'profiles/*.json',
  ],
  keywords: ['マイナ保険証', '資格確認書', 'mynumber', 'health-insurance', 'web-component', 'custom-element', 'webassembly'],
};
writeFileSync(`${dir}/package.json`, `${JSON.stringify(pkg, null, 2)}\n`);
console.log(`[package] ${dir}/package.json: ${pkg.name}@${pkg.version}`);
