/*
 * - the tenant's claimMapping names the login, email, name and groups claims (OIDC Core §5.1 standard claims;
 *   `groups` is Okta's and Entra's); the login claim must be a non-empty string (oidc/claims-missing)
 * - every claim becomes a named list of strings, as SAML attributes are, for group sync and the session:
 *   a string or number is one value, an array keeps its strings, an object is left out
 * - Entra's group overage (Microsoft identity platform, "groups overage claim"): past its limit the ID token
 *   carries no groups but `_claim_names.groups` (or `hasgroups`); it is read as the SAML side's overage claim,
 *   so group sync leaves the memberships alone instead of removing them all (../../sign-in/group-sync.ts)
 */
import { ENTRA_GROUPS_OVERAGE_CLAIM } from '../../sign-in/group-sync.ts';
import { reject } from '../rejection.ts';
import type { CallbackCheck, MappedClaims } from '../callback-state.ts';

function values(v: unknown): string[] | undefined {
  if (typeof v === 'string') return [v];
  if (typeof v === 'number' || typeof v === 'boolean') return [String(v)];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return undefined;
}

/** The claims as named lists of strings, with Entra's overage marker where it applies. */
export function claimAttributes(claims: Readonly<Record<string, unknown>>, groupsClaim: string): Record<string, string[]> {
  const attributes: Record<string, string[]> = {};
  for (const [name, v] of Object.entries(claims)) {
    const list = values(v);
    if (list) attributes[name] = list;
  }
  const claimNames = claims['_claim_names'];
  const overage = (claimNames !== null && typeof claimNames === 'object' && 'groups' in claimNames) || claims['hasgroups'] === true;
  if (overage && !(groupsClaim in claims)) attributes[ENTRA_GROUPS_OVERAGE_CLAIM] = ['_claim_names.groups'];
  return attributes;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

export function mapClaims(
  claims: Readonly<Record<string, unknown>>,
  mapping: { readonly login: string; readonly email: string; readonly name: string },
  groupsClaim: string,
): MappedClaims | undefined {
  const login = text(claims[mapping.login]);
  if (login === undefined) return undefined;
  return {
    login,
    profile: {
      email: text(claims[mapping.email]),
      givenName: text(claims['given_name']),
      familyName: text(claims['family_name']),
      displayName: text(claims[mapping.name]),
    },
    attributes: claimAttributes(claims, groupsClaim),
  };
}

export const mapTenantClaims: CallbackCheck = {
  name: 'map-claims',
  run(state) {
    const groupsClaim = state.oidc.groupSync.attributeName ?? state.oidc.claimMapping.groups;
    const mapped = mapClaims(state.claims!, state.oidc.claimMapping, groupsClaim);
    if (!mapped) {
      throw reject('oidc/claims-missing', {
        message: 'the claim this tenant reads as the login is missing or not a string',
        expected: state.oidc.claimMapping.login,
        spec: 'OIDC Core §5.1',
      });
    }
    state.mapped = mapped;
  },
};
