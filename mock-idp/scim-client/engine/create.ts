/*
 * Wires a provisioning run: tenant URL (and its flags) → HTTP → client profile → engine. The one entry point the
 * CLI, steps and benchmarks call.
 */
import type { Clock } from '../../clock.ts';
import { systemClock } from '../../clock.ts';
import type { ProvisioningConfig } from '../config/load.ts';
import { EntraClient } from '../entra/client.ts';
import { ScimHttp } from '../http/scim-http.ts';
import { parseTenantUrl } from '../http/tenant-url.ts';
import type { TenantUrl } from '../http/tenant-url.ts';
import { ProvisioningLog } from '../log/log.ts';
import { OktaClient } from '../okta/client.ts';
import type { ProvisioningClient } from './client.ts';
import { ProvisioningEngine } from './engine.ts';
import type { EngineSettings } from './settings.ts';

export interface ProvisionerOptions {
  config: ProvisioningConfig;
  /** Tenant URL, optionally with ?aadOptscim062020 (compliant PATCH) or ?AzureAdScimPatch2017 (legacy). */
  url: string;
  token: string;
  client?: 'entra' | 'okta';
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
  log: ProvisioningLog;
  tenant: TenantUrl;
}

export function createProvisioner(o: ProvisionerOptions): Provisioner {
  const settings = { ...o.config.settings, ...o.settings };
  const tenant = parseTenantUrl(o.url, settings.defaultPatch);
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
  const client: ProvisioningClient = o.client === 'okta' ? new OktaClient(http) : new EntraClient(http, tenant.patch, o.newGuid);
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
  return { engine, client, log, tenant };
}
