// The family overview's case table (tests/cases/household.json) through the
// household module pages import (myna-hoken-household.js, built into www/dist),
// in Node: each person's next date, whether they must act now, and the order
// of the rows. The expected values are reasoned from RULES.md in each case's `why`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { WWW } from './helpers.mjs';

const api = await import(pathToFileURL(join(WWW, 'myna-hoken-api.js')).href);
const household = await import(pathToFileURL(join(WWW, 'myna-hoken-household.js')).href);
const table = JSON.parse(readFileSync(new URL('../cases/household.json', import.meta.url), 'utf8'));

/** Every key of `expected` has the same value in `actual` (objects compared key by key). */
function includes(actual, expected, path) {
  if (expected === null || typeof expected !== 'object' || Array.isArray(expected)) {
    assert.deepEqual(actual, expected, path);
    return;
  }
  assert.ok(actual && typeof actual === 'object', `${path}: missing`);
  for (const [k, v] of Object.entries(expected)) includes(actual[k], v, `${path}.${k}`);
}

for (const c of table.cases) {
  test(`household: ${c.name}`, async () => {
    await api.default();
    const people = c.repeat ? Array.from({ length: c.repeat.count }, () => ({ ...c.repeat.person })) : c.people;
    if (c.throws) {
      assert.throws(() => household.householdDates(people, c.options), (e) => e.name === 'MynaHokenError' && e.code === c.throws.code && e.message !== e.code);
      return;
    }
    const r = household.householdDates(people, c.options);
    if (c.expect.asOf) assert.equal(r.asOf, c.expect.asOf);
    assert.deepEqual(r.order, c.expect.order, 'order');
    for (const want of c.expect.people) {
      const { index, datesInclude, datesExclude, hasDocuments, ...rest } = want;
      const got = r.people[index - 1];
      assert.equal(got.index, index);
      includes(got, rest, `person ${index}`);
      for (const d of datesInclude ?? []) assert.ok(got.dates.some((x) => x.kind === d.kind && x.date === d.date), `person ${index}: ${d.kind} ${d.date} in ${JSON.stringify(got.dates)}`);
      for (const k of datesExclude ?? []) assert.ok(!got.dates.some((x) => x.kind === k), `person ${index}: no ${k} in ${JSON.stringify(got.dates)}`);
      if (hasDocuments !== undefined) assert.equal(got.documents !== null, hasDocuments, `person ${index}: documents`);
      if (!got.error) {
        // The next date is the first of the dates, none before the day asked about.
        assert.deepEqual(got.next, got.dates[0] ?? null);
        assert.ok(got.dates.every((d, i) => d.date >= r.asOf && (i === 0 || got.dates[i - 1].date <= d.date)));
      }
    }
  });
}

test('household: errors are worded in the language asked for', async () => {
  await api.default();
  await api.loadLanguage('en');
  const r = household.householdDates([{ label: 'A' }], { asOf: '2026-12-02', lang: 'en' });
  assert.equal(r.people[0].error.code, 'missing_field');
  assert.match(r.people[0].error.message, /birth/i);
  assert.throws(() => household.householdDates(Array(11).fill({}), { lang: 'en' }), /up to 10 people/);
});

test('household: a label is the visitor\'s own words, cut to 20 characters, and is kept beside the answer', async () => {
  await api.default();
  const r = household.householdDates([{ label: '  おばあちゃん(母方の祖母で、いつも病院に行く人)  ', birthday: '1950-05-05', certificateExpires: '2028-05-05' }], { asOf: '2026-12-02' });
  assert.equal(r.people[0].label, 'おばあちゃん(母方の祖母で、いつも病院に行く人)'.slice(0, 20));
});
