/*
 * Test fixture: a frozen clock, an IdP key pair, a resolved config for one tenant, the real SQLite store in
 * memory and the composed reference SP app.
 */
import type { Clock } from '../../clock.ts';
import { resolveConfig } from '../../config/resolve.ts';
import type { SamlTenantInput } from '../../config/saml-section.ts';
import type { ProfileName, ReferenceSpConfig } from '../../config/types.ts';
import { createMemoryLogger } from '../../log.ts';
import { createReferenceSp, type ReferenceSp } from '../../server/app.ts';
import { openStore } from '../../store/index.ts';
import { createSpKeys, type SpKeys } from '../keys.ts';
import { mintWithSamlify, type SamlifyMintOptions } from './samlify-idp.ts';

export const BASE_URL = 'http://sp.test';
export const IDP_ENTITY_ID = 'https://idp.example.test/metadata';
export const IDP_SSO_URL = 'https://idp.example.test/sso';

export class TestClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current.getTime());
  }
  set(iso: string): void {
    this.current = new Date(iso);
  }
  advance(seconds: number): void {
    this.current = new Date(this.current.getTime() + seconds * 1000);
  }
}

let idpKeys: SpKeys | undefined;
let otherKeys: SpKeys | undefined;
let spKeys: SpKeys | undefined;
export const testIdpKeys = (): SpKeys => (idpKeys ??= createSpKeys('test IdP'));
export const attackerKeys = (): SpKeys => (otherKeys ??= createSpKeys('attacker'));
export const testSpKeys = (): SpKeys => (spKeys ??= createSpKeys('test SP'));

export async function tenantConfig(saml: SamlTenantInput = {}, profile: ProfileName = 'generic', id = 'acme'): Promise<ReferenceSpConfig> {
  return resolveConfig({
    baseUrl: BASE_URL,
    tenants: [{ id, profile, saml: { idp: { entityId: IDP_ENTITY_ID, ssoUrl: IDP_SSO_URL, signingCertificates: [testIdpKeys().certificatePem] }, ...saml } }],
  });
}

export interface Harness {
  readonly sp: ReferenceSp;
  readonly clock: TestClock;
  readonly store: ReturnType<typeof openStore>;
  readonly log: ReturnType<typeof createMemoryLogger>;
  readonly tenantId: string;
  readonly acsUrl: string;
  readonly spEntityId: string;
  mint(o: Partial<Omit<SamlifyMintOptions, 'idp' | 'sp' | 'now'>> & { nameId?: string }): Promise<string>;
}

export async function harness(saml: SamlTenantInput = {}, profile: ProfileName = 'generic', now = '2026-01-01T00:00:00Z'): Promise<Harness> {
  const config = await tenantConfig(saml, profile);
  const clock = new TestClock(new Date(now));
  const store = openStore({ path: ':memory:', clock });
  const log = createMemoryLogger();
  const sp = createReferenceSp({ config, clock, store, log, spKeys: testSpKeys() });
  const tenant = config.tenants[0]!;
  return {
    sp,
    clock,
    store,
    log,
    tenantId: tenant.id,
    acsUrl: tenant.saml.acsUrls[0]!,
    spEntityId: tenant.saml.spEntityId,
    mint: (o) =>
      mintWithSamlify({
        idp: { entityId: IDP_ENTITY_ID, ssoUrl: IDP_SSO_URL, keys: testIdpKeys() },
        sp: { entityId: tenant.saml.spEntityId, acsUrl: tenant.saml.acsUrls[0]!, encryptionCertPem: testSpKeys().certificatePem },
        now: clock.now(),
        sign: 'both',
        nameId: 'alice@example.com',
        ...o,
      }),
  };
}
