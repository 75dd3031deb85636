/*
 * oidc-provider's configuration for one issuer of the mock IdP (each option's reason beside it):
 * - authorization code flow only (response_type code), PKCE S256 required for public clients and accepted for
 *   confidential ones (RFC 7636; RFC 9700 §2.1.1)
 * - client_secret_basic / client_secret_post / none (public) at the token endpoint (OIDC Core §9)
 * - refresh tokens when the client asked for `offline_access` (Okta and Entra both issue one only then); OIDC Core
 *   §11 lets the OP drop offline_access without prompt=consent, which oidc-provider does, so the mock adds
 *   `consent` to the prompt of such a request and answers that consent itself (./authorization-request.ts)
 * - ID tokens carry the user claims their scopes release (conformIdTokenClaims off, as Okta and Entra do)
 * - RP-initiated logout (OIDC RP-Initiated Logout 1.0), userinfo (OIDC Core §5.3), revocation (RFC 7009), JWKS
 * - pairwise subjects for Entra clients; public elsewhere (OIDC Core §8)
 * - no consent screen: consent is implicit, as for an admin-consented enterprise app (the interaction answers it)
 * - a client that requires assignment refuses an unassigned user with access_denied (../clients/assignments.ts)
 * - storage: ../store/bounded-adapter.ts (bounded, expiring); the login/consent interaction: ../interaction/
 */
import { createHash } from 'node:crypto';
import Provider, { interactionPolicy, type Account, type KoaContext } from 'oidc-provider';
import type { DirectoryUser } from '../../saml/presets/directory-user.ts';
import { NOT_ASSIGNED_DESCRIPTION } from '../clients/assignments.ts';
import type { OidcClient } from '../clients/oidc-client.ts';
import { interactionPath, type IssuerSpec } from '../issuers.ts';
import { logoutPage, oidcErrorPage } from '../interaction/login-page.ts';
import type { PrivateJwk } from '../keys/signing-keys.ts';
import { OIDC_PRESETS } from '../presets/oidc-presets.ts';
import type { BoundedStore } from '../store/bounded-adapter.ts';

export interface ProviderDeps {
  readonly spec: IssuerSpec;
  readonly store: BoundedStore;
  readonly signingKey: PrivateJwk;
  readonly cookieKeys: readonly string[];
  /** Claim names configured as groups claims by this issuer's clients (Okta's filter names them). */
  readonly extraOpenidClaims: readonly string[];
  readonly userByAccount: (accountId: string) => DirectoryUser | undefined;
  readonly client: (clientId: string) => OidcClient | undefined;
  /** True while a next sign-in is queued: the login prompt is then always shown (and answered by the queue). */
  readonly hasQueued: () => boolean;
  /** Whether the account may sign in to the client (../clients/assignments.ts). */
  readonly assigned: (clientId: string, accountId: string) => boolean;
}

/** Seconds each artefact lives (oidc-provider `ttl`), close to Okta's defaults. */
export const OP_TTL = { AccessToken: 3600, AuthorizationCode: 300, IdToken: 3600, Interaction: 600, Session: 8 * 3600, Grant: 14 * 86400, RefreshToken: 14 * 86400 };

function pairwise(accountId: string, clientId: string): string {
  // Entra's pairwise sub: a base64url digest per (user, application).
  return createHash('sha256').update(`${clientId}\u0000${accountId}`).digest('base64url');
}

export function buildProvider(d: ProviderDeps): Provider {
  const preset = OIDC_PRESETS[d.spec.preset];
  const claims: Record<string, string[]> = Object.fromEntries(Object.entries(preset.scopes).map(([k, v]) => [k, [...v]]));
  claims['openid'] = [...new Set([...(claims['openid'] ?? []), ...d.extraOpenidClaims])];

  const policy = interactionPolicy.base();
  policy
    .get('login')!
    .checks.add(
      new interactionPolicy.Check('queued_sign_in', 'a sign-in is queued at the mock IdP', (ctx) =>
        d.hasQueued() && !ctx.oidc?.result?.['login'] ? interactionPolicy.Check.REQUEST_PROMPT : interactionPolicy.Check.NO_NEED_TO_PROMPT,
      ),
    );
  // An OP session of a user the client is not assigned to goes through the interaction, which refuses it with
  // access_denied (../clients/assignments.ts); under prompt=none the refusal is that error at once.
  policy.get('login')!.checks.add(
    new interactionPolicy.Check('not_assigned', NOT_ASSIGNED_DESCRIPTION, 'access_denied', (ctx) => {
      const accountId = ctx.oidc?.session?.accountId;
      const clientId = ctx.oidc?.client?.clientId;
      return accountId && clientId && !d.assigned(clientId, accountId) ? interactionPolicy.Check.REQUEST_PROMPT : interactionPolicy.Check.NO_NEED_TO_PROMPT;
    }),
  );

  const provider = new Provider(d.spec.issuer, {
    adapter: (name: string) => d.store.adapterFor(name),
    clients: [],
    clientDefaults: { id_token_signed_response_alg: 'RS256', grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'] },
    responseTypes: ['code'],
    scopes: ['openid', 'offline_access', ...Object.keys(claims).filter((s) => s !== 'openid')],
    claims,
    conformIdTokenClaims: false,
    subjectTypes: ['public', 'pairwise'],
    pairwiseIdentifier: async (_ctx: unknown, accountId: string, client: { clientId: string }) => pairwise(accountId, client.clientId),
    clientAuthMethods: ['client_secret_basic', 'client_secret_post', 'none'],
    pkce: { required: (_ctx: unknown, client: { clientAuthMethod: string }) => client.clientAuthMethod === 'none' },
    jwks: { keys: [d.signingKey] },
    cookies: {
      keys: [...d.cookieKeys],
      names: { session: `op_session_${slug(d.spec.key)}`, interaction: `op_interaction_${slug(d.spec.key)}`, resume: `op_resume_${slug(d.spec.key)}` },
    },
    routes: d.spec.routes,
    ttl: OP_TTL,
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: KoaContext, form: string) => {
          ctx.body = logoutPage(d.spec.issuer, form);
        },
        postLogoutSuccessSource: async (ctx: KoaContext) => {
          ctx.body = oidcErrorPage(d.spec.issuer, 'signed-out', 'You are signed out of the IdP.').replace('The IdP refused this request', 'Signed out');
        },
      },
    },
    interactions: { policy, url: (_ctx: unknown, interaction: { uid: string }) => interactionPath(d.spec, interaction.uid) },
    // Implicit consent: a grant for exactly what was asked, every time (an admin-consented enterprise app).
    loadExistingGrant: async (ctx: { oidc: { client: { clientId: string }; account?: { accountId: string }; params: { scope?: string }; provider: Provider } }) => {
      const accountId = ctx.oidc.account?.accountId;
      if (!accountId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ accountId, clientId: ctx.oidc.client.clientId });
      grant.addOIDCScope(String(ctx.oidc.params.scope ?? 'openid'));
      await grant.save();
      return grant;
    },
    findAccount: async (ctx: KoaContext, id: string): Promise<Account | undefined> => {
      const user = d.userByAccount(id);
      if (!user) return undefined;
      const clientId = ctx.oidc?.client?.clientId;
      return {
        accountId: id,
        claims: () => ({ ...preset.claims(user, { client: clientId ? d.client(clientId) : undefined, issuer: d.spec.issuer, tenantId: d.spec.tenantId }), sub: id }),
      };
    },
    renderError: async (ctx: KoaContext, out: { error: string; error_description?: string }) => {
      ctx.set('Content-Type', 'text/html; charset=utf-8');
      ctx.body = oidcErrorPage(d.spec.issuer, out.error, out.error_description);
    },
  });
  provider.on('server_error', () => {});
  return provider;
}

function slug(key: string): string {
  return key.replace(/[^A-Za-z0-9]/g, '_').slice(0, 80);
}
