/*
 * The OpenID Provider a tenant trusts, as an openid-client Configuration:
 * - discovered once (OIDC Discovery §4; openid-client checks the document's issuer, §4.3) and kept, or built
 *   from the tenant's manual endpoints; endpoints given by hand override discovered ones. A discovery that
 *   fails is tried again at the next sign-in (never cached), and answers oidc/op-unreachable meanwhile;
 * - each sign-in gets a fresh Configuration over the kept metadata, with the client's authentication
 *   (client_secret_basic or client_secret_post, OIDC Core §9), the tenant's allowed ID token algorithms
 *   (id_token_signed_response_alg, OIDC Core §3.1.3.7 step 7), its clock tolerance, the injected clock (as
 *   openid-client's clockSkew offset), ID token signature checks (enableNonRepudiationChecks: over loopback
 *   HTTP there is no TLS to stand in for the signature, OIDC Core §3.1.3.7 step 6) and a bounded fetch;
 * - the OP's JWKS is kept per tenant between sign-ins and handed to the new Configuration as at least a minute
 *   old: openid-client then fetches the JWKS again exactly once when a token's kid is unknown (a key rotation
 *   signs in) and refuses it if the refetched set lacks it too (OIDC Core §10.1.1); a set five minutes old is
 *   fetched anew anyway;
 * - plain http endpoints are allowed only when the tenant's own redirect URI is http (a development setup).
 */
import * as client from 'openid-client';
import type { Clock } from '../clock.ts';
import type { OidcTenantConfig } from '../config/oidc-section.ts';
import { boundedFetch } from './bounded-fetch.ts';

/** Seconds openid-client waits for the OP. */
const OP_TIMEOUT_SECONDS = 10;
/** openid-client refetches a JWKS on an unknown kid only when its copy is at least this old (oauth4webapi). */
const JWKS_REFETCH_AGE = 60;

export interface OidcProviders {
  /** A fresh Configuration for one operation of the tenant; rejects when discovery fails. */
  configuration(tenantId: string, oidc: OidcTenantConfig): Promise<client.Configuration>;
  /** Keeps the JWKS a Configuration fetched, for the tenant's next operations. */
  keepJwks(tenantId: string, config: client.Configuration): void;
}

const realSeconds = () => Math.floor(Date.now() / 1000);

function manualMetadata(oidc: OidcTenantConfig): Partial<client.ServerMetadata> {
  const i = oidc.issuer;
  const m: Record<string, string> = {};
  if (i.issuer) m['issuer'] = i.issuer;
  if (i.authorizationEndpoint) m['authorization_endpoint'] = i.authorizationEndpoint;
  if (i.tokenEndpoint) m['token_endpoint'] = i.tokenEndpoint;
  if (i.userinfoEndpoint) m['userinfo_endpoint'] = i.userinfoEndpoint;
  if (i.jwksUri) m['jwks_uri'] = i.jwksUri;
  if (i.endSessionEndpoint) m['end_session_endpoint'] = i.endSessionEndpoint;
  return m;
}

export function createOidcProviders(clock: Clock): OidcProviders {
  const discovered = new Map<string, client.ServerMetadata>();
  const jwks = new Map<string, client.ExportedJWKSCache>();
  /** The uat each Configuration was handed (back-dated), to tell a refetch from the set handed in. */
  const handedUat = new WeakMap<client.Configuration, number>();

  const insecure = (oidc: OidcTenantConfig) => oidc.redirectUri.startsWith('http:');

  async function serverMetadata(tenantId: string, oidc: OidcTenantConfig): Promise<client.ServerMetadata> {
    const manual = manualMetadata(oidc);
    if (!oidc.issuer.discoveryUrl) return manual as client.ServerMetadata;
    let found = discovered.get(tenantId);
    if (!found) {
      const config = await client.discovery(new URL(oidc.issuer.discoveryUrl), oidc.clientId, undefined, undefined, {
        [client.customFetch]: boundedFetch,
        timeout: OP_TIMEOUT_SECONDS,
        execute: insecure(oidc) ? [client.allowInsecureRequests] : [],
      });
      found = config.serverMetadata();
      discovered.set(tenantId, found);
    }
    return { ...found, ...manual };
  }

  return {
    async configuration(tenantId, oidc) {
      const metadata = await serverMetadata(tenantId, oidc);
      const auth = oidc.tokenEndpointAuthMethod === 'client_secret_post' ? client.ClientSecretPost(oidc.clientSecret) : client.ClientSecretBasic(oidc.clientSecret);
      const clientMetadata: Partial<client.ClientMetadata> = {
        client_secret: oidc.clientSecret,
        redirect_uris: [oidc.redirectUri],
        response_types: ['code'],
        // A list is honoured at run time (oauth4webapi checkSigningAlgorithm); the type names a single value.
        id_token_signed_response_alg: [...oidc.allowedSigningAlgorithms] as unknown as string,
        [client.clockSkew]: Math.round((clock.now().getTime() - Date.now()) / 1000),
        [client.clockTolerance]: oidc.clockSkewSeconds,
      };
      const config = new client.Configuration(metadata, oidc.clientId, clientMetadata, auth);
      config[client.customFetch] = boundedFetch;
      config.timeout = OP_TIMEOUT_SECONDS;
      if (insecure(oidc)) client.allowInsecureRequests(config);
      client.enableNonRepudiationChecks(config);
      const kept = jwks.get(tenantId);
      if (kept?.uat !== undefined) {
        const uat = Math.min(kept.uat, realSeconds() - JWKS_REFETCH_AGE);
        client.setJwksCache(config, { ...kept, uat });
        handedUat.set(config, uat);
      }
      return config;
    },
    keepJwks(tenantId, config) {
      const fetched = client.getJwksCache(config);
      if (!fetched) return;
      const handed = handedUat.get(config);
      // Fetched during this operation (first use, rotation, or a set five minutes old): kept with its own time.
      if (handed === undefined || fetched.uat > handed) jwks.set(tenantId, fetched);
    },
  };
}
