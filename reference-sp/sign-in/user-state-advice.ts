/*
 * The advice for the refusals both protocols share (./user-state.ts): the user is unknown, deactivated or was
 * deleted over SCIM. One text for SAML's error page (../saml/error-advice.ts) and OIDC's (../oidc/error-page.ts);
 * only the section a refusal of an unknown user cites is the protocol's own.
 */
import type { RefusalAdvice } from './refusal-page.ts';

type UserStateCode = 'user/unknown' | 'user/inactive' | 'user/deprovisioned';

export function userStateAdvice<L extends { readonly scimUsers: string }>(unknownUserSpec: string): Record<UserStateCode, RefusalAdvice<L>> {
  return {
    'user/unknown': {
      what: 'No such user exists in this tenant, and this tenant does not create users at sign-in.',
      next: (l) => ['Provision the user first over SCIM (', { href: l.scimUsers }, '); `npm start` seeds the IdP\u2019s demo users into such tenants.'],
      spec: unknownUserSpec,
    },
    'user/inactive': {
      what: 'The user is deactivated in this tenant.',
      next: (l) => ['Reactivate the user over SCIM (active: true) at ', { href: l.scimUsers }, '.'],
      spec: 'RFC 7643 §4.1.1',
    },
    'user/deprovisioned': {
      what: 'This user was deleted over SCIM, and this tenant does not re-create deleted users at sign-in.',
      next: (l) => ['Assign the user to the app in the IdP again, so that SCIM provisions a new account (', { href: l.scimUsers }, ').'],
      spec: 'RFC 7644 §3.6',
    },
  };
}
