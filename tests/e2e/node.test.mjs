// The JS API module in Node, as a site that renders example answers into its
// FAQ pages at build time uses it (Eleventy, Astro, a script): no browser, the
// module, its engine, its words and its profiles read from disk by file: URLs
// (Node's fetch cannot read one).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WWW } from './helpers.mjs';

const api = await import(pathToFileURL(join(WWW, 'myna-hoken-api.js')).href);

test('Node: init() with no options reads the engine and profiles/kddi.json beside the module', async () => {
  await api.default();
  // The society's example (born 9/18, card made 5/20): the certificate ends on
  // the 5th birthday after issue (certificate-validity): 2020-09-18 is the 1st,
  // 2024-09-18 the 5th; the card (aged 34 on issue, adult) on the 10th, 2029-09-18.
  const r = api.cardDates({ birthday: '1985-09-18', cardIssued: '2020-05-20', certificateRenewed: 'no', asOf: '2024-06-01' });
  assert.equal(r.certificate.expires, '2024-09-18');
  assert.equal(r.card.expires, '2029-09-18');
  assert.match(r.headline.text, /マイナ保険証/);
  assert.equal(api.profile().id, 'kddi');
});

test('Node: the bundled Japanese lacks only the words a click reads; loadLanguage("ja") brings the whole catalog', async () => {
  await api.default();
  const source = JSON.parse(readFileSync(join(WWW, 'words', 'ja.json'), 'utf8'));
  // Without a profile, {society} is the catalog's generic name (words()).
  const spoken = (o) => JSON.parse(JSON.stringify(o).replaceAll('{society}', source.format.society));
  const first = api.words('ja', null);
  // What the family view's and the calendar's buttons need before their click is here…
  assert.equal(first.ui.family.add, source.ui.family.add);
  assert.equal(first.ui.family.failed, source.ui.family.failed);
  assert.equal(first.ui.ics.failed, source.ui.ics.failed);
  // …and the household's error, which pages word without a click (myna-hoken-household.js).
  assert.deepEqual(first.ui.family.errors, source.ui.family.errors);
  // What only the click reads is not, and the catalog says so.
  assert.equal(first.ui.family.title, undefined);
  assert.equal(first.ui.ics.download, undefined);
  assert.equal(first.ui.fallback, undefined);
  assert.deepEqual(first.meta.later, ['ui.family', 'ui.ics', 'ui.fallback']);
  // Everything an answer reads is whole.
  for (const part of ['format', 'fields', 'values', 'steps', 'notes', 'actions', 'headlines', 'next', 'errors', 'conditions']) {
    assert.deepEqual(first[part], spoken(source[part]), part);
  }
  const whole = await api.loadLanguage('ja');
  assert.deepEqual(whole, source, 'the whole catalog, as words/ja.json has it');
  // words() then speaks from the whole catalog (not from a copy of the first part).
  assert.deepEqual(api.words('ja', null), spoken(source));
  assert.equal(api.words('ja').ui.family.title, source.ui.family.title);
  assert.equal(await api.loadLanguage('ja'), whole, 'fetched once');
});

test('Node: loadLanguage reads words/<lang>.json from disk, and answers come in that language', async () => {
  await api.default();
  const en = await api.loadLanguage('en');
  assert.equal(typeof en.headlines, 'object');
  const r = api.cardDates({ birthday: '1985-09-18', certificateExpires: '2029-09-18', asOf: '2026-11-25', lang: 'en' });
  assert.match(r.headline.text, /18 September 2029/);
  await api.loadLanguage('ja-easy');
  const easy = api.cardDates({ birthday: '1985-09-18', certificateExpires: '2029-09-18', asOf: '2026-11-25', lang: 'ja-easy' });
  assert.match(easy.headline.text, /2029年9月18日/);
});

test('Node: useProfile takes a file: URL, and a missing file is a coded error that names it', async () => {
  await api.default();
  await api.useProfile(pathToFileURL(join(WWW, 'profiles', 'brother.json')));
  assert.equal(api.profile().id, 'brother');
  // brother: year-end 5 (profiles/README.md): issued 2025-06-15 → 2029-12-31.
  assert.equal(api.eligibilityCertificateDates({ issued: '2025-06-15', asOf: '2026-11-25' }).expires, '2029-12-31');
  await assert.rejects(api.useProfile(pathToFileURL(join(WWW, 'profiles', 'nowhere.json'))),
    (e) => e.code === 'invalid_profile' && /nowhere\.json/.test(e.message));
  assert.equal(api.profile().id, 'brother', 'the profile before stays');
  await api.useProfile(pathToFileURL(join(WWW, 'profiles', 'kddi.json')));
});
