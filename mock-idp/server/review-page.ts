/*
 * The assertion inspector: the Response the IdP just issued, decoded and indented, with where it will go,
 * before the browser posts it. Continue posts the issued bytes unchanged (the form is the first on the page,
 * like the auto-posting one, so tools reading "the first form" find it). Everything shown is escaped.
 */
import { escapeHtml } from './html.ts';
import { page } from './page-style.ts';
import { prettyXml } from './pretty-xml.ts';

export interface ReviewPageInput {
  readonly entityId: string;
  readonly action: string;
  readonly fields: { readonly SAMLResponse: string; readonly RelayState?: string };
  readonly xml: string;
  readonly spEntityId: string;
  readonly user: string;
  readonly responseId: string;
}

export function reviewPage(p: ReviewPageInput): string {
  const e = escapeHtml;
  const relay = p.fields.RelayState;
  const body = `      <section class="card">
      <form method="post" action="${e(p.action)}" class="continue">
        <input type="hidden" name="SAMLResponse" value="${e(p.fields.SAMLResponse)}"/>
        ${relay !== undefined ? `<input type="hidden" name="RelayState" value="${e(relay)}"/>` : ''}
        <h1>Review the assertion before it is sent</h1>
        <dl class="facts">
          <dt>User</dt><dd>${e(p.user)}</dd>
          <dt>Service provider</dt><dd><code>${e(p.spEntityId)}</code></dd>
          <dt>Posted to (ACS)</dt><dd><code>${e(p.action)}</code></dd>
          <dt>Response ID</dt><dd><code>${e(p.responseId)}</code></dd>
          ${relay !== undefined ? `<dt>RelayState</dt><dd><code>${e(relay)}</code></dd>` : ''}
        </dl>
        <div class="actions">
          <button type="submit" class="primary">Continue to the SP</button>
          <a class="button secondary" href="/">Cancel</a>
        </div>
      </form>
      </section>
      <section class="card">
        <h2>The SAML Response (decoded, indented for reading; the posted bytes are unchanged)</h2>
        <pre class="xml" data-response-id="${e(p.responseId)}">${e(prettyXml(p.xml))}</pre>
      </section>`;
  return page('Review the assertion', body, p.entityId);
}
