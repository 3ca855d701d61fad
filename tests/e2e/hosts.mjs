// Host pages for the embedding tests (hosts.test.mjs in Chromium, webkit.test.mjs in
// WebKit): other people's pages with the snippet of embed.html pasted in. Built at
// test time into a temporary folder beside a copy of www/dist's files, so that the
// page's stylesheet, the framework's and the widget's come from one origin, as on
// a real site (the pages carry the CSP of www/index.html: no inline styles).
//
//   plain      nothing but the snippet (and an empty stylesheet of the page's own,
//              where a test may add a rule through the CSSOM)
//   bootstrap  Bootstrap 5's dist/css/bootstrap.min.css, from node_modules
//   tailwind   Tailwind 4's preflight.css, from node_modules, put through Tailwind's
//              own compiler as a site's build does (with its theme and a few
//              utilities the page uses): raw, its --theme() calls are not CSS
//   hostile    HOSTILE_CSS below: rules real sites carry that would wreck a widget
//              that did not keep its own styles
//
// Also here: the widget STATES the host tests visit, the LINKS the first-screen tests
// open (firstscreen.test.mjs, webkit.test.mjs), and the functions that run in the page
// (through playwright's evaluate or WebDriver's execute) to read boxes through the
// open shadow root.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { WWW } from './helpers.mjs';

const require = createRequire(import.meta.url);

export const HOSTS = ['plain', 'bootstrap', 'tailwind', 'hostile'];

/** The widget states each host page is checked in. `hash` opens it from a link;
 *  `tab` clicks that tab first; `wait` is what shows when it is ready. */
export const STATES = [
  { name: 'empty', hash: '' },
  { name: 'card-asks', hash: '#birthday=1985-09-18&cardIssued=2020-05-20&asOf=2026-11-25', wait: '.mh-asked' },
  { name: 'card-face', hash: '#birthday=1985-09-18&certificateExpires=2029-09-18&asOf=2026-11-25', wait: '.mh-result' },
  { name: 'documents-form', hash: '', tab: 'documents', wait: '.mh-form' },
  { name: 'documents', hash: '#membership=insured&card=lost&registered=true&asOf=2026-11-24', wait: '.mh-result' },
  { name: 'eligibility', hash: '#issued=2024-12-02&membership=voluntary-insured&asOf=2026-11-24', wait: '.mh-result' },
  { name: 'error', hash: '#birthday=1985-02-30&cardIssued=2020-05-20', wait: '.mh-error-summary:not([hidden])', global: true },
];

/** Links to the demo page, one for each branch of the answers, with the codes of the
 *  headline and the next step each must reach. `card`: a link of the card's answer
 *  (firstscreen.test.mjs opens those again in English and in やさしい日本語). */
export const LINKS = [
  { name: 'card-printed-renewal-unknown', hash: '#birthday=1985-09-18&cardExpires=2029-09-18&asOf=2026-11-25', code: 'renewal_unknown', next: 'check_renewal', card: true },
  { name: 'card-issued-valid', hash: '#birthday=1985-09-18&cardIssued=2020-05-20&asOf=2024-01-10', code: 'works', next: 'renew_from', card: true },
  { name: 'card-issued-grace', hash: '#birthday=1985-09-18&cardIssued=2021-05-20&certificateRenewed=no&asOf=2025-10-15', code: 'works', next: 'renew_in_grace', card: true },
  { name: 'card-issued-expired', hash: '#birthday=1985-09-18&cardIssued=2020-05-20&certificateRenewed=no&asOf=2026-11-25', code: 'stopped', next: 'renew_and_register', card: true },
  { name: 'card-certificate-valid', hash: '#birthday=1985-09-18&certificateExpires=2029-09-18&asOf=2026-11-25', code: 'works', next: 'renew_from', card: true },
  { name: 'card-certificate-renewable', hash: '#birthday=1985-09-18&certificateExpires=2029-09-18&asOf=2029-07-01', code: 'works', next: 'renew_by', card: true },
  { name: 'card-certificate-expired', hash: '#birthday=1985-09-18&certificateExpires=2029-09-18&asOf=2030-02-01', code: 'stopped', next: 'renew_and_register', card: true },
  { name: 'documents-no-card', hash: '#membership=insured&card=none&asOf=2026-11-24', code: 'use_eligibility_certificate', next: 'wait-eligibility-certificate' },
];

/** The hostile page's stylesheet (a file: the CSP forbids inline styles). */
export const HOSTILE_CSS = `/* A hostile host: rules a real site may carry, aimed at everything a widget is made of. */
:root { --mh-accent: red; --mh-space: 5em; --mh-radius: 0; } /* name clashes with the widget's own */
html { font-size: 62.5%; -webkit-text-size-adjust: 80%; }
body { font-size: 1.4rem; font-weight: 300; font-feature-settings: "palt"; word-break: keep-all; line-break: strict;
  text-align: justify; text-indent: 1em; color: #222; background: #fafafa; cursor: crosshair; }
* { box-sizing: content-box; letter-spacing: 2px; word-spacing: 4px; line-height: 3; text-transform: uppercase; }
*, *::before, *::after { min-width: 0; }
table, td, th { border: 3px solid red; }
caption { caption-side: bottom; }
legend { float: left; clear: both; width: 100%; }
label { display: block; float: right; }
button, input, select { all: unset; border: 5px solid red; }
input[type="radio"], input[type="checkbox"] { appearance: none; width: 3em; height: 3em; }
myna-hoken { padding: 40px; border: 4px dashed red; font-size: 30px; }
[hidden] { display: block !important; }
p { margin: 3em; }
h2, h3, h4 { font-size: 4rem; margin: 2em 0; }
fieldset { display: inline; }
ul, ol { list-style: none; padding: 0; }
dl, dt, dd { float: left; margin: 0 2em; }
img { max-width: none; }
a { color: red; }
details > summary { display: block; }
details { display: block !important; }
:focus { outline: none; }
::marker { content: ">>"; }
`;

/** The snippet a site pastes (www/dist/embed.html) and the CSP of www/index.html. */
function fromDist() {
  const snippet = readFileSync(join(WWW, 'embed.html'), 'utf8');
  const index = readFileSync(join(WWW, 'index.html'), 'utf8');
  const csp = index.match(/<meta http-equiv="Content-Security-Policy"[^>]*>/)?.[0];
  if (!csp || !snippet.includes('<myna-hoken>')) throw new Error(`no CSP meta in ${WWW}/index.html or no <myna-hoken> in embed.html`);
  return { snippet, csp };
}

/** A file of an npm package of tests/e2e (package.json's devDependencies). */
function packageFile(name, file) {
  let dir;
  try { dir = dirname(require.resolve(`${name}/package.json`)); } catch {
    throw new Error(`npm package ${name} is missing: run "npm ci" in tests/e2e`);
  }
  return join(dir, file);
}

/** Tailwind's preflight as a site ships it: compiled by tailwindcss with its theme
 *  (the font stack) and the utilities `classes` the page uses. */
async function tailwindCss(classes) {
  const preflight = packageFile('tailwindcss', 'preflight.css');
  const { compile } = await import('tailwindcss');
  const base = dirname(preflight);
  const source = [
    '@layer theme, base, components, utilities;',
    '@import "./theme.css" layer(theme);',
    '@import "./preflight.css" layer(base);',
    '@import "./utilities.css" layer(utilities);',
  ].join('\n');
  const compiler = await compile(source, {
    base,
    loadStylesheet: async (id, from) => {
      const path = join(from, id);
      return { path, base: dirname(path), content: readFileSync(path, 'utf8') };
    },
  });
  const css = compiler.build(classes);
  if (!/\*, ::after, ::before/.test(css) || /--theme\(/.test(css)) throw new Error('Tailwind did not compile its preflight');
  return css;
}

/** The page around the snippet, the same on every host but for its stylesheet and classes. */
function page({ title, csp, sheet, snippet, cls = {} }) {
  const c = (k) => (cls[k] ? ` class="${cls[k]}"` : '');
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
${csp}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${sheet}">
</head>
<body>
<header${c('header')}><h1${c('h1')}>健康保険組合(${title})</h1></header>
<main${c('main')}>
<p${c('p')}>マイナ保険証の有効期限を調べられます。</p>
${snippet}
</main>
<footer${c('footer')}><p>お問い合わせは健康保険組合まで。</p></footer>
</body>
</html>
`;
}

/**
 * Builds the four host pages into a new temporary folder holding a copy of www/dist.
 * Returns `{ root, remove }`; serve `root` with helpers' startServer(root).
 */
export async function buildHosts() {
  if (!existsSync(join(WWW, 'myna-hoken.js'))) throw new Error(`${WWW} has no myna-hoken.js: run "sh www/build.sh" first`);
  const { snippet, csp } = fromDist();
  const root = mkdtempSync(join(tmpdir(), 'mh-hosts-'));
  const remove = () => rmSync(root, { recursive: true, force: true });
  try {
    // A copy, not links: a rebuild of www/dist during the run does not pull the files away.
    cpSync(WWW, root, { recursive: true, dereference: true });
    const tw = {
      header: 'mx-auto max-w-2xl px-4 pt-6', h1: 'text-2xl font-bold', main: 'mx-auto max-w-2xl px-4 py-6',
      p: 'mb-4 text-gray-700 leading-relaxed', footer: 'mx-auto max-w-2xl px-4 pb-6',
    };
    const files = {
      'plain.css': '/* The plain host\'s own stylesheet: empty (a test may add a rule to it through the CSSOM). */\n',
      'bootstrap.min.css': readFileSync(packageFile('bootstrap', 'dist/css/bootstrap.min.css')),
      'tailwind.css': await tailwindCss(Object.values(tw).join(' ').split(' ')),
      'hostile.css': HOSTILE_CSS,
      'plain.html': page({ title: 'plain', csp, snippet, sheet: 'plain.css' }),
      'bootstrap.html': page({ title: 'bootstrap', csp, snippet, sheet: 'bootstrap.min.css',
        cls: { header: 'container pt-3', h1: 'h3', main: 'container py-3', p: 'lead', footer: 'container text-body-secondary' } }),
      'tailwind.html': page({ title: 'tailwind', csp, snippet, sheet: 'tailwind.css', cls: tw }),
      'hostile.html': page({ title: 'hostile', csp, snippet, sheet: 'hostile.css' }),
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  } catch (e) {
    remove();
    throw e;
  }
  return { root, remove };
}

// ---- run in the page (playwright's page.evaluate, WebDriver's execute) -------------------

/** Whether the widget is ready in `state` ({ wait, global }): its answer, form or error shows. */
export function stateReady(state) {
  const host = document.querySelector('myna-hoken');
  if (host?.dataset.state !== 'ready') return false;
  const root = host.shadowRoot;
  if (!state.wait) return Boolean(root.querySelector('.mh-panel:not([hidden]) .mh-form'));
  return Boolean(root.querySelector(state.global ? state.wait : `.mh-panel:not([hidden]) ${state.wait}`));
}

/** Once the widget is ready on an answer: the viewport's size, the language shown, and
 *  the text, code and viewport box of the visible answer's headline and next step; else null. */
export function firstScreen() {
  const host = document.querySelector('myna-hoken');
  if (host?.dataset.state !== 'ready') return null;
  const panel = host.shadowRoot.querySelector('.mh-panel:not([hidden])');
  const part = (sel) => {
    const el = panel?.querySelector(sel);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { text: el.textContent, code: el.dataset.code, top: r.top, bottom: r.bottom, left: r.left, right: r.right };
  };
  const headline = part('.mh-headline');
  const next = part('.mh-next');
  const lang = host.shadowRoot.querySelector('.mh-lang select')?.value;
  return headline && next ? { innerHeight, innerWidth, lang, headline, next } : null;
}

/** What the widget takes from its host: the host's font family and size, and the
 *  width the host gives `.mh-root`. */
export function hostStyle() {
  const host = document.querySelector('myna-hoken');
  const s = getComputedStyle(host);
  return { fontFamily: s.fontFamily, fontSize: s.fontSize, width: host.shadowRoot.querySelector('.mh-root').getBoundingClientRect().width };
}

/** On the plain host: gives `myna-hoken` the font and the width `hostStyle()` read on
 *  another host, by a rule added to the page's own stylesheet (CSSOM: the CSP allows it). */
export function matchHost(style) {
  const sheet = [...document.styleSheets].find((s) => s.href?.endsWith('/plain.css'));
  sheet.insertRule(`myna-hoken { font-family: ${style.fontFamily}; font-size: ${style.fontSize}; width: ${style.width}px; }`, sheet.cssRules.length);
  const s = getComputedStyle(document.querySelector('myna-hoken'));
  return { fontFamily: s.fontFamily, fontSize: s.fontSize, width: document.querySelector('myna-hoken').shadowRoot.querySelector('.mh-root').getBoundingClientRect().width };
}

/** Every element of the shadow root, in tree order: tag, class, box relative to `.mh-root`'s. */
export function shadowBoxes() {
  const root = document.querySelector('myna-hoken').shadowRoot;
  const o = root.querySelector('.mh-root').getBoundingClientRect();
  return [...root.querySelectorAll('*')].map((el) => {
    const r = el.getBoundingClientRect();
    return { tag: el.localName, cls: el.getAttribute('class') ?? '', x: r.left - o.left, y: r.top - o.top, w: r.width, h: r.height };
  });
}

/** Elements of the shadow root whose box sticks out of `.mh-root` sideways (more than 1 px). */
export function overflowing() {
  const root = document.querySelector('myna-hoken').shadowRoot;
  const o = root.querySelector('.mh-root').getBoundingClientRect();
  return [...root.querySelectorAll('*')].filter((el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && (r.left < o.left - 1 || r.right > o.right + 1);
  }).map((el) => `${el.localName}${el.getAttribute('class') ? `.${el.getAttribute('class').split(' ').join('.')}` : ''}`);
}

// ---- in node ---------------------------------------------------------------------------

/** `tag.class [index]` of a box. */
const label = (b, i) => `${b.tag}${b.cls ? `.${b.cls.split(' ').join('.')}` : ''} [#${i}]`;

/**
 * The differences between two shadowBoxes() lists, element by element (by position in the
 * tree): `link` and elements without size on both sides skipped, x/y/width/height
 * compared within `tolerance` px. Returns readable lines, the first difference first.
 */
export function compareBoxes(plain, other, tolerance = 2) {
  const out = [];
  if (plain.length !== other.length) out.push(`${other.length} elements, the plain host has ${plain.length}`);
  const n = Math.min(plain.length, other.length);
  for (let i = 0; i < n; i++) {
    const a = plain[i];
    const b = other[i];
    if (a.tag !== b.tag || a.cls !== b.cls) { out.push(`${label(b, i)} is ${label(a, i)} on the plain host`); continue; }
    if (a.tag === 'link') continue;
    const empty = (x) => x.w === 0 || x.h === 0;
    if (empty(a) && empty(b)) continue;
    const d = { x: b.x - a.x, y: b.y - a.y, width: b.w - a.w, height: b.h - a.h };
    const off = Object.entries(d).filter(([, v]) => Math.abs(v) > tolerance);
    if (off.length) {
      out.push(`${label(b, i)}: ${off.map(([k, v]) => `${k} ${v > 0 ? '+' : ''}${v.toFixed(1)}`).join(', ')} px`
        + ` (here ${b.x.toFixed(1)},${b.y.toFixed(1)} ${b.w.toFixed(1)}×${b.h.toFixed(1)}; plain ${a.x.toFixed(1)},${a.y.toFixed(1)} ${a.w.toFixed(1)}×${a.h.toFixed(1)})`);
    }
  }
  return out;
}

/** A short message for the first `max` differences. */
export function describe(diffs, max = 12) {
  return diffs.slice(0, max).join('\n  ') + (diffs.length > max ? `\n  … and ${diffs.length - max} more` : '');
}

