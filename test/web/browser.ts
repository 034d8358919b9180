import { mkdirSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { createTestApp, TestApp } from '../support/app';
import { DEMO_PASSWORD } from '../support/auth';

/**
 * What the browser tests share: the app on a free port, a headless Chromium from the system (never
 * a downloaded one), logging in through the login page, and a record of problems the page itself
 * reports (script errors, CSP refusals), which every test asserts to be empty.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Screenshots go to docs/screenshots only when asked (`UPDATE_SCREENSHOTS=1`), so that an ordinary
 * test run leaves the working tree clean; otherwise to a temporary folder.
 */
export const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS ? join(__dirname, '..', '..', 'docs', 'screenshots') : join(tmpdir(), 'kazalnik-screenshots');

export interface WebTest {
  app: TestApp;
  browser: Browser;
  baseUrl: string;
  /** Script errors, failed module loads and CSP violations seen by any page so far. */
  problems: string[];
  close(): Promise<void>;
}

export async function startWebTest(): Promise<WebTest> {
  const app = await createTestApp();
  await app.app.listen(0, '127.0.0.1');
  const { port } = app.app.getHttpServer().address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--lang=sl-SI'],
  });
  return {
    app,
    browser,
    baseUrl: `http://127.0.0.1:${port}`,
    problems: [],
    close: async () => {
      await browser.close();
      await app.close();
    },
  };
}

/**
 * Starts the app and a browser for the enclosing `describe`, closes them after it, and fails any
 * test during which a page logged a script error or a CSP refusal. The object is filled in before
 * the first test runs.
 */
export function useWebTest(): WebTest {
  const web = {} as WebTest;
  beforeAll(async () => {
    Object.assign(web, await startWebTest());
  });
  afterAll(async () => {
    await web.close?.();
  });
  afterEach(() => {
    expect(web.problems.splice(0)).toEqual([]);
  });
  return web;
}

export interface OpenOptions {
  width?: number;
  height?: number;
}

/** A fresh browser profile (no cookies, no stored language) on the app's start page. */
export async function openPage(web: WebTest, options: OpenOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await web.browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    locale: 'sl-SI',
    timezoneId: 'Europe/Ljubljana',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => web.problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // The browser logs every API answer of 4xx as a failed load; pages handle those. A refused
    // script or style (CSP), a missing module or an exception is a problem.
    const apiAnswer = /Failed to load resource/.test(message.text()) && message.location().url.includes('/api/');
    if (message.type() === 'error' && !apiAnswer) web.problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  await page.goto(`${web.baseUrl}/`);
  return { context, page };
}

/** Logs in through the form and waits for the first page of the role. */
export async function logIn(web: WebTest, username: string, options: OpenOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await openPage(web, options);
  const { page } = opened;
  await page.getByLabel('Uporabniško ime').fill(username);
  await page.getByLabel('Geslo').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Prijava' }).click();
  await page.getByRole('button', { name: 'Odjava' }).waitFor();
  return opened;
}

/** A screenshot of what is on screen, for docs/screenshots (kept small: the viewport, not the page). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.evaluate('document.fonts.ready');
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/**
 * The element that has the keyboard focus. Page-side code is passed as strings here: the tests
 * compile without the DOM library, which the server code must not see either.
 */
export async function focused(page: Page): Promise<{ tag: string; id: string; className: string; text: string; outline: string }> {
  return page.evaluate(`(() => {
    const el = document.activeElement || document.body;
    return { tag: el.tagName, id: el.id, className: String(el.className), text: el.textContent, outline: getComputedStyle(el).outlineStyle };
  })()`);
}

/**
 * Waits until the focused element matches (focus may move after a load). Polled from here:
 * page.waitForFunction with a string would need eval in the page, which the CSP rightly refuses.
 */
export async function waitForFocus(page: Page, expected: Partial<Awaited<ReturnType<typeof focused>>>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const now = await focused(page);
    if (Object.entries(expected).every(([key, value]) => now[key as keyof typeof now] === value)) return;
    if (Date.now() > deadline) throw new Error(`Focus is on ${JSON.stringify(now)}, expected ${JSON.stringify(expected)}`);
    await page.waitForTimeout(50);
  }
}
