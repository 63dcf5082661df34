// web-test-runner launchers for the browsers in $BROWSERS (all three by default): see browsers.mjs.
import { chromeLauncher } from '@web/test-runner-chrome';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import * as puppeteerCore from 'puppeteer-core';
import { chosenBrowsers, puppeteerOptions, startWebKitDriver, webkitCapabilities, webkitSession } from './browsers.mjs';

/**
 * WebKitGTK through WebKitWebDriver: the launcher starts Xvfb, the window manager and the
 * driver when the run starts and stops them when it ends (and if the run dies, on exit).
 */
class WebKitLauncher extends WebdriverLauncher {
  constructor() {
    super({ ...webkitSession(0), capabilities: webkitCapabilities() });
  }

  async initialize(config, testFiles) {
    this.webkit = await startWebKitDriver();
    this.options.port = this.webkit.port;
    await super.initialize(config, testFiles);
    this.name = 'WebKitGTK';
  }

  /** The process the browser's processes descend from (for the browser-cpu command). */
  get rootPid() {
    return this.webkit?.driverPid;
  }

  async stop() {
    try {
      await super.stop();
    } finally {
      this.webkit?.stop();
      this.webkit = undefined;
    }
  }
}

export function launcherFor(name) {
  if (name === 'webkit') return new WebKitLauncher();
  return chromeLauncher({ puppeteer: puppeteerCore, launchOptions: puppeteerOptions(name) });
}

export function testLaunchers() {
  return chosenBrowsers().map(launcherFor);
}
