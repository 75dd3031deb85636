/*
 * The issuers the mock IdP serves, with each vendor's real path shapes, all on the IdP's base URL:
 * - generic  issuer `{base}`                    endpoints under /oidc/ (auth, token, jwks, me, session/end)
 * - okta     issuer `{base}/oauth2/{id}`        Okta custom authorization server (`default` is the one every org
 *            has): /v1/authorize, /v1/token, /v1/keys, /v1/userinfo, /v1/logout, /v1/revoke
 *            (https://developer.okta.com/docs/concepts/auth-servers/). The org authorization server (issuer
 *            `https://{domain}`, endpoints /oauth2/v1/*) is not a separate path here: its issuer is the bare base
 *            URL, which is the generic issuer's, and the app-level groups filter it is known for is modelled per
 *            client on the custom server the same way.
 * - entra    issuer `{base}/{tenant}/v2.0`      Microsoft identity platform v2.0: /{tenant}/oauth2/v2.0/authorize,
 *            /oauth2/v2.0/token, /discovery/v2.0/keys, /oauth2/v2.0/logout, discovery at
 *            /{tenant}/v2.0/.well-known/openid-configuration (OIDC Discovery §4: issuer + /.well-known/…)
 * `mountPath` is where the Provider is mounted (its endpoints are relative to it); for Entra the issuer path
 * (`/{tenant}/v2.0`) is not a prefix of the endpoints, so the discovery document is served from the issuer path too.
 */
import { DEFAULT_OKTA_AUTHORIZATION_SERVER, type OidcPresetName } from './clients/oidc-client.ts';
import { ENTRA_EXAMPLE_TENANT_ID } from './presets/entra.ts';

export interface IssuerRef {
  readonly preset: OidcPresetName;
  /** okta: the custom authorization server id. */
  readonly authorizationServer?: string | undefined;
  /** entra: the tenant id. */
  readonly tenantId?: string | undefined;
}

export interface IssuerSpec {
  readonly preset: OidcPresetName;
  /** Stable key: `generic`, `okta:{id}`, `entra:{tenant}`. */
  readonly key: string;
  readonly issuer: string;
  readonly mountPath: string;
  /** Paths (relative to the mount) of oidc-provider's routes. */
  readonly routes: Readonly<Record<string, string>>;
  /** Path prefixes (relative to the mount) this issuer answers; anything else falls through to the SAML side. */
  readonly prefixes: readonly string[];
  readonly tenantId: string | undefined;
}

/** First path segments an Entra tenant id may not take: the SAML side's and the other issuers' paths. */
export const RESERVED_SEGMENTS = new Set(['saml', 'metadata', 'login', 'control', 'oidc', 'oauth2', '.well-known', 'favicon.ico']);

export function issuerSpec(baseUrl: string, ref: IssuerRef): IssuerSpec {
  const base = baseUrl.replace(/\/+$/, '');
  switch (ref.preset) {
    case 'generic':
      return {
        preset: 'generic',
        key: 'generic',
        issuer: base,
        mountPath: '',
        routes: {
          authorization: '/oidc/auth',
          token: '/oidc/token',
          jwks: '/oidc/jwks',
          userinfo: '/oidc/me',
          end_session: '/oidc/session/end',
          revocation: '/oidc/token/revocation',
        },
        prefixes: ['/oidc/', '/.well-known/openid-configuration'],
        tenantId: undefined,
      };
    case 'okta': {
      const id = ref.authorizationServer ?? DEFAULT_OKTA_AUTHORIZATION_SERVER;
      return {
        preset: 'okta',
        key: `okta:${id}`,
        issuer: `${base}/oauth2/${id}`,
        mountPath: `/oauth2/${id}`,
        routes: { authorization: '/v1/authorize', token: '/v1/token', jwks: '/v1/keys', userinfo: '/v1/userinfo', end_session: '/v1/logout', revocation: '/v1/revoke' },
        prefixes: ['/v1/', '/.well-known/openid-configuration', '/interaction/'],
        tenantId: undefined,
      };
    }
    case 'entra': {
      const tenant = ref.tenantId ?? ENTRA_EXAMPLE_TENANT_ID;
      return {
        preset: 'entra',
        key: `entra:${tenant}`,
        issuer: `${base}/${tenant}/v2.0`,
        mountPath: `/${tenant}`,
        routes: {
          authorization: '/oauth2/v2.0/authorize',
          token: '/oauth2/v2.0/token',
          jwks: '/discovery/v2.0/keys',
          userinfo: '/oidc/userinfo',
          end_session: '/oauth2/v2.0/logout',
          revocation: '/oauth2/v2.0/revoke',
        },
        prefixes: ['/oauth2/v2.0/', '/discovery/v2.0/', '/oidc/', '/v2.0/.well-known/openid-configuration', '/.well-known/openid-configuration', '/interaction/'],
        tenantId: tenant,
      };
    }
  }
}

/** The path (under the mount) of the interaction (login) page for an interaction uid. */
export function interactionPath(spec: IssuerSpec, uid: string): string {
  return `${spec.mountPath}${spec.preset === 'generic' ? '/oidc' : ''}/interaction/${uid}`;
}
