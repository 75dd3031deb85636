/*
 * Who may sign in to a client (app) of the mock OpenID Provider: its Assignments tab.
 * - Okta: "Assign the app integration to users or groups" (SonarQube's Okta OIDC guide, step 4, "Assign access");
 *   a user assigned neither directly nor through a group is refused at the authorize endpoint, and because an
 *   OIDC authorization error goes back to the client, Okta redirects to the redirect URI with
 *   `error=access_denied&error_description=User is not assigned to the client application.` (Okta support,
 *   "Why am I redirected back to my app instead of being shown the Okta-hosted error pages when my OpenID Connect
 *   app returns an error": "OIDC specifications require Okta to return all authorization errors to the client via
 *   the Redirect URI, including errors like user_not_assigned"). OAuth 2.0 names that answer `access_denied`
 *   (RFC 6749 §4.1.2.1: "The resource owner or authorization server denied the request").
 * - Entra: "Assignment required?" = Yes on the enterprise application, then users and groups assigned.
 * A client without an assignment list lets every directory user in (the mock's default, so scenarios that are not
 * about assignment need no setup; real Okta apps always require one). Group names compare case-sensitively, as
 * the directory's group names are; logins and emails case-insensitively, as the directory looks users up.
 * Bounded: at most MAX_ASSIGNED users and groups per client.
 */
import type { DirectoryUser } from '../../saml/presets/directory-user.ts';
import { opError } from '../errors.ts';

export const MAX_ASSIGNED = 1000;

/** Okta's error_description for an unassigned user (the `error` is RFC 6749's `access_denied`). */
export const NOT_ASSIGNED_DESCRIPTION = 'User is not assigned to the client application.';

export interface ClientAssignment {
  readonly users: ReadonlySet<string>;
  readonly groups: ReadonlySet<string>;
}

export class ClientAssignments {
  /** client key (issuer key + client id) → who is assigned; no entry: assignment not required. */
  readonly #byClient = new Map<string, { users: Set<string>; groups: Set<string> }>();

  /** From now on only assigned users (directly or through a group) may sign in to the client. */
  require(clientKey: string): void {
    if (!this.#byClient.has(clientKey)) this.#byClient.set(clientKey, { users: new Set(), groups: new Set() });
  }

  /** Assigns a user (its login) and/or a group to the client; assignment becomes required. */
  assign(clientKey: string, what: { readonly user?: DirectoryUser | undefined; readonly group?: string | undefined }): void {
    this.require(clientKey);
    const entry = this.#byClient.get(clientKey)!;
    if (entry.users.size + entry.groups.size >= MAX_ASSIGNED) throw opError('control/bad-body', `at most ${MAX_ASSIGNED} assignments per client`);
    if (what.user) entry.users.add(what.user.login.toLowerCase());
    if (what.group !== undefined) entry.groups.add(what.group);
  }

  /** Assignment no longer required (Entra's "Assignment required?" = No); the list is forgotten. */
  lift(clientKey: string): boolean {
    return this.#byClient.delete(clientKey);
  }

  /** The client's assignments, or undefined when it does not require any. */
  of(clientKey: string): ClientAssignment | undefined {
    return this.#byClient.get(clientKey);
  }

  /** Whether the user may sign in to the client. */
  allows(clientKey: string, user: DirectoryUser): boolean {
    const entry = this.#byClient.get(clientKey);
    if (!entry) return true;
    return entry.users.has(user.login.toLowerCase()) || user.groups.some((g) => entry.groups.has(g));
  }
}
