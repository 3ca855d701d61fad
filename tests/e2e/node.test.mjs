// The JS API module in Node, as a site that renders example answers into its
// FAQ pages at build time uses it (Eleventy, Astro, a script): no browser, the
// module, its engine, its words and its profiles read from disk by file: URLs
// (Node's fetch cannot read one).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
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
