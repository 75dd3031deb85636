/*
 * Hostile-message benchmark (not a test): `node --import tsx bench/saml-hostile.ts`, or benchSamlHostile()
 * from bench/run.ts. Issue 8 item 4: a 476 KB response of ~120k empty elements, signed by a key the SP does
 * not trust, kept the reference SP busy for seconds before the signature was found untrusted. Goal: no message
 * within the ACS body limit (2 MB of form data, so ~1.5 MB of XML) costs more than 100 ms of SP time.
 *
 * 1. Cost: each hostile message through the reference SP's whole ACS pipeline (base64 decode included, HTTP
 *    form parsing not) vs the same message through @node-saml/node-saml's validatePostResponseAsync, best of
 *    a few runs after a warm-up, with the ratio node-saml / reference SP. node-saml is the peer, not the goal.
 * 2. Decryption timing: the mean time of the ACS's one answer (decryption/failed) for bad CBC padding, good
 *    padding with garbage plaintext, a decrypted assertion that does not parse, a failed key transport and a
 *    GCM tag mismatch. Close means is what "as far as practical" buys; it is not a constant-time proof.
 * node-saml runs in a worker thread with a time budget per message (BENCH_HOSTILE_NODE_SAML_BUDGET_S, default
 * 30 s): on the largest messages it does not finish in minutes, and a budget reached is reported as such.
 * The bound is checked against the SP's CPU time (process.cpuUsage, user + system, best of the runs): on a shared
 * 2-core machine other processes stretch wall time by whatever the scheduler gives them, not by what the message
 * costs. The wall time is printed beside it.
 * Knobs: BENCH_HOSTILE_RUNS (default 5), BENCH_HOSTILE_DECRYPT_N (default 200).
 */
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { resolveConfig } from '../reference-sp/config/index.ts';
import { createSpKeys } from '../reference-sp/saml/keys.ts';
import { runAcsPipeline, type AcsResult } from '../reference-sp/saml/pipeline.ts';
import { storedReplayCache } from '../reference-sp/saml/replay-cache.ts';
import { storedOutstandingRequests } from '../reference-sp/sign-in/request-store.ts';
import type { AcsDeps } from '../reference-sp/saml/state.ts';
import { b64, responseXml, sign, type CraftOptions } from '../reference-sp/saml/test-support/craft.ts';
import { encryptedAssertionXml, type RawEncryptOptions } from '../reference-sp/saml/test-support/encrypt.ts';
import { hostileResponseXml, type HostileOptions } from '../reference-sp/saml/test-support/hostile.ts';
import { openStore } from '../reference-sp/store/index.ts';
import { BENCH_IDP, BENCH_SP } from './saml-parties.ts';

const IDP = BENCH_IDP;
const SP = BENCH_SP;

export interface HostileCase {
  readonly name: string;
  readonly kilobytes: number;
  readonly elements: number;
  readonly referenceSpMs: number;
  /** CPU time (user + system) of the same best run, in ms: what the bound is checked against. */
  readonly referenceSpCpuMs: number;
  readonly referenceSpAnswer: string;
  /** node-saml's time, or the budget when it had not finished by then (see nodeSamlFinished). */
  readonly nodeSamlMs: number;
  readonly nodeSamlFinished: boolean;
  readonly nodeSamlAnswer: string;
  /** node-saml time / reference SP time: above 1, the reference SP is cheaper (a lower bound when unfinished). */
  readonly ratio: number;
}

export interface DecryptTiming {
  readonly name: string;
  readonly meanMicroseconds: number;
  readonly answer: string;
}

export interface SamlHostileResult {
  readonly cases: readonly HostileCase[];
  readonly decryption: readonly DecryptTiming[];
  /** Largest reference SP CPU time over all cases, in ms (goal < HOSTILE_BOUND_MS). */
  readonly worstReferenceSpMs: number;
}

/** Issue 8 item 4: no message within the ACS body limit may cost the SP more than this. */
export const HOSTILE_BOUND_MS = 100;

/** The best of `runs`; each run's input is prepared (`prepare`) outside the timed part. */
async function best<T>(runs: number, prepare: () => T, body: (input: T) => Promise<string>): Promise<{ ms: number; cpuMs: number; answer: string }> {
  let ms = Infinity;
  let cpuMs = Infinity;
  let answer = '';
  for (let i = 0; i < runs; i++) {
    const input = prepare();
    const cpu = process.cpuUsage();
    const start = performance.now();
    answer = await body(input);
    ms = Math.min(ms, performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpuMs = Math.min(cpuMs, (used.user + used.system) / 1000);
  }
  return { ms, cpuMs, answer };
}

const verdict = (r: AcsResult) => (r.ok ? 'accepted' : r.rejection.code);

/*
 * node-saml's validatePostResponseAsync in a worker: warmed on an ordinary response, then the best of `runs`
 * on the hostile one, stopped when the budget runs out (it blocks its thread, so only terminate() stops it).
 */
const NODE_SAML_WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
const { SAML, ValidateInResponseTo } = require(workerData.nodeSamlPath);
const saml = new SAML({ ...workerData.options, validateInResponseTo: ValidateInResponseTo.never });
const once = async (SAMLResponse) => {
  try { await saml.validatePostResponseAsync({ SAMLResponse }); return 'accepted'; }
  catch (e) { return 'refused (' + String(e && e.message).slice(0, 40) + ')'; }
};
(async () => {
  await once(workerData.warmup);
  let ms = Infinity, answer = '';
  for (let i = 0; i < workerData.runs; i++) {
    const start = performance.now();
    answer = await once(workerData.samlResponse);
    ms = Math.min(ms, performance.now() - start);
  }
  parentPort.postMessage({ ms, answer });
})();
`;

function nodeSamlCost(options: object, warmup: string, samlResponse: string, runs: number, budgetMs: number): Promise<{ ms: number; answer: string; finished: boolean }> {
  const nodeSamlPath = createRequire(import.meta.url).resolve('@node-saml/node-saml');
  const worker = new Worker(NODE_SAML_WORKER, { eval: true, workerData: { nodeSamlPath, options, warmup, samlResponse, runs } });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ ms: budgetMs, answer: `not finished after ${budgetMs / 1000} s`, finished: false });
    }, budgetMs);
    worker.once('message', (m: { ms: number; answer: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve({ ...m, finished: true });
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

export interface SamlHostileOptions {
  readonly runs?: number;
  readonly decryptN?: number;
  readonly nodeSamlBudgetSeconds?: number;
  /** Called as each case is measured (the whole run takes minutes because of node-saml). */
  readonly onCase?: (c: HostileCase) => void;
}

export async function benchSamlHostile(o: SamlHostileOptions = {}): Promise<SamlHostileResult> {
  const runs = o.runs ?? Number(process.env['BENCH_HOSTILE_RUNS'] ?? 5);
  const decryptN = o.decryptN ?? Number(process.env['BENCH_HOSTILE_DECRYPT_N'] ?? 200);
  const budgetMs = 1000 * (o.nodeSamlBudgetSeconds ?? Number(process.env['BENCH_HOSTILE_NODE_SAML_BUDGET_S'] ?? 30));
  const now = new Date();
  const clock = { now: () => now };
  const idpKeys = createSpKeys('bench IdP');
  const attacker = createSpKeys('bench attacker');
  const spKeys = createSpKeys('bench SP');
  const config = await resolveConfig({
    baseUrl: 'https://sp.bench.test',
    tenants: [
      {
        id: 'acme',
        profile: 'generic',
        saml: { idp: { entityId: IDP.entityId, ssoUrl: IDP.ssoUrl, signingCertificates: [idpKeys.certificatePem] }, allowUnsolicited: true, autoProvisioningEnabled: true },
      },
    ],
  });
  const tenant = config.tenants[0]!;
  const store = openStore({ path: ':memory:', clock });
  store.ensureTenant('acme', 'generic');
  // Fresh replay and request state per run (an in-memory SQLite store, opened before the timer starts), so an
  // accepted case measures acceptance every time, not replay/detected.
  const states: ReturnType<typeof openStore>[] = [];
  const deps = (): AcsDeps => {
    const state = openStore({ path: ':memory:', clock });
    states.push(state);
    return { clock, spKeys, requests: storedOutstandingRequests(state, clock), replay: storedReplayCache(state, clock), directory: store };
  };
  const nodeSamlOptions = {
    callbackUrl: SP.acsUrl,
    issuer: SP.entityId,
    audience: SP.entityId,
    idpCert: idpKeys.certificatePem,
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: false,
    acceptedClockSkewMs: 60_000,
  };

  const base: CraftOptions = { now, acsUrl: SP.acsUrl, spEntityId: SP.entityId, idpEntityId: IDP.entityId, attributes: { email: 'alice@example.com' } };
  const hostile = (o: Partial<HostileOptions> & { emptyElements: number }) => hostileResponseXml({ ...base, privateKeyPem: attacker.privateKeyPem, ...o });
  const specs: { name: string; xml: string }[] = [
    { name: 'issue 8: 120k empty elements, unknown key', xml: hostile({ emptyElements: 120_000 }) },
    { name: 'body limit: 380k empty elements, unknown key', xml: hostile({ emptyElements: 380_000 }) },
    { name: 'just under the element limit, unknown key', xml: hostile({ emptyElements: 9_900 }) },
    { name: 'under the limit, inside a genuinely signed assertion', xml: hostile({ emptyElements: 9_900, where: 'assertion', privateKeyPem: idpKeys.privateKeyPem }) },
    { name: 'under the limit, beside a genuinely signed assertion', xml: hostile({ emptyElements: 9_900, privateKeyPem: idpKeys.privateKeyPem }) },
    { name: '5k-deep nesting, unknown key', xml: hostile({ emptyElements: 5_000, nested: true }) },
  ];

  // Warm both paths (JIT, module caches) on an ordinary response first.
  const ordinary = b64(sign(responseXml(base), 'Assertion', { privateKeyPem: idpKeys.privateKeyPem }));
  await runAcsPipeline({ tenant, samlResponse: ordinary }, deps());

  const cases: HostileCase[] = [];
  for (const spec of specs) {
    const samlResponse = b64(spec.xml);
    const ours = await best(runs, deps, async (d) => verdict(await runAcsPipeline({ tenant, samlResponse }, d)));
    // node-saml can take minutes on the largest messages: one run there is enough to make the point.
    const theirs = await nodeSamlCost(nodeSamlOptions, ordinary, samlResponse, spec.xml.length > 400_000 ? 1 : runs, budgetMs);
    const measured: HostileCase = {
      name: spec.name,
      kilobytes: Math.round(spec.xml.length / 1024),
      elements: (spec.xml.match(/<[^/!?]/g) ?? []).length,
      referenceSpMs: ours.ms,
      referenceSpCpuMs: ours.cpuMs,
      referenceSpAnswer: ours.answer,
      nodeSamlMs: theirs.ms,
      nodeSamlFinished: theirs.finished,
      nodeSamlAnswer: theirs.answer,
      ratio: theirs.ms / ours.ms,
    };
    cases.push(measured);
    o.onCase?.(measured);
  }

  // Decryption timing: unsigned Responses carrying one EncryptedAssertion (AES-256-CBC unless GCM is named).
  const assertion = sign(responseXml(base), 'Assertion', { privateKeyPem: idpKeys.privateKeyPem }).match(/<saml:Assertion[\s\S]*<\/saml:Assertion>/)![0];
  const encrypted = (e: Omit<RawEncryptOptions, 'certificatePem'>) => b64(responseXml(base, encryptedAssertionXml({ certificatePem: spKeys.certificatePem, ...e })));
  const decryptSpecs: { name: string; make: () => string }[] = [
    { name: 'bad CBC padding', make: () => encrypted({ plaintext: assertion, corrupt: 'padding' }) },
    { name: 'good padding, garbage plaintext', make: () => encrypted({ plaintext: 'x'.repeat(assertion.length) }) },
    { name: 'decrypted assertion does not parse', make: () => encrypted({ plaintext: assertion.slice(0, -5) }) },
    { name: 'key transport fails (random key)', make: () => encrypted({ plaintext: assertion, corrupt: 'key' }) },
    { name: 'AES-GCM tag mismatch', make: () => encrypted({ plaintext: assertion, cipher: 'aes256-gcm', corrupt: 'tag' }) },
  ];
  const decryption: DecryptTiming[] = [];
  for (const spec of decryptSpecs) {
    const messages = Array.from({ length: decryptN }, spec.make);
    const d = deps(); // a refused message leaves no state behind: one store serves every message of the spec
    await runAcsPipeline({ tenant, samlResponse: messages[0] }, d);
    let answer = '';
    const start = performance.now();
    for (const samlResponse of messages) answer = verdict(await runAcsPipeline({ tenant, samlResponse }, d));
    decryption.push({ name: spec.name, meanMicroseconds: ((performance.now() - start) * 1000) / decryptN, answer });
  }
  store.close();
  for (const state of states) state.close();
  return { cases, decryption, worstReferenceSpMs: Math.max(...cases.map((c) => c.referenceSpCpuMs)) };
}

export function formatHostileCase(c: HostileCase): string {
  const gt = c.nodeSamlFinished ? '' : '>';
  return (
    `  ${c.name.padEnd(54)} ${String(c.kilobytes).padStart(5)} KB ${String(c.elements).padStart(7)} elements  ours ${c.referenceSpCpuMs.toFixed(1).padStart(6)} ms CPU, ${c.referenceSpMs.toFixed(1).padStart(6)} ms wall (${c.referenceSpAnswer})` +
    `  node-saml ${gt}${c.nodeSamlMs.toFixed(0)} ms (${c.nodeSamlAnswer})  ratio ${gt}${c.ratio.toFixed(0)}×`
  );
}

export const SAML_HOSTILE_TITLE = `SAML hostile messages (reference SP ACS pipeline vs node-saml validatePostResponseAsync; goal < ${HOSTILE_BOUND_MS} ms each)`;

export function formatSamlHostile(r: SamlHostileResult): string {
  const lines = [SAML_HOSTILE_TITLE, ...r.cases.map(formatHostileCase)];
  const met = r.worstReferenceSpMs < HOSTILE_BOUND_MS ? 'met' : 'NOT met';
  lines.push(`  worst case: reference SP ${r.worstReferenceSpMs.toFixed(1)} ms of CPU per message (bound < ${HOSTILE_BOUND_MS} ms: ${met})`);
  lines.push(`  decryption failures (mean per response, one answer each):`);
  for (const d of r.decryption) lines.push(`    ${d.name.padEnd(36)} ${d.meanMicroseconds.toFixed(0).padStart(6)} µs  ${d.answer}`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(SAML_HOSTILE_TITLE + '\n');
  const r = await benchSamlHostile({ onCase: (c) => process.stdout.write(formatHostileCase(c) + '\n') });
  process.stdout.write(
    formatSamlHostile(r)
      .split('\n')
      .slice(1 + r.cases.length)
      .join('\n') + '\n',
  );
}
