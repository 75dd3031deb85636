/*
 * Which SCIM endpoint a run talks to, resolved once per run (a module-level singleton):
 * - SCIM_BASE_URL + SCIM_TOKEN set → that endpoint ('external'); `@bundled-only` scenarios are skipped;
 * - SCIM_TARGET=scimmy → scimmy + scimmy-routers started in-process (./scimmy-server.ts);
 * - SCIM_TARGET=bundled, or nothing set → the bundled reference server started in-process (./bundled-server.ts),
 *   falling back to scimmy (with a log line) while the bundled server is not in the tree yet.
 * The endpoint's /ServiceProviderConfig is read once per target; `@requires:<feature>` scenarios are skipped
 * when it does not advertise the feature (RFC 7643 §5).
 * An in-process server takes its data with it when it stops: its entries leave the process-wide ledger of
 * created resources (certify/safety/ledger.ts), so an interrupted run does not try to delete them.
 */
import { resourceLedger } from '../../../certify/safety/ledger.ts';
import { SCIMMY_KNOWN_GAPS, startScimmyServer } from './scimmy-server.ts';
import { startBundledServer, type BundledFixtures } from './bundled-server.ts';

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

/** The run's SCIM target, started on first use. */
export function scimTarget(): Promise<ScimTarget> {
  pending ??= resolveTarget();
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

async function resolveTarget(): Promise<ScimTarget> {
  const baseUrl = process.env['SCIM_BASE_URL'];
  if (baseUrl) {
    const token = process.env['SCIM_TOKEN'];
    if (!token) throw new Error('SCIM_BASE_URL is set but SCIM_TOKEN is not: give the bearer token of that endpoint');
    return discover('external', baseUrl.replace(/\/+$/, ''), token, {}, undefined, async () => {});
  }
  const wanted = process.env['SCIM_TARGET'] ?? '';
  if (wanted !== '' && wanted !== 'scimmy' && wanted !== 'bundled') {
    throw new Error(`SCIM_TARGET must be "scimmy" or "bundled", not "${wanted}"`);
  }
  if (wanted !== 'scimmy') {
    const bundled = await startBundledServer();
    if (bundled) return discover('bundled', bundled.baseUrl, bundled.token, {}, bundled.fixtures, bundled.close);
    if (wanted === 'bundled') throw new Error('SCIM_TARGET=bundled but the bundled reference server is not available');
    console.warn('[scim] the bundled reference server is not available yet: running against scimmy + scimmy-routers');
  }
  const scimmy = await startScimmyServer();
  return discover('scimmy', scimmy.baseUrl, scimmy.token, SCIMMY_KNOWN_GAPS, undefined, scimmy.close);
}

async function discover(
  kind: TargetKind,
  baseUrl: string,
  token: string,
  knownGaps: Readonly<Record<string, string>>,
  bundled: BundledFixtures | undefined,
  close: () => Promise<void>,
): Promise<ScimTarget> {
  const get = async (path: string): Promise<Json> => {
    const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}`, accept: 'application/scim+json' } });
    if (!response.ok) throw new Error(`GET ${baseUrl}${path} answered ${response.status}; is the SCIM base URL and token right?`);
    return (await response.json()) as Json;
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
