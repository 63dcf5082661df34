// The three browsers the kit is tested in, all from Debian packages (nothing is downloaded):
// Chromium and Firefox ESR through puppeteer-core, WebKitGTK (Safari's engine) through its
// WebDriver, under a virtual X display of its own with a window manager (without one, no window
// ever has focus and `document.hasFocus()` stays false). `BROWSERS=firefox,webkit` picks some.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { findChromium, chromiumArgs } from './find-chromium.mjs';

export const ALL_BROWSERS = ['chromium', 'firefox', 'webkit'];

const FIREFOX = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];
const MINIBROWSER = [
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/x86_64-linux-gnu/webkitgtk-6.0/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkitgtk-6.0/MiniBrowser',
];
const INSTALL = {
  firefox: 'sudo apt-get install -y --no-install-recommends firefox-esr',
  webkit: 'sudo apt-get install -y --no-install-recommends webkit2gtk-driver xvfb matchbox-window-manager',
};

/** The browsers named by $BROWSERS (comma-separated), all three when unset. */
export function chosenBrowsers(value = process.env.BROWSERS) {
  if (!value) return [...ALL_BROWSERS];
  const names = value.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
  const unknown = names.filter((name) => !ALL_BROWSERS.includes(name));
  if (unknown.length > 0 || names.length === 0) {
    throw new Error(`BROWSERS=${value}: expected a comma-separated list of ${ALL_BROWSERS.join(', ')}.`);
  }
  return names;
}

function firstExisting(candidates, what, name) {
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(`No ${what} found for the browser tests. Install it with \`${INSTALL[name]}\` (Debian/Ubuntu).`);
}

export function findFirefox() {
  return firstExisting(FIREFOX, 'Firefox', 'firefox');
}

export function findMiniBrowser() {
  return firstExisting(MINIBROWSER, "WebKitGTK's MiniBrowser", 'webkit');
}

/** puppeteer.launch() options for Chromium or Firefox. */
export function puppeteerOptions(name) {
  if (name === 'chromium') return { executablePath: findChromium(), headless: true, args: chromiumArgs() };
  if (name === 'firefox') {
    return {
      browser: 'firefox',
      executablePath: findFirefox(),
      headless: true,
      // Firefox would phone home for updates, telemetry and safe-browsing lists.
      extraPrefsFirefox: {
        'app.update.enabled': false,
        'browser.safebrowsing.malware.enabled': false,
        'browser.safebrowsing.phishing.enabled': false,
        'datareporting.policy.dataSubmissionEnabled': false,
        'network.captive-portal-service.enabled': false,
        'network.connectivity-service.enabled': false,
      },
    };
  }
  throw new Error(`${name} is not driven by puppeteer.`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Xvfb, a window manager and WebKitWebDriver, each in a process group of its own (the driver's
 * group also holds the MiniBrowser it starts), stopped together by `stop()`, and in any case
 * when this Node process exits, whatever way it ends.
 */
export async function startWebKitDriver() {
  const groups = [];
  const stopAll = () => {
    for (const child of groups.splice(0).reverse()) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  const onExit = () => stopAll();
  const onSignal = (signal) => {
    stopAll();
    process.kill(process.pid, signal);
  };
  process.once('exit', onExit);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, onSignal);
  const start = (command, args, env, stdio = 'ignore') => {
    const child = spawn(command, args, { detached: true, stdio, env: { ...process.env, ...env } });
    groups.push(child);
    child.on('error', () => {});
    return child;
  };
  try {
    const miniBrowser = findMiniBrowser();
    const driverPath = firstExisting(['/usr/bin/WebKitWebDriver'], 'WebKitWebDriver', 'webkit');
    firstExisting(['/usr/bin/Xvfb'], 'Xvfb', 'webkit');
    firstExisting(['/usr/bin/matchbox-window-manager'], 'matchbox-window-manager', 'webkit');

    // Xvfb picks a free display itself and writes its number to fd 3 once it accepts clients.
    const xvfb = start('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {}, ['ignore', 'ignore', 'pipe', 'pipe']);
    const display = await new Promise((resolve, reject) => {
      let text = '';
      let errors = '';
      xvfb.stderr.on('data', (chunk) => (errors += chunk));
      xvfb.stdio[3].on('data', (chunk) => {
        text += chunk;
        if (text.includes('\n')) resolve(`:${text.trim()}`);
      });
      xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it opened a display: ${errors.trim()}`)));
    });
    xvfb.stderr.resume();
    start('matchbox-window-manager', ['-use_titlebar', 'no'], { DISPLAY: display });
    const port = await freePort();
    // Xvfb has no GPU: WebKit's accelerated compositing would run on software GL, which cost the
    // WebKit test run about a tenth of its time and CPU for nothing the tests look at (they read
    // the DOM and its layout, not pixels). MiniBrowser reads this from its environment.
    const driver = start(driverPath, [`--port=${port}`], { DISPLAY: display, WEBKIT_DISABLE_COMPOSITING_MODE: '1' });
    const deadline = Date.now() + 20000;
    for (;;) {
      if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited (${driver.exitCode}).`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/status`)).ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error('WebKitWebDriver did not answer within 20 s.');
      await sleep(100);
    }
    return {
      port,
      display,
      driverPid: driver.pid,
      capabilities: webkitCapabilities(miniBrowser),
      stop() {
        stopAll();
        process.off('exit', onExit);
        for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.off(signal, onSignal);
      },
    };
  } catch (error) {
    stopAll();
    throw error;
  }
}

/**
 * webdriverio's options for a session with our WebKitWebDriver. A script may run for minutes
 * (Python starting in WebKit on a busy machine): webdriverio's HTTP requests would time out
 * after 2.
 */
export function webkitSession(port) {
  return { hostname: '127.0.0.1', port, logLevel: 'error', connectionRetryTimeout: 15 * 60 * 1000, connectionRetryCount: 0 };
}

export function webkitCapabilities(miniBrowser = findMiniBrowser()) {
  return {
    browserName: 'MiniBrowser',
    // webdriverio 9 would ask for WebDriver BiDi, which WebKitWebDriver doesn't speak.
    'wdio:enforceWebDriverClassic': true,
    'webkitgtk:browserOptions': { binary: miniBrowser, args: ['--automation'] },
  };
}

/**
 * One browser of its own, for benchmarks and tools: `goto(url)`, `evaluate(expression)` (the
 * value of a JS expression, awaited if it is a promise; JSON-serializable), `close()`.
 */
export async function launchBrowser(name) {
  if (name === 'webkit') {
    const { remote } = await import('webdriverio');
    const webkit = await startWebKitDriver();
    try {
      const driver = await remote({ ...webkitSession(webkit.port), capabilities: webkit.capabilities });
      await driver.setTimeout({ script: 10 * 60 * 1000 });
      return {
        goto: (url) => driver.navigateTo(url),
        async evaluate(expression) {
          const outcome = await driver.executeAsync(
            `const done = arguments[arguments.length - 1];
             Promise.resolve().then(() => (0, eval)(arguments[0])).then(
               (value) => done({ value }), (error) => done({ error: String(error && error.stack || error) }));`,
            expression,
          );
          if (outcome.error) throw new Error(outcome.error);
          return outcome.value;
        },
        async close() {
          try {
            await driver.deleteSession();
          } finally {
            webkit.stop();
          }
        },
      };
    } catch (error) {
      webkit.stop();
      throw error;
    }
  }
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch(puppeteerOptions(name));
  const page = await browser.newPage();
  return {
    goto: (url) => page.goto(url),
    evaluate: (expression) => page.evaluate(expression),
    close: () => browser.close(),
  };
}
