/*
 * SAML minting benchmark (not a test): `node --import tsx bench/saml-mint.ts`, or benchSamlMint() from
 * bench/run.ts. Issue 15, first goal: minting ≥ 0.5× the raw RSA-sign limit and ≥ 3× samlify, measured in one run.
 *
 * 1. Limit: node:crypto `sign('sha256', …)` with a KeyObject over a digest-sized input, per second, on one core;
 *    a Response with Response and Assertion signed needs two such signatures, so the limit is half of that.
 * 2. Mock IdP: `responseBuilder(...).forSp().nameId().signBoth().build()`, the call chain the mock IdP serves.
 * 3. samlify: its IdP's createLoginResponse (../reference-sp/saml/test-support/samlify-idp.ts), the same
 *    Response + Assertion signed with RSA-SHA256, the same number of responses.
 * 4. Encrypted: the mock IdP with the signed Assertion encrypted to an SP certificate (AES-256-GCM, RSA-OAEP),
 *    which adds one RSA public-key operation (key transport) and the AES pass.
 * The four are measured in interleaved rounds of 20, so load from elsewhere on the machine falls on all of them.
 * Knob: BENCH_MINT_N (default 300 responses).
 */
import { createPrivateKey, sign } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { responseBuilder } from '../mock-idp/saml/assertion-builder/builder.ts';
import { generatedKeyPair } from '../mock-idp/saml/keys/key-store.ts';
import { mintWithSamlify } from '../reference-sp/saml/test-support/samlify-idp.ts';
import { BENCH_IDP, BENCH_SP } from './saml-parties.ts';

const IDP = BENCH_IDP;
const SP = BENCH_SP;

export interface SamlMintResult {
  readonly n: number;
  /** RSA-2048 SHA-256 signatures per second with node:crypto and a KeyObject. */
  readonly rsaSignsPerSecond: number;
  /** Responses per second if signing were all it cost (two signatures each). */
  readonly limitPerSecond: number;
  readonly mockIdpPerSecond: number;
  readonly samlifyPerSecond: number;
  readonly encryptedPerSecond: number;
}

/**
 * Operations per second of each body, measured in interleaved rounds of `chunk` operations, so that load from
 * elsewhere on the machine falls on every row alike and the ratios stay meaningful.
 */
async function interleaved<K extends string>(n: number, chunk: number, bodies: Record<K, (i: number) => unknown>): Promise<Record<K, number>> {
  const ms = Object.fromEntries(Object.keys(bodies).map((k) => [k, 0])) as Record<K, number>;
  for (let done = 0; done < n; done += chunk) {
    for (const key of Object.keys(bodies) as K[]) {
      const start = performance.now();
      for (let i = done; i < Math.min(n, done + chunk); i++) await bodies[key](i);
      ms[key] += performance.now() - start;
    }
  }
  return Object.fromEntries(Object.entries(ms).map(([k, t]) => [k, n / ((t as number) / 1000)])) as Record<K, number>;
}

export async function benchSamlMint(n = Number(process.env['BENCH_MINT_N'] ?? 300)): Promise<SamlMintResult> {
  const now = new Date();
  const clock = { now: () => now };
  const keys = generatedKeyPair('bench-idp', clock);
  const spEncryption = generatedKeyPair('bench-sp-encryption', clock);
  const builder = () => responseBuilder({ clock, keys: { signing: keys, rogue: keys }, issuer: IDP.entityId });
  const mint = (i: number) => builder().forSp(SP.entityId, SP.acsUrl).nameId(`user${i}@example.com`).signBoth().build();
  const mintEncrypted = (i: number) =>
    builder()
      .forSp(SP.entityId, SP.acsUrl)
      .nameId(`user${i}@example.com`)
      .signBoth()
      .encryptTo(spEncryption.certificatePem, { dataAlgorithm: 'aes256-gcm', keyAlgorithm: 'rsa-oaep' })
      .build();
  const samlify = (i: number) => mintWithSamlify({ idp: { ...IDP, keys }, sp: SP, sign: 'both', now, nameId: `user${i}@example.com` });

  // Warm every path once (JIT, module caches) before timing.
  const key = createPrivateKey(keys.privateKeyPem);
  const digestSized = Buffer.alloc(32, 7);
  for (let i = 0; i < 20; i++) sign('sha256', digestSized, key);
  await mint(0);
  await mintEncrypted(0);
  await samlify(0);

  const perSecond = await interleaved(n, 20, {
    // Two signatures per iteration: the limit in responses per second directly.
    limit: () => [sign('sha256', digestSized, key), sign('sha256', digestSized, key)],
    mockIdp: mint,
    samlify,
    encrypted: mintEncrypted,
  });
  return {
    n,
    rsaSignsPerSecond: perSecond.limit * 2,
    limitPerSecond: perSecond.limit,
    mockIdpPerSecond: perSecond.mockIdp,
    samlifyPerSecond: perSecond.samlify,
    encryptedPerSecond: perSecond.encrypted,
  };
}

export function formatSamlMint(r: SamlMintResult): string {
  const f = (x: number) => x.toFixed(0).padStart(5);
  const ofLimit = (x: number) => `${(x / r.limitPerSecond).toFixed(2)}× of limit`;
  return [
    `SAML minting (${r.n} responses, Response + Assertion signed, RSA-SHA256)`,
    `  limit      node:crypto RSA-2048 sign ${f(r.rsaSignsPerSecond)}/s   2 signatures/response → ${f(r.limitPerSecond)}/s`,
    `  mint       mock IdP ${f(r.mockIdpPerSecond)}/s   samlify ${f(r.samlifyPerSecond)}/s   ratio ${(r.mockIdpPerSecond / r.samlifyPerSecond).toFixed(2)}×` +
      `   limit ${f(r.limitPerSecond)}/s   ${ofLimit(r.mockIdpPerSecond)}`,
    `  encrypted  mock IdP ${f(r.encryptedPerSecond)}/s (assertion AES-256-GCM, key RSA-OAEP)   ${ofLimit(r.encryptedPerSecond)}`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(`${formatSamlMint(await benchSamlMint())}\n`);
}
