/*
 * The IdP a tenant trusts right now, for tenants that import the IdP's metadata from a URL (SonarQube's
 * "Automatic" tab, "Metadata URL"; NinjaOne's "Import Metadata from: URL"). Metadata is published so that a
 * relying party can follow the IdP's changes — a new signing certificate above all — without anyone editing
 * its configuration (saml-metadata §4.1: metadata is published at a well-known location and retrieved by
 * the consumer; §2.3.2 `cacheDuration`/`validUntil`: how long a copy may be relied upon; §4.3.1 caching).
 *
 * - Metadata fetched at start-up (../config/resolve.ts) is fetched again at the first sign-in (login or ACS)
 *   after it is due, by the scenario's clock; one fetch at a time per tenant. When it is due:
 *   ./metadata-trust/refresh-schedule.ts (the configured idp.metadataRefreshSeconds is the upper bound; the
 *   document's cacheDuration, floored, and its validUntil can only make it sooner).
 * - A refresh replaces the entity ID, SSO URL, signing certificates and the metadata's validity, except what
 *   the configuration gave by hand (those always win, as at start-up: SonarQube's "Manual" tab). Several
 *   signing certificates are a key rollover: any of them verifies; a key the IdP dropped is refused after it.
 * - A refreshed document is held to the start-up rules: signed by idp.metadataSigningCertificate when one is
 *   configured (metadata/signature-missing, metadata/signature-invalid), not expired (metadata/expired).
 * - A refresh that fails (HTTP error, timeout, oversized body, metadata that does not parse, is refused by
 *   those rules or has no valid certificate) keeps the last good metadata and is tried again later
 *   (./metadata-trust/refresh-schedule.ts retryAt): an unreachable metadata URL must not lock every user out.
 *   It is logged with its code; nothing the metadata host sent is echoed beyond that log line. The kept copy
 *   is trusted until its own validUntil only: past it, sign-ins are refused with metadata/expired
 *   (./metadata-trust/check-metadata-valid.ts).
 * - Tenants given the IdP by hand, by file or inline XML are never refreshed (their validUntil still applies).
 */
import forge from 'node-forge';
import type { Clock } from '../clock.ts';
import { parseIdpMetadata } from '../config/idp-metadata.ts';
import type { ResolvedIdp } from '../config/saml-section.ts';
import type { TenantConfig } from '../config/types.ts';
import type { Logger } from '../log.ts';
import { fetchMetadataXml } from './metadata-trust/fetch-metadata.ts';
import { nextRefreshAt, retryAt } from './metadata-trust/refresh-schedule.ts';
import { toPemCertificate } from './xml.ts';

export { METADATA_FETCH_TIMEOUT_MS } from './metadata-trust/fetch-metadata.ts';

export interface IdpTrust {
  /** The tenant with the IdP it trusts now, refreshing the IdP's metadata first when it is due. */
  current(tenant: TenantConfig): Promise<TenantConfig>;
}

interface Entry {
  tenant: TenantConfig;
  /** When the metadata is next fetched (ms since the epoch, by the injected clock). */
  dueAt: number;
  inFlight: Promise<TenantConfig> | undefined;
}

export interface IdpTrustDeps {
  readonly clock: Clock;
  readonly log: Logger;
  readonly fetch?: typeof fetch;
}

/** A refusal worth logging by its code (metadata/expired …) rather than by a message. */
class RefreshRefused extends Error {
  constructor(
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

const validityOf = (idp: ResolvedIdp) => ({
  validUntil: idp.validUntil === undefined ? undefined : new Date(idp.validUntil),
  cacheDurationSeconds: idp.cacheDurationSeconds,
});

async function fetchIdp(tenant: TenantConfig, refresh: NonNullable<ResolvedIdp['refresh']>, doFetch: typeof fetch, now: Date): Promise<ResolvedIdp> {
  const idp = tenant.saml.idp;
  const parsed = parseIdpMetadata(await fetchMetadataXml(refresh.url, doFetch), {
    signingCertificate: idp.metadataSigningCertificate,
    algorithms: tenant.saml,
    now,
  });
  if (!parsed.ok) throw new RefreshRefused(parsed.code, `metadata ${parsed.problems.join('; ')}`);
  const meta = parsed.value;
  const keep = (k: 'entityId' | 'ssoUrl' | 'signingCertificates') => refresh.overridden.includes(k);
  const certificates = keep('signingCertificates') ? idp.signingCertificates : meta.signingCertificates.map((c) => toPemCertificate(c));
  for (const pem of certificates) forge.pki.certificateFromPem(pem); // throws on a certificate that does not parse
  const ssoUrl = keep('ssoUrl') ? idp.ssoUrl : meta.ssoUrl;
  if (!ssoUrl) throw new Error('metadata has no SingleSignOnService');
  const { validUntil: _v, cacheDurationSeconds: _c, ...rest } = idp;
  return {
    ...rest,
    entityId: keep('entityId') ? idp.entityId : meta.entityId,
    ssoUrl,
    signingCertificates: certificates,
    ...(meta.validUntil ? { validUntil: meta.validUntil.toISOString() } : {}),
    ...(meta.cacheDurationSeconds !== undefined ? { cacheDurationSeconds: meta.cacheDurationSeconds } : {}),
  };
}

export function createIdpTrust(tenants: readonly TenantConfig[], deps: IdpTrustDeps): IdpTrust {
  const start = deps.clock.now().getTime();
  const entries = new Map<string, Entry>();
  for (const t of tenants) {
    const refresh = t.saml.idp.refresh;
    if (refresh) entries.set(t.id, { tenant: t, dueAt: nextRefreshAt(start, refresh.everySeconds, validityOf(t.saml.idp)), inFlight: undefined });
  }

  const refreshed = async (entry: Entry): Promise<TenantConfig> => {
    const { tenant } = entry;
    const refresh = tenant.saml.idp.refresh!;
    const now = deps.clock.now();
    try {
      const idp = await fetchIdp(tenant, refresh, deps.fetch ?? fetch, now);
      const changed =
        idp.entityId !== tenant.saml.idp.entityId || idp.ssoUrl !== tenant.saml.idp.ssoUrl || idp.signingCertificates.join() !== tenant.saml.idp.signingCertificates.join();
      entry.tenant = Object.freeze({ ...tenant, saml: Object.freeze({ ...tenant.saml, idp: Object.freeze(idp) }) });
      entry.dueAt = nextRefreshAt(now.getTime(), refresh.everySeconds, validityOf(idp));
      deps.log.log('info', 'saml.idp-metadata', {
        tenant: tenant.id,
        outcome: 'refreshed',
        changed,
        certificates: idp.signingCertificates.length,
        validUntil: idp.validUntil,
        nextRefresh: new Date(entry.dueAt).toISOString(),
      });
    } catch (e) {
      entry.dueAt = retryAt(now.getTime(), refresh.everySeconds, validityOf(tenant.saml.idp));
      deps.log.log('warn', 'saml.idp-metadata', {
        tenant: tenant.id,
        outcome: 'kept',
        code: e instanceof RefreshRefused ? e.code : undefined,
        reason: e instanceof Error ? e.message.slice(0, 200) : 'failed',
        keptValidUntil: tenant.saml.idp.validUntil,
        nextRefresh: new Date(entry.dueAt).toISOString(),
      });
    }
    return entry.tenant;
  };

  return {
    current(tenant) {
      const entry = entries.get(tenant.id);
      if (!entry) return Promise.resolve(tenant);
      if (entry.inFlight) return entry.inFlight;
      if (deps.clock.now().getTime() < entry.dueAt) return Promise.resolve(entry.tenant);
      entry.inFlight = refreshed(entry).finally(() => {
        entry.inFlight = undefined;
      });
      return entry.inFlight;
    },
  };
}
