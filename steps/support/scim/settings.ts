/*
 * What the SCIM stage talks to, and how: one JSON-only value, cucumber's `worldParameters.scim`.
 * - `runCertification` (certify/run.ts, behind `sso-harness certify scim`) hands it over; cucumber gives it to
 *   every World (`this.parameters`), to BeforeAll/AfterAll hooks, and to its parallel worker processes;
 * - a consumer's cucumber.json may set it too: `"worldParameters": { "scim": { "baseUrl": …, "token": … } }`;
 * - when `worldParameters.scim` is present it is the whole truth (an unset field takes its default, never an
 *   environment variable), so a run started through the API cannot be redirected by the caller's shell;
 * - only when it is absent (someone runs `npx cucumber-js` by hand) does each field fall back to its variable:
 *   SCIM_BASE_URL, SCIM_TOKEN, SCIM_TARGET, SCIM_CONCURRENCY, SCIM_TIMEOUT_MS (docs/scim-scenarios.md).
 * Nothing here, or anywhere in the harness, writes process.env. Every problem is collected and reported at once
 * (`scim/settings`), each naming the parameter and, when it came from there, its variable.
 */
import { RUN_PREFIX_PATTERN, runPrefix as processRunPrefix } from '../../../certify/safety/run-prefix.ts';

/** cucumber worldParameters key. */
export const SCIM_WORLD_PARAMETER = 'scim';

/** The bundled reference server (default) or scimmy + scimmy-routers, started in-process when there is no baseUrl. */
export type ScimServer = 'bundled' | 'scimmy';

/** `worldParameters.scim`, as a runner or a consumer's cucumber.json writes it. JSON only (a type, not an interface, so it is a JsonObject). */
export type ScimParameters = {
  /** The SCIM base URL under test (…/scim/v2); absent: an in-process server. */
  readonly baseUrl?: string;
  /** Bearer token for baseUrl; required with it. */
  readonly token?: string;
  /** Which in-process server to start when there is no baseUrl; default bundled. */
  readonly server?: ScimServer;
  /** Requests in flight at once, per process; default 1. */
  readonly concurrency?: number;
  /** Per-request timeout in milliseconds; default 15000. */
  readonly timeoutMs?: number;
  /** Every resource the run creates starts with it (`ssoh-<8 hex>-`); default one per process. */
  readonly runPrefix?: string;
  /** Certification: once this file exists, no new scenario starts (the run was interrupted). */
  readonly stopFile?: string;
  /** Certification: creates and deletes are journalled here, so the runner can delete what workers left. */
  readonly ledgerFile?: string;
};

/** The resolved settings, frozen. */
export interface ScimSettings {
  readonly baseUrl: string | undefined;
  readonly token: string | undefined;
  readonly server: ScimServer;
  readonly concurrency: number;
  readonly timeoutMs: number;
  readonly runPrefix: string;
  readonly stopFile: string | undefined;
  readonly ledgerFile: string | undefined;
}

/** Per-request timeout when nothing sets one: an endpoint that hangs fails the step, not the run. */
export const DEFAULT_TIMEOUT_MS = 15_000;

export class ScimSettingsError extends Error {
  readonly code = 'scim/settings';
  constructor(readonly problems: readonly string[]) {
    super(`SCIM settings: ${problems.join('; ')}`);
    this.name = 'ScimSettingsError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** The value of `worldParameters.scim`, or undefined when the run did not set it. */
export function scimParameters(worldParameters: unknown): Record<string, unknown> | undefined {
  if (worldParameters === null || typeof worldParameters !== 'object') return undefined;
  const value = (worldParameters as Record<string, unknown>)[SCIM_WORLD_PARAMETER];
  if (value === undefined) return undefined;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new ScimSettingsError(['worldParameters.scim must be an object']);
  return value as Record<string, unknown>;
}

/** The stop file of a certification run, without resolving (or validating) the rest. */
export function stopFileOf(worldParameters: unknown): string | undefined {
  const file = scimParameters(worldParameters)?.['stopFile'];
  return typeof file === 'string' && file !== '' ? file : undefined;
}

/** Resolves `worldParameters.scim`, or the environment when it is absent; throws ScimSettingsError listing every problem. */
export function scimSettings(worldParameters: unknown, env: Env = process.env): ScimSettings {
  const given = scimParameters(worldParameters);
  const problems: string[] = [];
  const source = (key: keyof ScimParameters, variable: string): { raw: unknown; name: string } =>
    given !== undefined ? { raw: given[key], name: `worldParameters.scim.${key}` } : { raw: emptyToUndefined(env[variable]), name: variable };

  const text = (key: keyof ScimParameters, variable: string): string | undefined => {
    const { raw, name } = source(key, variable);
    if (raw === undefined) return undefined;
    if (typeof raw !== 'string' || raw === '') {
      problems.push(`${name} must be a non-empty string`);
      return undefined;
    }
    return raw;
  };
  const integer = (key: keyof ScimParameters, variable: string, min: number, max: number, fallback: number): number => {
    const { raw, name } = source(key, variable);
    if (raw === undefined) return fallback;
    const n = typeof raw === 'string' && /^\d+$/.test(raw.trim()) ? Number(raw) : raw;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be an integer from ${min} to ${max}`);
      return fallback;
    }
    return n;
  };

  let baseUrl = text('baseUrl', 'SCIM_BASE_URL');
  if (baseUrl !== undefined) {
    const parsed = URL.canParse(baseUrl) ? new URL(baseUrl) : undefined;
    if (parsed === undefined || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
      problems.push(`${source('baseUrl', 'SCIM_BASE_URL').name} must be an http(s) URL`);
    }
    baseUrl = baseUrl.replace(/\/+$/, '');
  }
  const token = text('token', 'SCIM_TOKEN');
  if (baseUrl !== undefined && token === undefined) problems.push(`${source('token', 'SCIM_TOKEN').name} is required with a base URL: give the bearer token of that endpoint`);
  const server = text('server', 'SCIM_TARGET') ?? 'bundled';
  if (server !== 'bundled' && server !== 'scimmy') problems.push(`${source('server', 'SCIM_TARGET').name} must be "bundled" or "scimmy"`);
  const concurrency = integer('concurrency', 'SCIM_CONCURRENCY', 1, 64, 1);
  const timeoutMs = integer('timeoutMs', 'SCIM_TIMEOUT_MS', 1, 600_000, DEFAULT_TIMEOUT_MS);
  const prefix = given === undefined ? undefined : given['runPrefix'];
  if (prefix !== undefined && (typeof prefix !== 'string' || !RUN_PREFIX_PATTERN.test(prefix))) {
    problems.push('worldParameters.scim.runPrefix must look like "ssoh-<8 hex>-"');
  }
  const file = (key: 'stopFile' | 'ledgerFile'): string | undefined => {
    const value = given?.[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value === '') problems.push(`worldParameters.scim.${key} must be a file path`);
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const stopFile = file('stopFile');
  const ledgerFile = file('ledgerFile');
  if (given !== undefined) {
    const known = new Set(['baseUrl', 'token', 'server', 'concurrency', 'timeoutMs', 'runPrefix', 'stopFile', 'ledgerFile']);
    for (const key of Object.keys(given)) if (!known.has(key)) problems.push(`worldParameters.scim.${key} is not a setting (known: ${[...known].join(', ')})`);
  }
  if (problems.length > 0) throw new ScimSettingsError(problems);
  return Object.freeze({
    baseUrl,
    token,
    server: server as ScimServer,
    concurrency,
    timeoutMs,
    runPrefix: typeof prefix === 'string' ? prefix : processRunPrefix(),
    stopFile,
    ledgerFile,
  });
}

function emptyToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
