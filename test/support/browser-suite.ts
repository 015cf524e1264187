// The setup every staff browser test file repeats: the API stack, the built web app on a free port
// (allowed as an origin), Chromium, and signing in through the real form. Call
// `browserSuite()` at the top of a test file; it registers its own beforeAll/afterAll.
import type { ChildProcess } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { freePort, launchChromium, startWebApp } from './browser';
import { TEST_PASSWORD } from './factories';
import { startStack, type TestStack } from './stack';

export interface BrowserSuite {
  stack: TestStack;
  webUrl: string;
  browser: Browser;
  /** Signs a staff member in through the login form and waits for Today. */
  signInAs(page: Page, email: string): Promise<void>;
}

export function browserSuite(): BrowserSuite {
  let web: ChildProcess | undefined;
  const suite = {} as BrowserSuite;
  beforeAll(async () => {
    const port = await freePort();
    suite.webUrl = `http://127.0.0.1:${port}`;
    suite.stack = await startStack({ allowedOrigins: [suite.webUrl] });
    web = await startWebApp({ port, routerUrl: suite.stack.routerUrl, readyPath: '/login' });
    suite.browser = await launchChromium();
  });
  afterAll(async () => {
    await suite.browser?.close();
    web?.kill('SIGTERM');
    await suite.stack?.stop();
  });
  suite.signInAs = async (page, email) => {
    await page.goto(`${suite.webUrl}/login`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(/\/today/);
  };
  return suite;
}
