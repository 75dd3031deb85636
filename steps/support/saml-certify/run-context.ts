/*
 * What every `@certify-saml` scenario of a run shares, resolved once per run (a module-level singleton, like the
 * SCIM target): the SP under test (certify/saml/target.ts), the in-process IdP that mints for it
 * (certify/saml/idp.ts) and, when verdicts must be inferred, the baseline's shapes (certify/saml/baseline.ts).
 * - `worldParameters.samlCertify` set: that SP (the run/CLI already served the IdP's metadata and ran the baseline)
 * - not set: the bundled reference SP, started in-process with one tenant, `certify`, that starts its own sign-ins,
 *   creates users at sign-in, requires email, firstName and lastName, and says who is signed in at
 *   /saml/certify/me (JSON path user.userName) — so `npm test` runs the whole catalog against it
 * Also once per run, on first use: where the wrapping and smuggling attacks keep a signature (a probe).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatedKeyPair, systemClock } from '../../../mock-idp/index.ts';
import type { CertifyContext } from '../../../certify/saml/attempt.ts';
import { baselineWith, type BaselineResult } from '../../../certify/saml/baseline.ts';
import { WORLD_PARAMETER, type SamlCertifyTarget } from '../../../certify/saml/contract.ts';
import { closeSharedBrowser } from '../../../certify/saml/driver/browser.ts';
import { driverFor } from '../../../certify/saml/driver/factory.ts';
import type { SamlDriver } from '../../../certify/saml/driver/driver.ts';
import { certifyIdp } from '../../../certify/saml/idp.ts';
import type { AnswerShape } from '../../../certify/saml/oracle.ts';
import { probeAttackSigning, type AttackSigning } from '../../../certify/saml/signature-placement.ts';
import { resolveSp } from '../../../certify/saml/target.ts';
import { startReferenceSp } from '../reference-sp-server.ts';

export interface CertifyRun {
  readonly ctx: CertifyContext;
  /** The bundled reference SP (started here) rather than a vendor's SP. */
  readonly bundled: boolean;
  newDriver(): SamlDriver;
  /** The baseline's shapes, for inferred verdicts; run once, on first use. */
  baseline(): Promise<BaselineResult>;
  /** Where the wrapping and smuggling attacks keep a signature, probed once, on first use (certify/saml/signature-placement.ts). */
  attackSigning(): Promise<AttackSigning>;
  close(): Promise<void>;
}

/** The bundled SP's tenant, and the identities the catalog signs in against it. */
export const BUNDLED_TENANT = 'certify';
export const BUNDLED_USER = 'alice@example.com';
export const BUNDLED_VICTIM = 'bob@example.com';

let pending: { key: string; run: Promise<CertifyRun> } | undefined;

/** The run's certify context for these world parameters, started on first use. */
export function certifyRun(parameters: unknown): Promise<CertifyRun> {
  const target = (parameters as Record<string, unknown> | undefined)?.[WORLD_PARAMETER] as SamlCertifyTarget | undefined;
  const key = JSON.stringify(target ?? null);
  if (pending?.key !== key) {
    const previous = pending;
    pending = { key, run: (previous ? previous.run.then((r) => r.close()).catch(() => undefined) : Promise.resolve()).then(() => (target ? forTarget(target) : bundled())) };
  }
  return pending.run;
}

/** Stops what the run started (AfterAll). */
export async function stopCertifyRun(): Promise<void> {
  const current = pending;
  pending = undefined;
  const run = await current?.run.catch(() => undefined);
  await run?.close();
  await closeSharedBrowser();
}

function withBaseline(ctx: CertifyContext, bundledSp: boolean, close: () => Promise<void>): CertifyRun {
  let baseline: Promise<BaselineResult> | undefined;
  let attackSigning: Promise<AttackSigning> | undefined;
  const newDriver = () => driverFor(ctx.target, ctx.sp, ctx.idp.baseUrl);
  const run: CertifyRun = {
    ctx,
    bundled: bundledSp,
    newDriver,
    baseline: () => {
      baseline ??= baselineWith(ctx, newDriver);
      return baseline;
    },
    attackSigning: () => {
      attackSigning ??= inferenceBaseline(run).then((shapes) => probeAttackSigning(ctx, newDriver, shapes));
      return attackSigning;
    },
    close,
  };
  return run;
}

/** The baseline's shapes when verdicts are inferred (no whoami URL); undefined with a whoami URL. */
export async function inferenceBaseline(run: CertifyRun): Promise<{ signedIn: AnswerShape; garbage: AnswerShape } | undefined> {
  if (run.ctx.target.whoami) return undefined;
  const baseline = await run.baseline();
  if (!baseline.observation) throw new Error(`the baseline failed, so no verdict can be inferred: ${baseline.diagnosis ?? ''}`);
  return { signedIn: baseline.observation.signedIn, garbage: baseline.observation.garbage };
}

async function forTarget(target: SamlCertifyTarget): Promise<CertifyRun> {
  const sp = await resolveSp(target);
  return withBaseline({ target, sp, idp: certifyIdp(target, sp) }, false, async () => {});
}

async function bundled(): Promise<CertifyRun> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ssoh-certify-saml-idp-'));
  // The IdP would generate its signing and rogue keys into the new data directory (two RSA key generations per
  // run and worker); it finds this process's generated pairs there instead, in the `npm start` layout.
  for (const name of ['signing', 'rogue']) {
    const pair = generatedKeyPair(name, systemClock);
    writeFileSync(join(dataDir, `idp-${name}.key.pem`), pair.privateKeyPem, { mode: 0o600 });
    writeFileSync(join(dataDir, `idp-${name}.crt.pem`), pair.certificatePem);
  }
  const identities = { idp: { dataDir, port: 0 }, user: BUNDLED_USER, victim: BUNDLED_VICTIM };
  const idp = certifyIdp(identities);
  const server = await startReferenceSp({
    clock: systemClock,
    config: (origin) => ({
      baseUrl: origin,
      dataDir: ':memory:',
      tenants: [
        {
          id: BUNDLED_TENANT,
          profile: 'generic',
          saml: {
            idp: { metadataXml: idp.metadataXml() },
            autoProvisioningEnabled: true,
            attributeMapping: { login: 'NameID', email: 'email', firstName: 'firstName', lastName: 'lastName' },
            requiredAttributes: ['email', 'firstName', 'lastName'],
          },
          scim: {},
        },
      ],
    }),
  });
  const base = `${server.origin}/saml/${BUNDLED_TENANT}`;
  const target: SamlCertifyTarget = {
    ...identities,
    spMetadata: { url: `${base}/metadata` },
    loginUrl: `${base}/login`,
    whoami: { url: `${base}/me`, jsonPath: 'user.userName' },
    timeoutMs: 15_000,
  };
  try {
    const sp = await resolveSp(target);
    idp.control.registerSp(sp.registration);
    return withBaseline({ target, sp, idp }, true, async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    });
  } catch (error) {
    await server.close();
    throw error;
  }
}
