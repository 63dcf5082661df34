// Finds the system Chromium for browser tests and screenshots. We never download a browser:
// CI and developers install Debian's `chromium` package.
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChromium() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to ${fromEnv}, but no file is there.`);
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    'No Chromium found for the browser tests. Install it with `sudo apt-get install -y --no-install-recommends chromium` ' +
      '(Debian/Ubuntu), or set CHROME_PATH to a Chrome or Chromium binary.',
  );
}

/** Flags for a headless Chromium that never dials out (this project's machines have no open network). */
export function chromiumArgs() {
  const args = [
    '--headless=new',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
  ];
  // Chromium refuses to start as root unless its sandbox is off.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return args;
}
