// Browser benchmark (on demand, not part of `sh tests/run.sh`):
//   sh www/build.sh && (cd tests/e2e && npm ci) && node tests/bench/browser.mjs [--lighthouse]
// Prints medians of 5 runs, in headless Debian Chromium:
//   - time per cardDates / adviseDocuments call through the JS API (10,000 calls a run);
//   - time from navigation to the first result for a fragment link
//     (the society's example), without and with 4x CPU throttling;
//   - with --lighthouse: a mobile Lighthouse run of the demo page and its four
//     scores (installs lighthouse@12.2.3 into tests/bench/node_modules first).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, startServer, CHROMIUM } from '../e2e/helpers.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const RUNS = 5;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fragment = '#birthday=1985-09-18&cardIssued=2020-05-20&asOf=2026-11-24';

const server = await startServer();
const { page, close, context } = await launch();
try {
  // 1. Calls through the JS API, in the page's own module.
  await page.goto(`${server.origin}/index.html`);
  const perCall = await page.evaluate(async (runs) => {
    const m = await import('./pkg/myna_hoken.js');
    await m.default();
    const card = { birthday: '1985-09-18', cardIssued: '2020-05-20', asOf: '2024-10-01' };
    const advice = { membership: 'insured', card: 'lost', registered: true, asOf: '2026-11-24' };
    const time = (f) => {
      const samples = [];
      for (let r = 0; r < runs; r++) {
        const t0 = performance.now();
        for (let i = 0; i < 10000; i++) f();
        samples.push(((performance.now() - t0) * 1000) / 10000);
      }
      return samples;
    };
    for (let i = 0; i < 1000; i++) m.cardDates(card); // warm-up
    return { card: time(() => m.cardDates(card)), advice: time(() => m.adviseDocuments(advice)) };
  }, RUNS);

  // 2. Navigation to the first result of a fragment link.
  await page.addInitScript(() => {
    document.addEventListener('myna-hoken-result', () => {
      if (window.__firstResult === undefined) window.__firstResult = performance.now();
    });
  });
  const cdp = await context.newCDPSession(page);
  const firstResult = async (rate) => {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const samples = [];
    for (let r = 0; r < RUNS; r++) {
      await page.goto('about:blank');
      await page.goto(`${server.origin}/index.html${fragment}`);
      await page.waitForFunction(() => window.__firstResult !== undefined, null, { timeout: 30000 });
      samples.push(await page.evaluate(() => window.__firstResult));
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    return samples;
  };
  const plain = await firstResult(1);
  const throttled = await firstResult(4);

  const f = (x) => x.toFixed(2);
  console.log(`cardDates through the JS API:       ${f(median(perCall.card))} µs per call (median of ${RUNS} × 10,000)`);
  console.log(`adviseDocuments through the JS API: ${f(median(perCall.advice))} µs per call (median of ${RUNS} × 10,000)`);
  console.log(`navigation → first result:          ${f(median(plain))} ms (median of ${RUNS})`);
  console.log(`same with 4x CPU throttling:        ${f(median(throttled))} ms (median of ${RUNS})`);
  console.log(`throttled / plain:                  ${f(median(throttled) / median(plain))}`);
} finally {
  await close();
}

if (process.argv.includes('--lighthouse')) {
  const bin = join(here, 'node_modules', '.bin', 'lighthouse');
  if (!existsSync(bin)) {
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', here, 'lighthouse@12.2.3'], { stdio: 'inherit' });
  }
  const out = join(here, 'lighthouse.json');
  execFileSync(bin, [`${server.url}${fragment}`, '--quiet', '--output=json', `--output-path=${out}`,
    '--form-factor=mobile', '--only-categories=performance,accessibility,best-practices,seo',
    '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync'],
  { stdio: 'inherit', env: { ...process.env, CHROME_PATH: CHROMIUM } });
  const report = JSON.parse(readFileSync(out, 'utf8'));
  for (const [k, v] of Object.entries(report.categories)) console.log(`Lighthouse ${k}: ${Math.round(v.score * 100)}`);
}
await server.stop();
