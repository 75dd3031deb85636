/*
 * Which SCIM endpoint a run talks to, resolved once per run from the run's settings (./settings.ts:
 * `worldParameters.scim`, else SCIM_BASE_URL/SCIM_TOKEN/SCIM_TARGET):
 * - a base URL and token → that endpoint ('external'); `@bundled-only` scenarios are skipped;
 * - server "scimmy" → scimmy + scimmy-routers started in-process (./scimmy-server.ts);
 * - server "bundled" (the default) → the bundled reference server started in-process (./bundled-server.ts).
 * The started target is shared by the run's scenarios until AfterAll stops it.
 * The endpoint's /ServiceProviderConfig is read once per target; `@requires:<feature>` scenarios are skipped
 * when it does not advertise the feature (RFC 7643 §5).
 * An in-process server takes its data with it when it stops: its entries leave the process-wide ledger of
 * created resources (certify/safety/ledger.ts), so an interrupted run does not try to delete them.
 */
import { resourceLedger } from '../../../certify/safety/ledger.ts';
import { sharedLimiter } from '../../../certify/safety/limiter.ts';
import { jsonObject, sendHttp } from '../../../http/send.ts';
import { SCIMMY_KNOWN_GAPS, startScimmyServer } from './scimmy-server.ts';
import { startBundledServer, type BundledFixtures } from './bundled-server.ts';
import type { ScimSettings } from './settings.ts';

export type TargetKind = 'external' | 'scimmy' | 'bundled';

export type Json = { [key: string]: unknown };

export interface ScimTarget {
  readonly kind: TargetKind;
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:40123/scim/v2/generic. */
  readonly baseUrl: string;
  readonly token: string;
  /** Scenario IDs this target is known not to satisfy, with the reason (scimmy only). */
  readonly knownGaps: Readonly<Record<string, string>>;
  /** Tenants, tokens and URLs of the seed layouts; only for the bundled server. */
  readonly bundled: BundledFixtures | undefined;
  /** What the endpoint advertises, read once (RFC 7644 §4). */
  readonly serviceProviderConfig: Json;
  /** Schema URNs the endpoint's /ResourceTypes declare as User extensions. */
  readonly userExtensions: readonly string[];
  close(): Promise<void>;
}

let pending: Promise<ScimTarget> | undefined;

/** The run's SCIM target, started on first use (every World of a run carries the same settings). */
export function scimTarget(settings: ScimSettings): Promise<ScimTarget> {
  pending ??= resolveTarget(settings);
  return pending;
}

/** Stops an in-process server the run started (AfterAll). */
export async function stopScimTarget(): Promise<void> {
  if (!pending) return;
  const target = await pending.catch(() => undefined);
  pending = undefined;
  await target?.close();
  if (target && target.kind !== 'external') resourceLedger().forgetOrigin(target.bundled?.origin ?? new URL(target.baseUrl).origin);
}

async function resolveTarget(settings: ScimSettings): Promise<ScimTarget> {
  if (settings.baseUrl !== undefined && settings.token !== undefined) {
    return discover(settings, 'external', settings.baseUrl, settings.token, {}, undefined, async () => {});
  }
  if (settings.server === 'bundled') {
    const bundled = await startBundledServer();
    if (!bundled) throw new Error('the bundled reference server is not available');
    return discover(settings, 'bundled', bundled.baseUrl, bundled.token, {}, bundled.fixtures, bundled.close);
  }
  const scimmy = await startScimmyServer();
  return discover(settings, 'scimmy', scimmy.baseUrl, scimmy.token, SCIMMY_KNOWN_GAPS, undefined, scimmy.close);
}

async function discover(
  settings: ScimSettings,
  kind: TargetKind,
  baseUrl: string,
  token: string,
  knownGaps: Readonly<Record<string, string>>,
  bundled: BundledFixtures | undefined,
  close: () => Promise<void>,
): Promise<ScimTarget> {
  const get = async (path: string): Promise<Json> => {
    const answer = await sendHttp(
      { method: 'GET', url: `${baseUrl}${path}`, headers: { authorization: `Bearer ${token}`, accept: 'application/scim+json' } },
      { timeoutMs: settings.timeoutMs, limiter: sharedLimiter(settings.concurrency) },
    );
    const body = jsonObject(answer);
    if (answer.status !== 200 || body === undefined) throw new Error(`GET ${baseUrl}${path} answered ${answer.status}; is the SCIM base URL and token right?`);
    return body;
  };
  try {
    const serviceProviderConfig = await get('/ServiceProviderConfig');
    const resourceTypes = await get('/ResourceTypes').catch(() => ({}) as Json);
    const list = Array.isArray(resourceTypes['Resources']) ? (resourceTypes['Resources'] as Json[]) : [];
    const user = list.find((type) => type['name'] === 'User' || type['endpoint'] === '/Users');
    const extensions = Array.isArray(user?.['schemaExtensions']) ? (user['schemaExtensions'] as Json[]) : [];
    return {
      kind,
      baseUrl,
      token,
      knownGaps,
      bundled,
      serviceProviderConfig,
      close,
      userExtensions: extensions.map((extension) => String(extension['schema'])),
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Whether the endpoint advertises an optional feature (`@requires:<feature>`, RFC 7643 §5). */
export function advertises(target: ScimTarget, feature: string): boolean {
  if (feature === 'enterpriseUser') {
    return target.userExtensions.includes('urn:ietf:params:scim:schemas:extension:enterprise:2.0:User');
  }
  const entry = target.serviceProviderConfig[feature];
  return typeof entry === 'object' && entry !== null && (entry as Json)['supported'] === true;
}
