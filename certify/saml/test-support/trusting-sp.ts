/*
 * Test fixture: the bundled reference SP with tenants that trust the certify IdP (keys in a fresh data dir), and
 * the SamlCertifyTarget that certifies one of them SP-initiated with its whoami URL. Shared by the engine's tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../../../mock-idp/index.ts';
import { startReferenceSp } from '../../../steps/support/reference-sp-server.ts';
import type { SamlCertifyTarget } from '../contract.ts';
import { certifyIdp } from '../idp.ts';

export interface TrustingSp {
  readonly origin: string;
  /** Certifies `tenant`: its metadata, login URL and whoami (`user.userName`), alice as the user, bob as the victim. */
  target(tenant: string, rest?: Partial<SamlCertifyTarget>): SamlCertifyTarget;
  close(): Promise<void>;
}

/** `tenants`: id → SAML settings on top of trusting the certify IdP with just-in-time creation on. */
export async function startTrustingSp(tenants: Readonly<Record<string, Record<string, unknown>>>): Promise<TrustingSp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ssoh-certify-saml-test-'));
  const identities = { idp: { dataDir, port: 0 }, user: 'alice@example.com', victim: 'bob@example.com' };
  const saml = { idp: { metadataXml: certifyIdp(identities).metadataXml() }, autoProvisioningEnabled: true };
  const sp = await startReferenceSp({
    clock: systemClock,
    config: (origin) => ({ baseUrl: origin, tenants: Object.entries(tenants).map(([id, extra]) => ({ id, saml: { ...saml, ...extra } })) }),
  });
  return {
    origin: sp.origin,
    target(tenant, rest = {}) {
      const base = `${sp.origin}/saml/${tenant}`;
      return {
        ...identities,
        spMetadata: { url: `${base}/metadata` },
        loginUrl: `${base}/login`,
        whoami: { url: `${base}/me`, jsonPath: 'user.userName' },
        timeoutMs: 10_000,
        ...rest,
      };
    },
    async close() {
      await sp.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
