/*
 * The pages a person uses, in a real browser (Debian's Chromium via playwright-core; ./chromium.ts):
 * - IdP-initiated sign-in through the mock IdP's login page: the attribute preview follows the SP picker,
 *   the assertion inspector shows the decoded Response, Continue lands on the reference SP signed in
 * - a tenant that refuses IdP-initiated sign-in shows a styled error page whose link starts the SP-initiated
 *   sign-in that then works
 * - SP-initiated sign-in from the reference SP's landing page, to a tenant that needs its users provisioned
 *   first (npm start seeded them)
 * - the certification report's legend shows its colours; the provisioning log fits a 1280 px screen
 * The harness runs in-process (startHarness on port 0, a temp data dir). Screenshots go to reports/screenshots/.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../certify/report/html.ts';
import { startHarness, type RunningHarness } from '../cli/start/start-harness.ts';
import { ProvisioningLog } from '../mock-idp/scim-client/log/log.ts';
import { browserSkipReason, launchChromium, type LaunchedBrowser } from './chromium.ts';
import { fixtureReport } from './fixture-report.ts';

const SCREENSHOTS = fileURLToPath(new URL('../reports/screenshots/', import.meta.url));
const skip = browserSkipReason();
if (skip) console.warn(`e2e/browser.test.ts skipped: ${skip}`);
const TIMEOUT = 60_000;

describe.skipIf(skip !== undefined)(skip ? `browser tests (skipped: ${skip})` : 'browser tests (Chromium)', () => {
  let harness: RunningHarness;
  let browser: LaunchedBrowser;
  let page: Page;
  const dirs: string[] = [];
  const temp = (prefix: string) => {
    const d = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(d);
    return d;
  };
  const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const spEntity = (tenant: string) => `${harness.spUrl}/saml/${tenant}/metadata`;
  /** Chooses an SP on the IdP login page and waits for the page to preview that SP's attributes. */
  const chooseSp = async (tenant: string) => {
    await page.locator('#sp').selectOption(spEntity(tenant));
    await page
      .locator(`table.preview[data-sp="${spEntity(tenant)}"]`)
      .first()
      .waitFor();
  };
  const previewedNames = (login: string) => page.locator(`label.user[data-login="${login}"] table.preview tbody tr td:first-child code`).allTextContents();

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    harness = await startHarness({ idpPort: 0, spPort: 0, dataDir: temp('ssoh-e2e-'), log: () => undefined });
    browser = await launchChromium();
    page = await browser.context.newPage();
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it(
    'IdP-initiated: the preview follows the chosen SP, the inspector shows the assertion, Continue signs in',
    async () => {
      await page.goto(`${harness.idpUrl}/`);
      await chooseSp('sonarqube');
      const sonarqube = await previewedNames('bob@example.com');
      await chooseSp('acme');
      const acme = await previewedNames('bob@example.com');
      expect(sonarqube).toContain('login');
      expect(acme).not.toEqual(sonarqube);
      await expect(page.locator('#sp').inputValue()).resolves.toBe(spEntity('acme'));

      await page.locator('label.user[data-login="bob@example.com"] input[type=radio]').check();
      await shot('idp-login-page');
      await page.getByRole('button', { name: 'Review the assertion first' }).click();
      const xml = page.locator('pre.xml');
      await xml.waitFor();
      const text = (await xml.textContent()) ?? '';
      expect(text).toContain('bob@example.com');
      expect(text).toMatch(/<saml2?:Assertion\b/);
      expect(text.split('\n').length).toBeGreaterThan(10);
      await shot('idp-assertion-inspector');

      await page.getByRole('button', { name: 'Continue to the SP' }).click();
      await page.locator('body[data-user]').waitFor();
      expect(await page.locator('body').getAttribute('data-user')).toBe('bob@example.com');
      expect(new URL(page.url()).pathname).toBe('/saml/acme/acs');
      await shot('sp-signed-in');
    },
    TIMEOUT,
  );

  it(
    'a tenant that refuses IdP-initiated sign-in says so, and its link starts the SP-initiated sign-in',
    async () => {
      await page.goto(`${harness.idpUrl}/`);
      await chooseSp('sonarqube');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.locator('body[data-error-code]').waitFor();
      expect(await page.locator('body').getAttribute('data-error-code')).toBe('unsolicited/refused');
      await shot('sp-error-page');

      // Signing in on the IdP's page started an IdP session, which would answer the SP-initiated request without
      // the login page (mock-idp/server/idp-session.ts): this part is a browser that has not signed in yet.
      await browser.context.clearCookies();
      await page.locator('a[href="/saml/sonarqube/login"]').click();
      await page.locator('input[name=pending]').waitFor({ state: 'attached' });
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.locator('body[data-user]').waitFor();
      expect(await page.locator('body').getAttribute('data-user')).toBe('alice@example.com');
    },
    TIMEOUT,
  );

  it(
    'SP-initiated from the landing page, to a tenant whose users npm start provisioned',
    async () => {
      await browser.context.clearCookies(); // no IdP session from the tests above: the login page asks who signs in
      await page.goto(`${harness.spUrl}/`);
      expect(await page.locator('tr[data-tenant]').count()).toBe(harness.config.tenants.length);
      expect(await page.locator('tr[data-tenant="datocms"] td[data-provision-first]').getAttribute('data-provision-first')).toBe('true');
      await shot('sp-landing-page');

      await page.locator('a[data-sign-in="datocms"]').click();
      await page
        .locator(`table.preview[data-sp="${spEntity('datocms')}"]`)
        .first()
        .waitFor();
      await page.locator('label.user[data-login="carol@example.com"] input[type=radio]').check();
      await shot('idp-login-page-sp-initiated');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.locator('body[data-user]').waitFor();
      expect(await page.locator('body').getAttribute('data-user')).toBe('carol@example.com');
      expect(new URL(page.url()).pathname).toBe('/saml/datocms/acs');
    },
    TIMEOUT,
  );

  it(
    'the certification report legend shows a distinct colour for each verdict',
    async () => {
      const file = join(temp('ssoh-e2e-report-'), 'certification.html');
      writeFileSync(file, renderHtml(fixtureReport(`${harness.spUrl}/scim/v2/acme`)));
      await page.goto(pathToFileURL(file).href);
      const colours = await page.locator('.legend span').evaluateAll((spans) => spans.map((s) => getComputedStyle(s).backgroundColor));
      expect(colours).toHaveLength(6);
      expect(colours).not.toContain('rgba(0, 0, 0, 0)');
      expect(new Set(colours).size).toBe(6);
      await shot('certification-report');
    },
    TIMEOUT,
  );

  it(
    'the provisioning log fits a 1280 px screen, long URLs and bodies included',
    async () => {
      const log = new ProvisioningLog();
      const user = { type: 'user' as const, sourceId: 'x'.repeat(36), name: `${'very-long-user-principal-name-'.repeat(4)}@contoso.example` };
      const longUrl = `${harness.spUrl}/scim/v2/acme/Users?filter=${encodeURIComponent(`userName eq "${'a'.repeat(180)}@example.com"`)}`;
      log.exchange({ cycle: 1, object: user, method: 'GET', url: longUrl, status: 200, responseBody: { Resources: [], token: 'b'.repeat(400) }, attempt: 1 });
      log.exchange({
        cycle: 1,
        object: user,
        method: 'POST',
        url: `${harness.spUrl}/scim/v2/acme/Users`,
        requestBody: { userName: user.name, blob: 'c'.repeat(600) },
        status: 201,
        responseBody: { id: 'd'.repeat(300) },
        attempt: 1,
      });
      log.outcome({ cycle: 1, object: user, outcome: 'created', targetId: 'e'.repeat(200), reason: 'f'.repeat(300) });
      const { html } = log.writeReports(temp('ssoh-e2e-log-'));
      await page.goto(pathToFileURL(html).href);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(1280);
      await shot('provisioning-log');
    },
    TIMEOUT,
  );
});
