/*
 * The browser the e2e tests drive: Debian's Chromium through playwright-core, never a downloaded browser.
 * A fresh profile directory per launch; the flags keep it quiet and offline (no QUIC, no background
 * networking, no component or sync updates). `.ci/run` installs the `chromium` package when it is missing.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Why the browser tests cannot run here, or undefined when they can. Without Chromium they are skipped on a
 * developer's machine, but never in CI (process.env.CI set): there the launch fails and says why.
 */
export function browserSkipReason(installed = existsSync(CHROMIUM_PATH), env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (installed || env['CI']) return undefined;
  return `${CHROMIUM_PATH} is absent: install Debian's chromium (apt-get install -y chromium) to run the browser tests`;
}

export interface LaunchedBrowser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<LaunchedBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'ssoh-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
