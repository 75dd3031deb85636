/*
 * What a browser sees when an OIDC sign-in, refresh or logout is refused: the refusal page both protocols share
 * (../sign-in/refusal-page.ts) with, per code, one fixed sentence and the next step, linking to this tenant's
 * own OIDC URLs. The record is total over OidcRejectionCode, so a new code cannot ship without advice.
 */
import type { RefusalAdvice } from '../sign-in/refusal-page.ts';
import { refusalPageHtml } from '../sign-in/refusal-page.ts';
import { userStateAdvice } from '../sign-in/user-state-advice.ts';
import type { OidcRejection, OidcRejectionCode } from './rejection.ts';

export interface OidcAdviceLinks {
  readonly tenantId: string;
  readonly login: string;
  readonly callback: string;
  readonly testConnection: string;
  readonly scimUsers: string;
}

export function oidcAdviceLinks(tenantId: string): OidcAdviceLinks {
  const t = encodeURIComponent(tenantId);
  return { tenantId, login: `/oidc/${t}/login`, callback: `/oidc/${t}/callback`, testConnection: `/oidc/${t}/test-connection`, scimUsers: `/scim/v2/${t}/Users` };
}

type Next = RefusalAdvice<OidcAdviceLinks>['next'];
const startAgain: Next = (l) => ['Start the sign-in again at ', { href: l.login }, '.'];
const checkOp: Next = (l) => ['Check the OP\u2019s settings for this client (issuer, keys, algorithms), then start again at ', { href: l.login }, '.'];
const clocks: Next = (l) => ['Check that the OP and SP clocks agree, then start again at ', { href: l.login }, '.'];
const checkClaims: Next = (l) => ['Check the claims the OP sends for this app (the Test Connection shows them: ', { href: l.testConnection }, ').'];

export const OIDC_ADVICE: Readonly<Record<OidcRejectionCode, RefusalAdvice<OidcAdviceLinks>>> = {
  'oidc/state': { what: 'The answer does not belong to a sign-in this browser started here, or it was already used.', next: startAgain, spec: 'OIDC Core §3.1.2.7' },
  'oidc/mix-up': { what: 'The answer came from another OpenID Provider than the one this tenant trusts.', next: checkOp, spec: 'RFC 9207 §2.4' },
  'oidc/idp-error': {
    what: 'The OpenID Provider did not sign the user in and answered with an error.',
    next: (l) => ['Check the user\u2019s assignment to this app at the OP, then start again at ', { href: l.login }, '.'],
    spec: 'OIDC Core §3.1.2.6',
  },
  'tenant/sso-not-enabled': {
    what: 'Single sign-on is configured for this tenant but not enabled yet: only the administrator\u2019s Test Connection signs in.',
    next: (l) => ['The administrator runs Test Connection at ', { href: l.testConnection }, ', then enables SSO with the admin API.'],
    spec: 'NinjaOne guide step 7 (seed 002)',
  },
  'oidc/response-invalid': { what: 'The answer from the OpenID Provider is malformed.', next: startAgain, spec: 'RFC 6749 §4.1.2' },
  'oidc/token-refused': {
    what: 'The OpenID Provider refused to exchange the code (wrong secret, expired code or PKCE mismatch).',
    next: (l) => ['Check the client ID and secret, and that the OP\u2019s sign-in redirect URI is ', { href: l.callback }, '.'],
    spec: 'RFC 6749 §5.2',
  },
  'oidc/iss-mismatch': { what: 'The ID token was issued by another issuer than this tenant trusts.', next: checkOp, spec: 'OIDC Core §3.1.3.7' },
  'oidc/aud-mismatch': { what: 'The ID token is meant for another client.', next: checkOp, spec: 'OIDC Core §3.1.3.7' },
  'oidc/azp': { what: 'The ID token names other audiences and not this client as its authorized party.', next: checkOp, spec: 'OIDC Core §3.1.3.7' },
  'oidc/alg-refused': {
    what: 'The ID token is signed with an algorithm this tenant does not accept (never none, never HS* with a public key).',
    next: checkOp,
    spec: 'RFC 8725 §3.1',
  },
  'oidc/signature-invalid': { what: 'The ID token\u2019s signature does not verify with the OP\u2019s published keys.', next: checkOp, spec: 'OIDC Core §3.1.3.7' },
  'oidc/unknown-kid': { what: 'The ID token is signed with a key the OP does not publish, even after fetching its keys again.', next: checkOp, spec: 'OIDC Core §10.1.1' },
  'oidc/expired': { what: 'The ID token has expired.', next: clocks, spec: 'OIDC Core §3.1.3.7' },
  'oidc/iat-future': { what: 'The ID token is dated in the future.', next: clocks, spec: 'OIDC Core §3.1.3.7' },
  'oidc/nonce': { what: 'The ID token does not answer this browser\u2019s sign-in (its nonce differs or is missing).', next: startAgain, spec: 'OIDC Core §3.1.3.7' },
  'oidc/id-token-invalid': { what: 'The OpenID Provider sent no usable ID token.', next: checkOp, spec: 'OIDC Core §2' },
  'oidc/userinfo-refused': { what: 'The OP\u2019s userinfo endpoint failed or answered for another user.', next: checkOp, spec: 'OIDC Core §5.3.2' },
  'oidc/email-unverified': {
    what: 'The OpenID Provider does not say the user\u2019s email address is verified, and this tenant requires it.',
    next: checkClaims,
    spec: 'OIDC Core §5.1',
  },
  'oidc/claims-missing': { what: 'The claim this tenant reads as the login is missing.', next: checkClaims, spec: 'OIDC Core §5.1' },
  'oidc/sub-mismatch': { what: 'A refreshed ID token names another user than the one signed in.', next: startAgain, spec: 'OIDC Core §12.2' },
  'oidc/no-refresh-token': { what: 'This session holds no refresh token (the OP issued none; ask for offline_access if it requires it).', next: startAgain, spec: 'RFC 6749 §6' },
  'oidc/op-unreachable': {
    what: 'The OpenID Provider could not be reached, or answered nonsense.',
    next: (l) => ['Check that the OP is running and its discovery URL is right, then start again at ', { href: l.login }, '.'],
    spec: 'OIDC Discovery §4',
  },
  ...userStateAdvice<OidcAdviceLinks>('OIDC Core §3.1.3.7'),
};

export function oidcErrorPageHtml(tenantId: string, rejection: OidcRejection): string {
  return refusalPageHtml(rejection, OIDC_ADVICE[rejection.code], oidcAdviceLinks(tenantId), tenantId);
}
