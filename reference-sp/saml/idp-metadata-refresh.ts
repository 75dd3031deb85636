/*
 * The IdP a tenant trusts right now, for tenants that import the IdP's metadata from a URL (SonarQube's
 * "Automatic" tab, "Metadata URL"; NinjaOne's "Import Metadata from: URL"). Metadata is published so that a
 * relying party can follow the IdP's changes — a new signing certificate above all — without anyone editing
 * its configuration (saml-metadata §4.1: metadata is published at a well-known location and retrieved by
 * the consumer; §2.2.1 `cacheDuration`/`validUntil`: how long a copy may be relied upon).
 *
 * - Metadata fetched at start-up (../config/resolve.ts) is fetched again at the first sign-in (login or ACS)
 *   that finds it older than idp.metadataRefreshSeconds, by the scenario's clock; one fetch at a time per tenant.
 * - A refresh replaces the entity ID, SSO URL and signing certificates, except what the configuration gave by
 *   hand (those always win, as at start-up: SonarQube's "Manual" tab).
 * - A refresh that fails (HTTP error, timeout, metadata that does not parse or has no valid certificate) keeps
 *   the last good metadata and is tried again after another interval: an unreachable metadata URL must not
 *   lock every user out. It is logged; nothing the metadata host sent is echoed beyond that log line.
 * - Tenants given the IdP by hand, by file or inline XML are never refreshed.
 */
import forge from 'node-forge';
import type { Clock } from '../clock.ts';
import { parseIdpMetadata } from '../config/idp-metadata.ts';
import type { ResolvedIdp } from '../config/saml-section.ts';
import type { TenantConfig } from '../config/types.ts';
import type { Logger } from '../log.ts';
import { toPemCertificate } from './xml.ts';

/** A metadata host that does not answer within this time is a failed refresh. */
export const METADATA_FETCH_TIMEOUT_MS = 5_000;

export interface IdpTrust {
  /** The tenant with the IdP it trusts now, refreshing the IdP's metadata first when it is due. */
  current(tenant: TenantConfig): Promise<TenantConfig>;
}

interface Entry {
  tenant: TenantConfig;
  fetchedAt: number;
  inFlight: Promise<TenantConfig> | undefined;
}

export interface IdpTrustDeps {
  readonly clock: Clock;
  readonly log: Logger;
  readonly fetch?: typeof fetch;
}

async function fetchIdp(idp: ResolvedIdp, refresh: NonNullable<ResolvedIdp['refresh']>, doFetch: typeof fetch): Promise<ResolvedIdp> {
  const response = await doFetch(refresh.url, { signal: AbortSignal.timeout(METADATA_FETCH_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const parsed = parseIdpMetadata(await response.text());
  if (!parsed.ok) throw new Error(`metadata ${parsed.problems.join('; ')}`);
  const meta = parsed.value;
  const keep = (k: 'entityId' | 'ssoUrl' | 'signingCertificates') => refresh.overridden.includes(k);
  const certificates = keep('signingCertificates') ? idp.signingCertificates : meta.signingCertificates.map((c) => toPemCertificate(c));
  for (const pem of certificates) forge.pki.certificateFromPem(pem); // throws on a certificate that does not parse
  const ssoUrl = keep('ssoUrl') ? idp.ssoUrl : meta.ssoUrl;
  if (!ssoUrl) throw new Error('metadata has no SingleSignOnService');
  return { ...idp, entityId: keep('entityId') ? idp.entityId : meta.entityId, ssoUrl, signingCertificates: certificates };
}

export function createIdpTrust(tenants: readonly TenantConfig[], deps: IdpTrustDeps): IdpTrust {
  const start = deps.clock.now().getTime();
  const entries = new Map<string, Entry>();
  for (const t of tenants) if (t.saml.idp.refresh) entries.set(t.id, { tenant: t, fetchedAt: start, inFlight: undefined });

  const refreshed = async (entry: Entry): Promise<TenantConfig> => {
    const { tenant } = entry;
    const refresh = tenant.saml.idp.refresh!;
    try {
      const idp = await fetchIdp(tenant.saml.idp, refresh, deps.fetch ?? fetch);
      const changed =
        idp.entityId !== tenant.saml.idp.entityId || idp.ssoUrl !== tenant.saml.idp.ssoUrl || idp.signingCertificates.join() !== tenant.saml.idp.signingCertificates.join();
      entry.tenant = Object.freeze({ ...tenant, saml: Object.freeze({ ...tenant.saml, idp: Object.freeze(idp) }) });
      deps.log.log('info', 'saml.idp-metadata', { tenant: tenant.id, outcome: 'refreshed', changed, certificates: idp.signingCertificates.length });
    } catch (e) {
      deps.log.log('warn', 'saml.idp-metadata', { tenant: tenant.id, outcome: 'kept', reason: e instanceof Error ? e.message.slice(0, 200) : 'failed' });
    }
    entry.fetchedAt = deps.clock.now().getTime();
    return entry.tenant;
  };

  return {
    current(tenant) {
      const entry = entries.get(tenant.id);
      if (!entry) return Promise.resolve(tenant);
      if (entry.inFlight) return entry.inFlight;
      const due = deps.clock.now().getTime() - entry.fetchedAt >= entry.tenant.saml.idp.refresh!.everySeconds * 1000;
      if (!due) return Promise.resolve(entry.tenant);
      entry.inFlight = refreshed(entry).finally(() => {
        entry.inFlight = undefined;
      });
      return entry.inFlight;
    },
  };
}
