/*
 * The Test Connection page (SonarQube Cloud's setup assistant, step "Test SSO"): a Test Connection button that
 * starts a real SP-initiated sign-in (GET test-connection/start: its AuthnRequest is recorded as a Test Connection,
 * ./test-connection-route.ts) whose RelayState brings the browser back here, and the JSON of what that
 * sign-in received (./test-connection.ts), shown as the assistant shows it. Every value is escaped.
 */
import { spPage } from './page-style.ts';
import type { TestConnectionResult } from './test-connection.ts';
import { escapeXml } from './xml.ts';

export function testConnectionPath(tenantId: string): string {
  return `/saml/${encodeURIComponent(tenantId)}/test-connection`;
}

export function testConnectionPageHtml(tenantId: string, result: TestConnectionResult | undefined): string {
  const e = escapeXml;
  const start = `${testConnectionPath(tenantId)}/start`;
  const outcome = result
    ? `<h2>Result</h2><p><span class="tag ok">received</span> Verify the JSON: in particular the email and the groups.</p>` +
      `<pre id="test-connection-result" data-test-connection="received"><code>${e(JSON.stringify(result, null, 2))}</code></pre>`
    : `<p class="muted" data-test-connection="not-run">No test has run in this browser yet.</p>`;
  const body =
    `<section class="card"><h1>Test SSO — tenant <code>${e(tenantId)}</code></h1>` +
    `<p>Assign at least one user or group to the application at the IdP, then start the test: you sign in at the IdP and come back here.</p>` +
    `<p><a class="button" id="test-connection" href="${e(start)}">Test Connection</a></p>${outcome}</section>`;
  return spPage('Test Connection', body);
}
