/*
 * SonarQube Cloud's Test Connection (seed 003, "Test the SSO connection") in a real browser (Debian's Chromium via
 * playwright-core; ./chromium.ts): the reference SP's Test Connection page (linked from the landing page), its button, the sign-in at the mock
 * IdP's login page, and back on the page the JSON of what the sign-in received. The harness runs in-process
 * (startHarness on port 0, a temp data dir). The screenshot goes to reports/screenshots/.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type RunningHarness } from '../cli/start/start-harness.ts';
import { browserSkipReason, launchChromium, type LaunchedBrowser } from './chromium.ts';

const SCREENSHOTS = fileURLToPath(new URL('../reports/screenshots/', import.meta.url));
const skip = browserSkipReason();
const TIMEOUT = 60_000;

describe.skipIf(skip !== undefined)(skip ? `Test Connection in Chromium (skipped: ${skip})` : 'Test Connection in Chromium', () => {
  let harness: RunningHarness;
  let browser: LaunchedBrowser;
  let dataDir: string;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), 'ssoh-e2e-test-connection-'));
    harness = await startHarness({ idpPort: 0, spPort: 0, dataDir, log: () => undefined });
    browser = await launchChromium();
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'the button signs in at the IdP and the page then shows the JSON the sign-in received',
    async () => {
      const page = await browser.context.newPage();
      await page.goto(`${harness.spUrl}/`);
      await page.locator('a[data-test-connection="sonarqube"]').click();
      expect(await page.locator('[data-test-connection="not-run"]').count()).toBe(1);
      await page.locator('#test-connection').click();
      await page.locator('label.user[data-login="alice@example.com"] input[type=radio]').check();
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      const result = page.locator('#test-connection-result');
      await result.waitFor();
      expect(new URL(page.url()).pathname).toBe('/saml/sonarqube/test-connection');
      const shown = JSON.parse((await result.textContent()) ?? '') as Record<string, unknown>;
      expect(shown).toMatchObject({ tenant: 'sonarqube', protocol: 'saml', login: 'alice@example.com', email: 'alice@example.com' });
      expect(shown['groups']).toEqual(['developers', 'admins']); // what the IdP sent, whether or not synchronised
      await page.screenshot({ path: join(SCREENSHOTS, 'sp-test-connection.png'), fullPage: true });
      await page.close();
    },
    TIMEOUT,
  );
});
