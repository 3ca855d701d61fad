// Browser benchmark (on demand, not part of `sh tests/run.sh`):
//   sh www/build.sh && sh tests/setup.sh && node tests/bench/browser.mjs [--lighthouse | --lighthouse-only]
//   MH_WWW=/path/to/other/dist node tests/bench/browser.mjs   (the same on another build)
//   (an old build with no .br/.gz copies is sent uncompressed: run
//   `node tests/tools/compress.mjs DIST` on it first, README "Performance")
// Prints medians of 7 runs, in headless Debian Chromium:
//   - cold loads, as a visitor's first visit on a phone: each run a new browser
//     profile (nothing cached), the cache disabled, 4x CPU throttling and
//     Lighthouse's "slow 4G" network (150 ms round trip, 1.6 Mbit/s down,
//     750 kbit/s up): navigation → the first answer of a fragment link (the
//     society's example), and navigation → the empty form ready; each with the
//     main thread's busy time and its long tasks' blocking time until then;
//   - the same two without throttling, for the ratio;
//   - time per call through the JS API (myna-hoken-api.js), 5,000 calls a run;
//   - with --lighthouse (or --lighthouse-only, without the runs above): mobile
//     Lighthouse on the society's example link (installs lighthouse@12.2.3 into
//     tests/bench/node_modules first): its four scores once, then total blocking
//     time, medians of 5 runs each, at Lighthouse's own mobile settings (4x CPU)
//     and at the CPU slowdown Lighthouse's calculator gives for this machine's
//     benchmark index (its simulation multiplies the tasks it sees here, so on a
//     fast machine 4x is a faster phone than Lighthouse means).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, startServer, CHROMIUM, WWW } from '../e2e/helpers.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const RUNS = 7;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fragment = '#birthday=1985-09-18&cardIssued=2020-05-20&asOf=2026-11-24';
// Lighthouse's mobile "slow 4G" (its simulated throttling, applied here by DevTools).
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

const server = await startServer();
console.log(`serving ${WWW}`);

/**
 * One cold visit: a new profile, no cache, throttled or not. Returns
 * { wall, main, blocking, settled }: ms from navigation start to the answer (or the
 * form ready); the main thread's busy time until then (DevTools'
 * Performance.getMetrics TaskDuration: wall time of its tasks, so 4x CPU shows 4x); the blocking time
 * of its long tasks until then (each task's time over 50 ms, as Lighthouse's
 * total blocking time counts it); and the blocking time until the widget says
 * it is ready (`data-state="ready"`: for a link, once its answer is laid out),
 * which also counts the task that lays the answer out.
 */
async function cold(hash, throttled) {
  const b = await launch({ viewport: { width: 390, height: 844 }, executablePath: CHROMIUM });
  try {
    const cdp = await b.context.newCDPSession(b.page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (throttled) {
      await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    }
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
    await b.page.addInitScript(() => {
      window.__long = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push([e.startTime, e.duration]); })
        .observe({ type: 'longtask', buffered: true });
      document.addEventListener('myna-hoken-result', () => { window.__answer ??= performance.now(); });
    });
    await b.page.goto(`${server.origin}/index.html${hash}`, { waitUntil: 'commit' });
    if (hash) {
      await b.page.waitForFunction(() => window.__answer !== undefined, null, { timeout: 60000, polling: 10 });
    } else {
      // The empty form: the element says it is ready once its form is in place.
      await b.page.waitForFunction(() => document.querySelector('myna-hoken')?.dataset.state === 'ready', null, { timeout: 60000, polling: 10 });
    }
    const { metrics } = await cdp.send('Performance.getMetrics');
    const task = metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN;
    const wall = await b.page.evaluate(() => window.__answer ?? performance.now());
    await b.page.waitForFunction(() => document.querySelector('myna-hoken')?.dataset.state === 'ready', null, { timeout: 60000, polling: 10 });
    const ready = await b.page.evaluate(() => performance.now());
    // Long tasks are reported once they end: a moment for the last one.
    await b.page.waitForTimeout(300);
    return await b.page.evaluate(([busy, until, readyAt]) => {
      const over = (end) => window.__long.filter(([t]) => t <= end).reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0);
      return { wall: until, main: busy, blocking: over(until), settled: over(readyAt) };
    }, [task * 1000, wall, ready]);
  } finally {
    await b.close();
  }
}

const series = async (hash, throttled) => {
  const out = [];
  for (let r = 0; r < RUNS; r++) out.push(await cold(hash, throttled));
  return out;
};

if (!process.argv.includes('--lighthouse-only')) {
  const answerSlow = await series(fragment, true);
  const formSlow = await series('', true);
  const answerFast = await series(fragment, false);
  const formFast = await series('', false);

  // Calls through the JS API, in a page of the build.
  const b = await launch({ executablePath: CHROMIUM });
  let perCall;
  try {
    await b.page.goto(`${server.origin}/index.html`);
    perCall = await b.page.evaluate(async (runs) => {
      const api = await import('./myna-hoken-api.js');
      await api.default();
      const inputs = {
        cardDates: { birthday: '1985-09-18', cardIssued: '2020-05-20', asOf: '2024-10-01' },
        adviseDocuments: { membership: 'insured', card: 'lost', registered: true, asOf: '2026-11-24' },
        eligibilityCertificateDates: { issued: '2024-12-02', membership: 'insured', asOf: '2026-11-24' },
      };
      const out = {};
      for (const [name, input] of Object.entries(inputs)) {
        const f = api[name];
        if (!f) continue;
        for (let i = 0; i < 500; i++) f(input); // warm-up
        const samples = [];
        for (let r = 0; r < runs; r++) {
          const t0 = performance.now();
          for (let i = 0; i < 5000; i++) f(input);
          samples.push(((performance.now() - t0) * 1000) / 5000);
        }
        out[name] = samples;
      }
      return out;
    }, RUNS);
  } catch (e) {
    perCall = {};
    console.log(`(no per-call timings: this build has no myna-hoken-api.js: ${e.message.split('\n')[0]})`);
  } finally {
    await b.close();
  }

  const ms = (runs, k = 'wall') => `${Math.round(median(runs.map((r) => r[k])))} ms`;
  const line = (runs) => `${ms(runs)}  (main thread ${ms(runs, 'main')}, blocking ${ms(runs, 'blocking')}, until laid out ${ms(runs, 'settled')})  [${runs.map((r) => Math.round(r.wall)).join(', ')}]`;
  console.log(`cold, 4x CPU + slow 4G: navigation → first answer (fragment link): ${line(answerSlow)}`);
  console.log(`cold, 4x CPU + slow 4G: navigation → empty form ready:           ${line(formSlow)}`);
  console.log(`cold, unthrottled:      navigation → first answer:                ${line(answerFast)}`);
  console.log(`cold, unthrottled:      navigation → empty form ready:            ${line(formFast)}`);
  for (const [name, samples] of Object.entries(perCall)) {
    console.log(`${name} through the JS API: ${median(samples).toFixed(1)} µs per call (median of ${RUNS} × 5,000)`);
  }
}

if (process.argv.some((a) => a.startsWith('--lighthouse'))) {
  const bin = join(here, 'node_modules', '.bin', 'lighthouse');
  if (!existsSync(bin)) {
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', here, 'lighthouse@12.2.3'], { stdio: 'inherit' });
  }
  const out = join(here, 'lighthouse.json');
  const lighthouse = (categories, extra = []) => {
    execFileSync(bin, [`${server.url}${fragment}`, '--quiet', '--output=json', `--output-path=${out}`,
      '--form-factor=mobile', `--only-categories=${categories}`, ...extra,
      '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync'],
    { stdio: 'inherit', env: { ...process.env, CHROME_PATH: CHROMIUM } });
    return JSON.parse(readFileSync(out, 'utf8'));
  };
  const report = lighthouse('performance,accessibility,best-practices,seo');
  for (const [k, v] of Object.entries(report.categories)) console.log(`Lighthouse ${k}: ${Math.round(v.score * 100)}`);
  console.log(`Lighthouse layout shift: ${report.audits['cumulative-layout-shift'].numericValue}`);
  // Lighthouse's CPU throttling calculator (lighthouse docs/throttling.md): from a
  // benchmark index of 1300 up, 3x plus 1x for every 233 more (1533 = 4x, 2000 = 6x).
  const index = report.environment.benchmarkIndex;
  const calibrated = index >= 1300 ? Math.round((3 + (index - 1300) / 233) * 10) / 10 : 4;
  console.log(`Lighthouse benchmark index of this machine: ${Math.round(index)} (its calculator's CPU slowdown for it: ${calibrated}x)`);
  for (const cpu of [4, calibrated]) {
    const tbt = [];
    for (let r = 0; r < 5; r++) {
      tbt.push(lighthouse('performance', [`--throttling.cpuSlowdownMultiplier=${cpu}`]).audits['total-blocking-time'].numericValue);
    }
    console.log(`Lighthouse total blocking time, ${cpu}x CPU: ${Math.round(median(tbt))} ms  [${tbt.map(Math.round).join(', ')}]`);
  }
}
await server.stop();
