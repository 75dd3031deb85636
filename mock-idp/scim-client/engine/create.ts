/*
 * Wires a provisioning run: client profile (../profiles/: a dated name such as `entra-2025`, or a family alias such
 * as `okta`) → tenant URL (and its flags) → HTTP → client → engine. The one entry point the CLI, steps and
 * benchmarks call. The profile is the option's, else the config's `client`, else `entra-2024` (what the simulator did
 * before profiles existed; the plain `entra` is the newest Entra profile).
 */
import type { Clock } from '../../clock.ts';
import { systemClock } from '../../clock.ts';
import type { ProvisioningConfig } from '../config/load.ts';
import { ScimHttp } from '../http/scim-http.ts';
import { parseTenantUrl } from '../http/tenant-url.ts';
import type { TenantUrl } from '../http/tenant-url.ts';
import { ProvisioningLog } from '../log/log.ts';
import { profiles } from '../profiles/index.ts';
import type { ClientProfile } from '../profiles/index.ts';
import type { ProvisioningClient } from './client.ts';
import { ProvisioningEngine } from './engine.ts';
import type { EngineSettings } from './settings.ts';

export interface ProvisionerOptions {
  config: ProvisioningConfig;
  /** Tenant URL, optionally with ?aadOptscim062020 (compliant PATCH) or ?AzureAdScimPatch2017 (legacy). */
  url: string;
  token: string;
  /** A profile name or family alias (`entra-2024`, `entra-2025`, `entra`, `okta-2024`, `okta`, …): ../profiles/. */
  client?: string;
  dryRun?: boolean;
  log?: ProvisioningLog;
  clock?: Clock;
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
  random?: () => number;
  /** GUID source for Test Connection. */
  newGuid?: () => string;
  /** Overrides on top of the config's settings. */
  settings?: Partial<EngineSettings>;
}

export interface Provisioner {
  engine: ProvisioningEngine;
  client: ProvisioningClient;
  /** The dated profile the run behaves as. */
  profile: ClientProfile;
  log: ProvisioningLog;
  tenant: TenantUrl;
}

/** The profile when neither the caller nor the config names one. */
export const DEFAULT_PROFILE = 'entra-2024';

export function createProvisioner(o: ProvisionerOptions): Provisioner {
  const profile = profiles.resolve(o.client ?? o.config.client ?? DEFAULT_PROFILE, o.client ? 'client' : 'config client');
  const settings = { ...o.config.settings, ...o.settings };
  // The profile's PATCH default (entra-2025: compliant) unless the caller overrides it; tenant URL flags win over both.
  const tenant = parseTenantUrl(o.url, o.settings?.defaultPatch ?? profile.defaultPatch ?? settings.defaultPatch);
  const log = o.log ?? new ProvisioningLog();
  const clock = o.clock ?? o.config.directory.clock ?? systemClock;
  let engine: ProvisioningEngine | undefined;
  const http = new ScimHttp({
    base: tenant.base,
    token: o.token,
    log,
    retry: settings.retry,
    clock,
    cycle: () => engine?.cycle ?? 0,
    ...(o.sleep ? { sleep: o.sleep } : {}),
    ...(o.fetch ? { fetch: o.fetch } : {}),
    ...(o.dryRun ? { dryRun: true } : {}),
  });
  const client: ProvisioningClient = profile.createClient({ http, tenant, ...(o.newGuid ? { newGuid: o.newGuid } : {}) });
  engine = new ProvisioningEngine({
    directory: o.config.directory,
    mappings: o.config.mappings,
    client,
    log,
    scoping: o.config.scoping,
    settings,
    clock,
    ...(o.random ? { random: o.random } : {}),
  });
  return { engine, client, profile, log, tenant };
}
