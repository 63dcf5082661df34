// Headless Debian Chromium driven by puppeteer-core, for tests that need a whole browser of
// their own (pages from several local servers, a CDN's host name mapped to this machine).
import puppeteer, { type Browser } from 'puppeteer-core';
import { chromiumArgs, findChromium } from '../../scripts/find-chromium.mjs';

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return puppeteer.launch({ executablePath: findChromium(), headless: true, args: [...chromiumArgs(), ...extraArgs] });
}
