/*
 * SAML validation benchmark (not a test): `node --import tsx bench/saml-validate.ts`, or benchSaml() from
 * bench/run.ts. Issue 15, second goal: the reference SP validates ≥ 2× as many responses per second as
 * @node-saml/node-saml, with every check on.
 *
 * The inputs are minted by the mock IdP's Response builder (Response + Assertion signed, RSA-SHA256); minting
 * is not timed here (bench/saml-mint.ts measures it). Then, on the same responses, in the same process and run:
 * - the reference SP's ACS pipeline: all of its checks (ACS_PIPELINE), the replay store and the outstanding
 *   request store in SQLite (in memory), the user lookup and JIT creation in the SQLite directory;
 * - node-saml's validatePostResponseAsync. node-saml does less (no Issuer check, no replay cache, no user store).
 * Each validator is warmed on responses of its own first. Reports responses/s and the ratio against the goal.
 * Knob: BENCH_SAML_N (default 300).
 */
import { performance } from 'node:perf_hooks';
import { SAML, ValidateInResponseTo } from '@node-saml/node-saml';
import { responseBuilder } from '../mock-idp/saml/assertion-builder/builder.ts';
import { generatedKeyPair } from '../mock-idp/saml/keys/key-store.ts';
import { resolveConfig } from '../reference-sp/config/index.ts';
import type { TenantConfig } from '../reference-sp/config/types.ts';
import { createSpKeys } from '../reference-sp/saml/keys.ts';
import { ACS_PIPELINE, runAcsPipeline } from '../reference-sp/saml/pipeline.ts';
import { storedReplayCache } from '../reference-sp/saml/replay-cache.ts';
import { storedOutstandingRequests } from '../reference-sp/sign-in/request-store.ts';
import type { AcsDeps } from '../reference-sp/saml/state.ts';
import { openStore, type Store } from '../reference-sp/store/index.ts';
import { BENCH_IDP, BENCH_SP } from './saml-parties.ts';

const IDP = BENCH_IDP;
const SP = BENCH_SP;
/** Issue 15: validation at least twice node-saml's rate. */
export const SAML_VALIDATE_GOAL = 2;
const WARMUP = 30;

export interface SamlBenchResult {
  readonly n: number;
  readonly checks: number;
  readonly referenceSpPerSecond: number;
  readonly nodeSamlPerSecond: number;
  readonly ratio: number;
}

/** What both validators are given: `warmup` + `n` distinct valid responses, and each side set up to accept them. */
export interface SamlValidateSetup {
  readonly responses: readonly string[];
  readonly tenant: TenantConfig;
  readonly deps: AcsDeps;
  readonly store: Store;
  readonly nodeSaml: SAML;
}

export async function prepareSamlValidate(count: number): Promise<SamlValidateSetup> {
  const now = new Date();
  const clock = { now: () => now };
  const keys = generatedKeyPair('bench-idp', clock);
  const responses: string[] = [];
  for (let i = 0; i < count; i++) {
    const built = await responseBuilder({ clock, keys: { signing: keys, rogue: keys }, issuer: IDP.entityId })
      .forSp(SP.entityId, SP.acsUrl)
      .nameId(`user${i}@example.com`)
      .signBoth()
      .build();
    responses.push(built.base64);
  }
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
  const store = openStore({ path: ':memory:', clock });
  store.ensureTenant('acme', 'generic');
  const deps: AcsDeps = {
    clock,
    spKeys: createSpKeys('bench SP'),
    requests: storedOutstandingRequests(store, clock),
    replay: storedReplayCache(store, clock),
    directory: store,
  };
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
  return { responses, tenant: config.tenants[0]!, deps, store, nodeSaml };
}

async function perSecond(responses: readonly string[], body: (samlResponse: string) => Promise<unknown>): Promise<number> {
  const start = performance.now();
  for (const r of responses) await body(r);
  return responses.length / ((performance.now() - start) / 1000);
}

export async function benchSaml(n = Number(process.env['BENCH_SAML_N'] ?? 300)): Promise<SamlBenchResult> {
  const setup = await prepareSamlValidate(WARMUP + n);
  const warm = setup.responses.slice(0, WARMUP);
  const timedResponses = setup.responses.slice(WARMUP);
  let refused = 0;
  const ours = async (samlResponse: string) => {
    const result = await runAcsPipeline({ tenant: setup.tenant, samlResponse }, setup.deps);
    if (!result.ok) refused++;
  };
  const theirs = (samlResponse: string) => setup.nodeSaml.validatePostResponseAsync({ SAMLResponse: samlResponse });
  try {
    // Each validator warms on responses of its own: the reference SP would refuse a second use as a replay.
    await perSecond(warm, ours);
    await perSecond(warm, theirs);
    const referenceSpPerSecond = await perSecond(timedResponses, ours);
    const nodeSamlPerSecond = await perSecond(timedResponses, theirs);
    if (refused > 0) throw new Error(`the reference SP refused ${refused} valid responses: the benchmark is not measuring acceptance`);
    return { n, checks: ACS_PIPELINE.length, referenceSpPerSecond, nodeSamlPerSecond, ratio: referenceSpPerSecond / nodeSamlPerSecond };
  } finally {
    setup.store.close();
  }
}

export function formatSamlBench(r: SamlBenchResult): string {
  const f = (x: number) => x.toFixed(0).padStart(6);
  const met = r.ratio >= SAML_VALIDATE_GOAL ? 'met' : 'NOT met';
  return [
    `SAML validation (${r.n} responses minted by the mock IdP, Response + Assertion signed, RSA-SHA256)`,
    `  reference SP ACS, all ${r.checks} checks, replay + request stores, user lookup ${f(r.referenceSpPerSecond)}/s`,
    `  node-saml validatePostResponseAsync                                    ${f(r.nodeSamlPerSecond)}/s`,
    `  ratio ${r.ratio.toFixed(2)}× (goal ≥ ${SAML_VALIDATE_GOAL}×: ${met})`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(formatSamlBench(await benchSaml()) + '\n');
}
