// WebKit (Safari's engine) for the page tests, without dependencies: Debian's
// WebKitWebDriver (webkit2gtk-driver) drives WebKitGTK's MiniBrowser in Xvfb over plain
// W3C WebDriver, with fetch. (playwright-core cannot: its WebKit is a download.)
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The driver binary (WEBKIT_DRIVER overrides). */
export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER ?? 'WebKitWebDriver';
// --full-screen hides MiniBrowser's toolbar, so the window rect is the viewport. Its hidden
// search bar still sets a minimum window width of 334 px; this shrinks it (to 238 px).
const GTK_CSS = 'searchbar, searchbar * { min-width: 0; min-height: 0; padding: 0; margin: 0; border-width: 0; font-size: 1px; }\n';

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Each launch is its own process group (xvfb-run, Xvfb, WebKitWebDriver, MiniBrowser,
// WebKitWebProcess, WebKitNetworkProcess), so one signal to -pid reaches all of them.
/** Live (not zombie) processes of group `pgid`, from /proc. */
function members(pgid) {
  const pids = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === pgid && state !== 'Z') pids.push(Number(d));
    } catch { /* gone */ }
  }
  return pids;
}
/** TERM to all but xvfb-run itself: when its command ends, xvfb-run stops Xvfb and removes
 *  its /tmp/xvfb-run.* directory (killed itself, it would leave that and /tmp/.X*-lock). */
function terminate(pgid) {
  for (const pid of members(pgid)) if (pid !== pgid) try { process.kill(pid, 'SIGTERM'); } catch { /* gone */ }
}
function kill(pgid) {
  try { process.kill(-pgid, 'SIGKILL'); } catch { /* gone */ }
}

// On exit (a forgotten close(), an uncaught error) or a signal: the same, waiting up to 2 s
// synchronously (nothing else runs in an exit handler).
const launched = new Map(); // pgid -> temporary directory
function stopAllNow() {
  for (const pgid of launched.keys()) terminate(pgid);
  const nap = new Int32Array(new SharedArrayBuffer(4));
  for (let i = 0; i < 100 && [...launched.keys()].some((p) => members(p).length); i++) Atomics.wait(nap, 0, 0, 20);
  for (const [pgid, dir] of launched) { kill(pgid); rmSync(dir, { recursive: true, force: true }); }
  launched.clear();
}
let hooked = false;
function hookExit() {
  if (hooked) return;
  hooked = true;
  process.on('exit', stopAllNow);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(sig, () => { stopAllNow(); process.kill(process.pid, sig); });
}

/** One WebDriver command; throws `WebDriver <error>: <message>` when the driver refuses. */
async function command(base, method, path, body) {
  const r = await fetch(base + path, {
    method, headers: body ? { 'content-type': 'application/json; charset=utf-8' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await r.text();
  let value;
  try { ({ value } = JSON.parse(text)); } catch { throw new Error(`WebDriver HTTP ${r.status}: ${text.slice(0, 200)} (${method} ${path})`); }
  if (!r.ok || value?.error) throw new Error(`WebDriver ${value?.error ?? r.status}: ${value?.message ?? text.slice(0, 200)} (${method} ${path})`);
  return value;
}

/** The key of a web element reference (W3C WebDriver). */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** A function becomes `return (fn).apply(null, arguments)`; a string is the script body itself. */
const script = (s) => (typeof s === 'function' ? `return (${s}).apply(null, arguments);` : s);

/**
 * Starts WebKitGTK's MiniBrowser under `xvfb-run -a WebKitWebDriver` on a free loopback port
 * and opens a session whose viewport (innerWidth x innerHeight) is width x height.
 * Always `await wk.close()` (e.g. in `after`); if the process exits or gets a signal first,
 * the browser, the driver and Xvfb are stopped anyway.
 * @param {object} [options]
 * @param {number} [options.width] viewport width in CSS px (238 at least)
 * @param {number} [options.height] viewport height in CSS px
 * @param {string} [options.timeZone] the page's time zone
 * @param {number} [options.scale] devicePixelRatio (GDK_SCALE: 1 or 2)
 * @param {string} [options.locale] e.g. 'ja_JP' for navigator.language 'ja-JP' (compiled with
 *   localedef, ~0.8 s); without it the page sees 'C'
 * @param {string[]} [options.args] more MiniBrowser options (xvfb-run MiniBrowser --help-all)
 */
export async function launchWebKit({ width = 390, height = 844, timeZone = 'Asia/Tokyo', scale = 1, locale, args = [] } = {}) {
  hookExit();
  const dir = mkdtempSync(join(tmpdir(), 'mh-webkit-'));
  mkdirSync(join(dir, 'gtk-3.0'));
  writeFileSync(join(dir, 'gtk-3.0', 'gtk.css'), GTK_CSS);
  const env = { ...process.env, XDG_CONFIG_HOME: dir, GDK_SCALE: String(scale) };
  if (locale) {
    try { execFileSync('localedef', ['-i', locale, '-f', 'UTF-8', join(dir, `${locale}.UTF-8`)], { stdio: 'ignore' }); }
    catch (e) { rmSync(dir, { recursive: true, force: true }); throw e; }
    Object.assign(env, { LOCPATH: dir, LC_ALL: `${locale}.UTF-8` });
  }
  const port = await freePort();
  const child = spawn('xvfb-run', ['-a', '-s', '-screen 0 1920x1200x24', WEBKIT_DRIVER, `--port=${port}`, '--host=127.0.0.1'],
    { detached: true, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const pgid = child.pid;
  if (!pgid) { rmSync(dir, { recursive: true, force: true }); throw new Error('xvfb-run is missing (apt-get install xvfb)'); }
  launched.set(pgid, dir);
  let log = '';
  const keep = (d) => { log = (log + d).slice(-20_000); };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  // Nothing here keeps node alive: a test that forgets close() still ends (and the exit hook cleans up).
  child.unref(); child.stdout.unref(); child.stderr.unref();

  const base = `http://127.0.0.1:${port}`;
  let session;
  /** Ends the session, then the process group (TERM, up to 3 s, KILL). Safe to call twice. */
  const close = async () => {
    if (!launched.has(pgid)) return;
    if (session) await command(base, 'DELETE', `/session/${session}`).catch(() => {});
    terminate(pgid);
    for (let i = 0; i < 150 && members(pgid).length; i++) await sleep(20);
    kill(pgid);
    launched.delete(pgid);
    rmSync(dir, { recursive: true, force: true });
  };
  const cmd = (method, path, body) => command(base, method, `/session/${session}${path}`, body);

  const wk = {
    session: undefined, close,
    /** The process group of xvfb-run and all it started (after a `kill -9` of node: `kill -- -PGID`). */
    pgid,
    /** What the driver, the browser and Xvfb printed (the last 20 kB). */
    log: () => log,
    /** Navigates and waits for the load event. Changing only the #hash does not reload the page,
     *  and a failed load (server down) does not throw: the page stays where it was. */
    goto: (url) => cmd('POST', '/url', { url }),
    /** Runs `fn(...args)` (or a string body with `return`) in the page; a returned promise is awaited. */
    execute: (fn, ...args) => cmd('POST', '/execute/sync', { script: script(fn), args }),
    /** Callback style: `fn(...args, done)` calls `done(result)`. */
    executeAsync: (fn, ...args) => cmd('POST', '/execute/async', { script: script(fn), args }),
    /**
     * Runs `predicate(...args)` in the page every `interval` ms until it returns something
     * truthy, and returns that. Errors meanwhile (e.g. during a navigation) count as "not yet".
     */
    async waitFor(predicate, { timeout = 20_000, interval = 50, args = [] } = {}) {
      const end = Date.now() + timeout;
      let last;
      for (;;) {
        try { last = await wk.execute(predicate, ...args); if (last) return last; } catch (e) { last = e.message; }
        if (Date.now() > end) throw new Error(`waitFor timed out after ${timeout} ms (last: ${JSON.stringify(last)}): ${predicate}`);
        await sleep(interval);
      }
    },
    /**
     * The element `selector` finds inside the widget's shadow root (or the page, with
     * `page: true`), as a WebDriver element id; throws if there is none.
     */
    async element(selector, { page = false } = {}) {
      const ref = await wk.execute((sel, inPage) => (inPage ? document : document.querySelector('myna-hoken').shadowRoot).querySelector(sel), selector, page);
      const id = ref && ref[ELEMENT];
      if (!id) throw new Error(`no element ${selector}`);
      return id;
    },
    /**
     * Taps it: scrolled to the middle of the screen, a pointer press and release at its
     * centre through WebDriver's actions. (Element Click refuses elements in a shadow
     * root here: the point's element is the host, which it reads as "intercepted".)
     */
    async click(selector, { page = false } = {}) {
      const where = (sel, inPage) => {
        const el = (inPage ? document : document.querySelector('myna-hoken').shadowRoot).querySelector(sel);
        if (!el) return null;
        // 'instant': a page's `scroll-behavior: smooth` would move it after the rect is read.
        el.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
        const r = el.getBoundingClientRect();
        const x = Math.round(r.left + r.width / 2);
        const y = Math.round(r.top + r.height / 2);
        // What a finger at that point would touch (inside the shadow root too).
        const root = inPage ? document : document.querySelector('myna-hoken').shadowRoot;
        const hit = root.elementFromPoint(x, y);
        return { x, y, w: r.width, hit: Boolean(hit && (hit === el || el.contains(hit))) };
      };
      // Where it is once it stops moving (a question the form adds moves what is below it)
      // and nothing covers it.
      let at = null;
      for (let i = 0; i < 80; i++) {
        const now = await wk.execute(where, selector, page);
        if (now && now.w > 0 && now.hit && at && now.x === at.x && now.y === at.y) break;
        at = now;
        await sleep(25);
      }
      if (!at) throw new Error(`no element ${selector}`);
      await cmd('POST', '/actions', {
        actions: [{
          type: 'pointer', id: 'finger', parameters: { pointerType: 'mouse' },
          actions: [{ type: 'pointerMove', duration: 0, origin: 'viewport', x: at.x, y: at.y },
            { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }],
        }],
      });
      await cmd('DELETE', '/actions');
    },
    /** Picks an option of a <select> (Element Click on the option, which WebDriver selects directly). */
    async select(selector, value) {
      await cmd('POST', `/element/${await wk.element(`${selector} option[value="${value}"]`)}/click`, {});
    },
    /** Taps a text field, clears it and types into it with WebDriver's key events. */
    async type(selector, text) {
      await wk.click(selector);
      const id = await wk.element(selector);
      await cmd('POST', `/element/${id}/clear`, {});
      await cmd('POST', `/element/${id}/value`, { text });
    },
    /** The browser's Back button. */
    back: () => cmd('POST', '/back', {}),
    /** A PNG of the viewport (device pixels), written to `path` if given; returns the bytes. */
    async screenshot(path) {
      const png = Buffer.from(await cmd('GET', '/screenshot'), 'base64');
      if (path) writeFileSync(path, png);
      return png;
    },
    /** innerWidth, innerHeight, devicePixelRatio of the page and the window rect. */
    async viewport() {
      const [innerWidth, innerHeight, devicePixelRatio] = await wk.execute(() => [innerWidth, innerHeight, devicePixelRatio]);
      return { innerWidth, innerHeight, devicePixelRatio, window: await cmd('GET', '/window/rect') };
    },
    /**
     * Makes the viewport width x height: sets the window rect, waits for the page to see it,
     * corrects by any difference (window chrome), and returns `viewport()`.
     * Throws if the window refuses the size (minimum width 238).
     */
    async setSize(w, h) {
      let rect = { width: w, height: h }, got;
      for (let attempt = 0; attempt < 3; attempt++) {
        await cmd('POST', '/window/rect', rect);
        for (let i = 0; i < 20; i++) { // the resize reaches the page asynchronously
          got = await wk.viewport();
          if (got.innerWidth === w && got.innerHeight === h) return got;
          await sleep(25);
        }
        if (got.window.width !== rect.width || got.window.height !== rect.height) break;
        rect = { width: rect.width + w - got.innerWidth, height: rect.height + h - got.innerHeight };
      }
      throw new Error(`WebKit viewport is ${got.innerWidth}x${got.innerHeight}, not ${w}x${h} (window ${got.window.width}x${got.window.height})`);
    },
  };
  try {
    for (let i = 0; ; i++) {
      if (child.exitCode != null || i > 200) throw new Error(`${WEBKIT_DRIVER} did not start`);
      try { if ((await command(base, 'GET', '/status')).ready) break; } catch { /* not up yet */ }
      await sleep(50);
    }
    ({ sessionId: session } = await command(base, 'POST', '/session', {
      capabilities: {
        alwaysMatch: {
          pageLoadStrategy: 'normal',
          timeouts: { script: 30_000, pageLoad: 30_000, implicit: 0 },
          // These args replace the driver's default ['--automation'], so it is repeated here.
          'webkitgtk:browserOptions': { args: ['--automation', '--full-screen', `--time-zone=${timeZone}`, ...args] },
        },
      },
    }));
    wk.session = session;
    await wk.setSize(width, height);
  } catch (e) {
    await close();
    throw new Error(`${e.message}\n--- ${WEBKIT_DRIVER} output ---\n${log}`);
  }
  return wk;
}
