/*
 * A dated provisioning behaviour profile: what one IdP's SCIM client sent at one point in time, as a name
 * (`entra-2025`, `okta-2024`), the date of the sources it follows, the sources themselves (each marked documented
 * or inferred) and a factory for the client that sends exactly that. A change of IdP behaviour is one new profile
 * file registered in ./index.ts; the plain family name (`entra`, `okta`) means the newest profile of the family.
 */
import type { ProvisioningClient } from '../engine/client.ts';
import type { ScimHttp } from '../http/scim-http.ts';
import type { PatchBehaviour, TenantUrl } from '../http/tenant-url.ts';

export interface ProfileSource {
  /** Article or page, with the section. */
  readonly title: string;
  readonly url: string;
  /** documented: the vendor prints this request; inferred: we deduce it (the reason is in `note`). */
  readonly kind: 'documented' | 'inferred';
  readonly note?: string;
}

export interface ProfileContext {
  readonly http: ScimHttp;
  /** The tenant URL as typed, with its flags already read. */
  readonly tenant: TenantUrl;
  /** GUID source for Entra's Test Connection. */
  readonly newGuid?: () => string;
}

export interface ClientProfile {
  /** `<family>-<year>` or `<family>-<variant>-<year>`: `entra-2025`, `okta-aiw-2024`. */
  readonly name: string;
  /** What the plain name aliases: `entra`, `okta`, `okta-aiw`. */
  readonly family: string;
  /** ISO date of the newest source the profile follows; the newest profile of a family is its alias. */
  readonly date: string;
  readonly summary: string;
  readonly sources: readonly ProfileSource[];
  /** PATCH behaviour when the tenant URL carries no flag (Entra only; flags still win). */
  readonly defaultPatch?: PatchBehaviour;
  createClient(context: ProfileContext): ProvisioningClient;
}
