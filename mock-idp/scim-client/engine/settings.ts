/*
 * Engine settings: input type, resolved type and defaults in one place, one comment per option (STYLE.md §7).
 */
import type { RetryPolicy } from '../http/retry.ts';
import { defaultRetryPolicy } from '../http/retry.ts';
import type { PatchBehaviour } from '../http/tenant-url.ts';

export interface EngineSettings {
  /** "Sync only assigned users and groups" (Entra's default) or "Sync all users and groups". */
  scope: 'assigned' | 'all';
  /** Provision groups ("Provision Microsoft Entra ID Groups" mapping enabled). */
  provisionGroups: boolean;
  /** List extension schema URNs (enterprise, custom) in a created resource's `schemas` too. */
  listExtensionSchemas: boolean;
  /** PATCH behaviour when the tenant URL carries no flag (Entra's default is legacy). */
  defaultPatch: PatchBehaviour;
  /** At most this many objects in flight at once. */
  concurrency: number;
  /** Retries for 429 / 5xx / transport errors. */
  retry: RetryPolicy;
  /** Quarantine the job after this many consecutive cycles in which at least `failureRate` of the processed objects failed. */
  quarantineAfterCycles: number;
  failureRate: number;
}

export const defaultEngineSettings: EngineSettings = Object.freeze({
  scope: 'assigned',
  provisionGroups: true,
  listExtensionSchemas: true,
  defaultPatch: 'legacy',
  concurrency: 4,
  retry: defaultRetryPolicy,
  quarantineAfterCycles: 3,
  failureRate: 0.6,
});
