/*
 * SAML benchmark (not a test): `node --import tsx bench/saml-validate.ts`, or benchSaml() from bench/run.ts.
 *
 * 1. Mint: the mock IdP's Response builder vs samlify's IdP (createLoginResponse), both signing Response and
 *    Assertion with RSA-SHA256, the same number of responses, in the same process and run.
 * 2. Validate: the reference SP's ACS pipeline (all 17 checks, replay cache and user lookup included) vs
 *    @node-saml/node-saml's validatePostResponseAsync, on the same responses. node-saml does less (no Issuer
 *    check, no replay cache, no user store), so a ratio near 1 means the extra checks cost little.
 * Reports operations/s and the ratios. Knob: BENCH_SAML_N (default 300).
 */
import { performance } from 'node:perf_hooks';
import { SAML, ValidateInResponseTo } from '@node-saml/node-saml';
import { generatedKeyPair, responseBuilder } from '../mock-idp/index.ts';
import { resolveConfig } from '../reference-sp/config/index.ts';
import { createSpKeys } from '../reference-sp/saml/keys.ts';
import { runAcsPipeline } from '../reference-sp/saml/pipeline.ts';
import { createReplayCache } from '../reference-sp/saml/replay-cache.ts';
import { createOutstandingRequests } from '../reference-sp/saml/request-store.ts';
import { openStore } from '../reference-sp/store/index.ts';
import { mintWithSamlify } from '../reference-sp/saml/test-support/samlify-idp.ts';

const IDP = { entityId: 'https://idp.bench.test/metadata', ssoUrl: 'https://idp.bench.test/sso' };
const SP = { entityId: 'https://sp.bench.test/saml/acme/metadata', acsUrl: 'https://sp.bench.test/saml/acme/acs' };

export interface SamlBenchResult {
  readonly n: number;
  readonly mint: { readonly mockIdpPerSecond: number; readonly samlifyPerSecond: number; readonly ratio: number };
  readonly validate: { readonly referenceSpPerSecond: number; readonly nodeSamlPerSecond: number; readonly ratio: number };
}

async function timed(n: number, body: (i: number) => Promise<unknown>): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < n; i++) await body(i);
  return n / ((performance.now() - start) / 1000);
}

export async function benchSaml(n = Number(process.env['BENCH_SAML_N'] ?? 300)): Promise<SamlBenchResult> {
  const now = new Date();
  const clock = { now: () => now };
  const keys = generatedKeyPair('bench-idp', clock);
  const builder = () => responseBuilder({ clock, keys: { signing: keys, rogue: keys }, issuer: IDP.entityId });

  // Warm both paths once (JIT, module caches) before timing.
  await builder().forSp(SP.entityId, SP.acsUrl).nameId('warm@example.com').build();
  await mintWithSamlify({ idp: { ...IDP, keys }, sp: SP, sign: 'both', now, nameId: 'warm@example.com' });

  const minted: string[] = [];
  const mockIdpPerSecond = await timed(n, async (i) => {
    const built = await builder().forSp(SP.entityId, SP.acsUrl).nameId(`user${i}@example.com`).signBoth().build();
    minted.push(built.base64);
  });
  const samlifyPerSecond = await timed(n, (i) => mintWithSamlify({ idp: { ...IDP, keys }, sp: SP, sign: 'both', now, nameId: `user${i}@example.com` }));

  const config = await resolveConfig({
    baseUrl: 'https://sp.bench.test',
    tenants: [
      {
        id: 'acme',
        profile: 'generic',
        saml: {
          idp: { entityId: IDP.entityId, ssoUrl: IDP.ssoUrl, signingCertificates: [keys.certificatePem] },
          allowUnsolicited: true,
          autoProvisioningEnabled: true,
          wantResponseSigned: true,
        },
      },
    ],
  });
  const tenant = config.tenants[0]!;
  const store = openStore({ path: ':memory:', clock });
  store.ensureTenant('acme', 'generic');
  const deps = { clock, spKeys: createSpKeys('bench SP'), requests: createOutstandingRequests(clock), replay: createReplayCache(clock), directory: store };
  const nodeSaml = new SAML({
    callbackUrl: SP.acsUrl,
    issuer: SP.entityId,
    audience: SP.entityId,
    idpCert: keys.certificatePem,
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: true,
    validateInResponseTo: ValidateInResponseTo.never,
    acceptedClockSkewMs: 60_000,
  });

  let refused = 0;
  const referenceSpPerSecond = await timed(n, async (i) => {
    const result = await runAcsPipeline({ tenant, samlResponse: minted[i] }, deps);
    if (!result.ok) refused++;
  });
  const nodeSamlPerSecond = await timed(n, async (i) => {
    await nodeSaml.validatePostResponseAsync({ SAMLResponse: minted[i]! });
  });
  store.close();
  if (refused > 0) throw new Error(`the reference SP refused ${refused} of ${n} valid responses: the benchmark is not measuring acceptance`);

  return {
    n,
    mint: { mockIdpPerSecond, samlifyPerSecond, ratio: mockIdpPerSecond / samlifyPerSecond },
    validate: { referenceSpPerSecond, nodeSamlPerSecond, ratio: referenceSpPerSecond / nodeSamlPerSecond },
  };
}

export function formatSamlBench(r: SamlBenchResult): string {
  const f = (x: number) => x.toFixed(0).padStart(7);
  return [
    `SAML (${r.n} responses, Response + Assertion signed, RSA-SHA256)`,
    `  mint      mock IdP builder ${f(r.mint.mockIdpPerSecond)}/s   samlify ${f(r.mint.samlifyPerSecond)}/s   ratio ${r.mint.ratio.toFixed(2)}×`,
    `  validate  reference SP ACS ${f(r.validate.referenceSpPerSecond)}/s   node-saml ${f(r.validate.nodeSamlPerSecond)}/s   ratio ${r.validate.ratio.toFixed(2)}×`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(formatSamlBench(await benchSaml()) + '\n');
}
