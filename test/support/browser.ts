// What the browser tests share: a free port, the built web app served against a test stack, and
// Debian's Chromium driven by playwright-core.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { chromiumPath } from '../../scripts/infra/system-packages';

const ROOT = resolve(__dirname, '../..');
export const SCREENSHOTS = resolve(ROOT, '.data/screenshots');

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/**
 * Waits until `url` answers 200, up to `timeoutMs` (a cold Nuxt server on two busy cores can take
 * well over ten seconds). Gives up at once when `exited()` says the server process is gone.
 */
export async function waitForHttp(url: string, options: { timeoutMs?: number; exited?: () => string | undefined } = {}) {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    const exit = options.exited?.();
    if (exit) throw new Error(`${url} did not answer: the server exited (${exit})`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(10_000) })).ok) return;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${options.timeoutMs ?? 60_000} ms`);
}

/** Serves the built web app (scripts/test.sh builds it before the tests) against the given router. */
export async function startWebApp(options: { port: number; routerUrl: string; readyPath?: string }): Promise<ChildProcess> {
  const web = spawn('node', [resolve(ROOT, 'web/.output/server/index.mjs')], {
    env: { ...process.env, PORT: String(options.port), HOST: '127.0.0.1', NUXT_PUBLIC_ROUTER_URL: options.routerUrl },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // Keep the end of stderr so a server that dies (a taken port, a missing build) says why.
  let stderr = '';
  web.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2_000)));
  let exit: string | undefined;
  web.once('exit', (code, signal) => (exit = `code ${code ?? signal}: ${stderr.trim() || 'no output'}`));
  await waitForHttp(`http://127.0.0.1:${options.port}${options.readyPath ?? '/login'}`, { exited: () => exit }).catch((error: unknown) => {
    web.kill('SIGKILL');
    throw error;
  });
  return web;
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium is missing: run `bash scripts/setup.sh chromium`.');
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Drags vertically with the mouse in small steps (FullCalendar needs movement to start a drag). */
export async function dragBy(page: Page, from: Locator, dy: number) {
  const box = (await from.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + 6;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let step = 1; step <= 10; step++) await page.mouse.move(x, y + (dy * step) / 10);
  await page.mouse.up();
}
