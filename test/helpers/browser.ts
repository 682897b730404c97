// Opens a report in Debian's headless Chromium through playwright-core and records what a
// security review cares about: console errors, page errors and every request the page makes.

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.FEEDBACK_THEMES_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Fails (never skips) when the browser is missing: the browser tests are part of the contract. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: install Debian's chromium package (apt-get install chromium) ` +
        'or set FEEDBACK_THEMES_CHROMIUM to a Chromium binary. The report browser tests cannot run without it.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface OpenedReport {
  page: Page;
  url: string;
  consoleErrors: string[];
  pageErrors: string[];
  /** Every request except the report file itself. */
  foreignRequests: string[];
}

/** Writes `htmlText` to `file` and opens it from a file:// URL. */
export async function openReport(
  browser: Browser,
  file: string,
  htmlText: string,
  viewport = { width: 1366, height: 900 },
): Promise<OpenedReport> {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, htmlText);
  const url = pathToFileURL(resolve(file)).href;
  const page = await browser.newPage({ viewport });
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const foreignRequests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') consoleErrors.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('request', (request) => {
    if (request.url() !== url) foreignRequests.push(request.url());
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, url, consoleErrors, pageErrors, foreignRequests };
}

export function testOutputPath(name: string): string {
  return resolve('test-output', name);
}
