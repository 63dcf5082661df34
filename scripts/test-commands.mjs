// Server commands of the browser tests, the same in every browser: `keys` types and presses
// keys, `browser-cpu` reads the CPU time the browser's processes have used. For the keyboard,
// puppeteer (Chromium, Firefox) has its own calls; WebDriver (WebKitGTK) gets W3C actions.
// @web/test-runner-commands' sendKeys would type "ab" through WebDriver as one chord (every key
// down, then every key up), which is why typing went wrong in WebKit; and it can't hold a
// modifier there at all.

import { readFileSync, readdirSync } from 'node:fs';

/**
 * CPU seconds used so far by process `root` and all its descendants (Linux /proc): the browser
 * with its renderer, GPU and network processes, whose threads include the workers.
 */
function treeCpuSeconds(root) {
  const children = new Map();
  const cpu = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    // Fields after the command (which may hold spaces), numbered from 3: ppid is 4, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const pid = Number(entry);
    const parent = Number(fields[1]);
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(pid);
    cpu.set(pid, Number(fields[11]) + Number(fields[12]));
  }
  let ticks = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop();
    ticks += cpu.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return ticks / 100; // USER_HZ, 100 on Linux
}

/** WebDriver's code points for the named keys our tests press (W3C WebDriver, "keyboard actions"). */
const WEBDRIVER_KEYS = {
  Backspace: '\uE003',
  Tab: '\uE004',
  Enter: '\uE007',
  Shift: '\uE008',
  Control: '\uE009',
  Alt: '\uE00A',
  Escape: '\uE00C',
  PageUp: '\uE00E',
  PageDown: '\uE00F',
  End: '\uE010',
  Home: '\uE011',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Meta: '\uE03D',
};

function webdriverKey(key) {
  if (key in WEBDRIVER_KEYS) return WEBDRIVER_KEYS[key];
  if ([...key].length === 1) return key;
  throw new Error(`No WebDriver key for "${key}": add it to scripts/test-commands.mjs.`);
}

/** Key presses, one after the other: `keys` pressed and released in turn, `modifiers` held throughout. */
function keyActions(keys, modifiers = []) {
  const actions = [];
  for (const modifier of modifiers) actions.push({ type: 'keyDown', value: webdriverKey(modifier) });
  for (const key of keys) {
    actions.push({ type: 'keyDown', value: webdriverKey(key) }, { type: 'keyUp', value: webdriverKey(key) });
  }
  for (const modifier of [...modifiers].reverse()) actions.push({ type: 'keyUp', value: webdriverKey(modifier) });
  return [{ type: 'key', id: 'keyboard', actions }];
}

/** `keys`: { type: 'text' } types each character; { press: 'Enter', modifiers?: ['Shift'] } presses one key. */
export function testCommandsPlugin() {
  return {
    name: 'pyinnards-test-commands',
    async executeCommand({ command, payload, session }) {
      if (command !== 'keys' && command !== 'browser-cpu') return undefined;
      const browser = session.browser;
      if (command === 'browser-cpu') {
        const root = browser.type === 'puppeteer' ? browser.browser?.process()?.pid : browser.rootPid;
        if (!root) throw new Error('The browser-cpu command could not find the browser\'s process.');
        return { seconds: treeCpuSeconds(root) };
      }
      if (browser.type === 'puppeteer') {
        const page = browser.getPage(session.id);
        if (payload.type !== undefined) {
          await page.keyboard.type(payload.type);
          return true;
        }
        const modifiers = payload.modifiers ?? [];
        for (const modifier of modifiers) await page.keyboard.down(modifier);
        await page.keyboard.press(payload.press);
        for (const modifier of [...modifiers].reverse()) await page.keyboard.up(modifier);
        return true;
      }
      if (browser.type === 'webdriver') {
        const driver = browser.driver;
        const keys = payload.type !== undefined ? [...payload.type] : [payload.press];
        await driver.performActions(keyActions(keys, payload.modifiers));
        await driver.releaseActions();
        return true;
      }
      throw new Error(`The "${command}" command does not know browsers driven by ${browser.type}.`);
    },
  };
}
