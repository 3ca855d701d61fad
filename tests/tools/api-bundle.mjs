// Bundles the JS API module (www/myna-hoken-api.js → www/dist/myna-hoken-api.js)
// with only the Japanese words a first answer can need: the parts of
// words/ja.json that only a click reads (the family view's words, the calendar
// file's words) and the one part only the build reads (ui.fallback, by
// tests/tools/fallback.mjs) stay out. The module fetches the whole of
// www/dist/words/ja.json when one of those clicks comes (`loadLanguage('ja')`);
// the catalog written into the module says which parts it lacks
// (`meta.later`), so the module knows it is not whole. Run by www/build.sh:
//   node tests/tools/api-bundle.mjs
// Saves 1.1 KB gzip of the default download (README "Size").
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The parts of the catalog the first answer never reads (dotted paths). */
export const LATER = ['ui.family', 'ui.ics', 'ui.fallback'];
/**
 * Inside those, what is read before the click that loads the rest: the
 * buttons' own labels and the words for when loading fails, and the
 * household's error (myna-hoken-household.js words it without a click).
 */
export const FIRST = ['ui.family.add', 'ui.family.failed', 'ui.family.errors', 'ui.ics.failed'];

const at = (o, path) => path.split('.').reduce((x, k) => x?.[k], o);

/** The catalog without LATER (but with FIRST), `meta.later` naming what it lacks. */
export function firstPart(catalog) {
  const out = structuredClone(catalog);
  for (const path of LATER) {
    const keys = path.split('.');
    const parent = at(out, keys.slice(0, -1).join('.'));
    const last = keys.at(-1);
    if (!parent || !(last in parent)) throw new Error(`words/ja.json has no ${path}`);
    const kept = {};
    for (const f of FIRST.filter((p) => p.startsWith(`${path}.`))) {
      const v = at(catalog, f);
      if (v === undefined) throw new Error(`words/ja.json has no ${f}`);
      kept[f.slice(path.length + 1)] = v;
    }
    if (Object.keys(kept).length) parent[last] = kept;
    else delete parent[last];
  }
  out.meta = { ...out.meta, later: LATER };
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const japanese = `${root}www/words/ja.json`;
  await build({
    entryPoints: [`${root}www/myna-hoken-api.js`],
    bundle: true,
    format: 'esm',
    minify: true,
    charset: 'utf8',
    target: 'es2022',
    outdir: `${root}www/dist`,
    logLevel: 'warning',
    plugins: [{
      name: 'first-words',
      setup(b) {
        b.onLoad({ filter: /[\\/]words[\\/]ja\.json$/ }, (args) => {
          if (args.path !== japanese) return undefined;
          return { contents: JSON.stringify(firstPart(JSON.parse(readFileSync(args.path, 'utf8')))), loader: 'json' };
        });
      },
    }],
  });
}
