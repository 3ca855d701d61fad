// The fallback of <myna-hoken>: the static summary of the rules and the
// insurer's contact points that a page shows until the engine runs, and
// instead of it where WebAssembly cannot run. Written from the insurer's
// profile and the catalog's words (ui.fallback, ui.purposes,
// ui.eligibilityMissing), so an insurer's fallback says its own name, its own
// way of issuing a 資格確認書 and its own contacts.
//
//   node tests/tools/fallback.mjs www/profiles/<id>.json [lang]   the <div> for a profile
//   node tests/tools/fallback.mjs --embed <id>                    embed.html for a shipped profile
//   node tests/tools/fallback.mjs --check                         www/embed.html's fallback is KDDI's, as written here
//
// www/build.sh writes www/dist/embed-<id>.html for every shipped profile.
import { readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const read = (p) => readFileSync(new URL(p, root), 'utf8');

const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const text = (t, lang) => (typeof t === 'string' ? t : t?.[lang] ?? t?.ja ?? null);

/** The fallback <div> for a profile, in a language (indented as embed.html has it). */
export function fallback(profile, lang = 'ja') {
  const w = JSON.parse(read(`www/words/${lang}.json`));
  const society = text(profile.name, lang);
  const fill = (t) => t.replaceAll('{society}', society);
  const f = w.ui.fallback;
  const issues = new Set(profile.eligibilityCertificate.reasons.map((r) => (r.issue === 'on-application' ? 'app' : 'auto')));
  const issueLine = issues.size > 1 ? f.mixed : issues.has('auto') ? f.automatic : f.onApplication;
  const contacts = profile.contacts.map((c) => {
    const parts = [esc(text(c.label, lang))];
    if (c.phone) parts.push(` <a class="mh-tel" href="tel:${esc(c.phone.replace(/[^\d+]/g, ''))}">${esc(c.phone)}</a>`);
    if (c.for?.length) parts.push(` (${esc(fill(w.ui.forTitle.replace('{purposes}', c.for.map((p) => w.ui.purposes[p]).join(w.format.list))))})`);
    if (c.hours) parts.push(` ${esc(text(c.hours, lang))}`);
    if (c.address) parts.push(` ${esc(text(c.address, lang))}`);
    if (c.url) parts.push(` <a href="${esc(c.url)}">${esc(c.url)}</a>`);
    return `      <li>${parts.join('')}</li>`;
  });
  return [
    '  <div class="mh-fallback">',
    `    <h2>${esc(f.title)}</h2>`,
    '    <ul>',
    ...[...f.lines, issueLine, ...(profile.eligibilityCertificate.newMembers === 'automatic' ? [f.newMembers] : [])]
      .map((l) => `      <li>${esc(fill(l))}</li>`),
    '    </ul>',
    `    <h3>${esc(f.contactsTitle)}</h3>`,
    '    <ul>',
    ...contacts,
    `      <li>${esc(fill(w.ui.eligibilityMissing))}</li>`,
    '    </ul>',
    '  </div>',
  ].join('\n');
}

/** embed.html for a shipped profile: its preload, its profile attribute and its fallback. */
export function embed(id) {
  const profile = JSON.parse(read(`www/profiles/${id}.json`));
  let html = read('www/embed.html').replace(/ {2}<div class="mh-fallback">[\s\S]*?\n {2}<\/div>/, fallback(profile));
  if (id !== 'kddi') {
    html = html.replace('href="profiles/kddi.json"', `href="profiles/${id}.json"`)
      .replace(/^<myna-hoken>$/m, `<myna-hoken profile="profiles/${id}.json">`);
  }
  return html;
}

const [arg, value, lang] = process.argv.slice(2);
if (arg === '--check') {
  const written = embed('kddi');
  if (written !== read('www/embed.html')) {
    console.error("www/embed.html's fallback is not what tests/tools/fallback.mjs writes for kddi.json: run `node tests/tools/fallback.mjs --embed kddi > www/embed.html`, and copy it into index.html");
    process.exit(1);
  }
  console.log('[fallback] www/embed.html carries the fallback written from profiles/kddi.json and the Japanese catalog');
} else if (arg === '--embed') {
  process.stdout.write(embed(value));
} else if (arg) {
  process.stdout.write(`${fallback(JSON.parse(readFileSync(arg, 'utf8')), value ?? lang ?? 'ja')}\n`);
}
