/* The public sources the dated profiles cite (docs/provisioning.md lists which row each one backs). */
import type { ProfileSource } from './profile.ts';

const ENTRA_BASE = 'https://learn.microsoft.com/en-us/entra/identity/app-provisioning';

export const ENTRA_TUTORIAL: ProfileSource = {
  title: 'Tutorial: Develop and plan provisioning for a SCIM endpoint in Microsoft Entra ID (ms.date 2025-03-04)',
  url: `${ENTRA_BASE}/use-scim-to-provision-users-and-groups`,
  kind: 'documented',
};

export const ENTRA_COMPLIANCE: ProfileSource = {
  title: 'Known issues and resolutions with SCIM 2.0 protocol compliance of the Microsoft Entra user provisioning service › Flags to alter the SCIM behavior (ms.date 2025-04-15)',
  url: `${ENTRA_BASE}/application-provisioning-config-problem-scim-compatibility`,
  kind: 'documented',
};

export const OKTA_SCIM_20: ProfileSource = {
  title: 'Okta, SCIM 2.0 Protocol Reference (User and Group operations)',
  url: 'https://developer.okta.com/docs/reference/scim/scim-20/',
  kind: 'documented',
};

export const OKTA_SPEC_TEST: ProfileSource = {
  title: 'Okta SCIM 2.0 spec test (Runscope), step "Test API Credentials": GET /Users?count=2&startIndex=1',
  url: 'https://github.com/joelfranusic-okta/okta-scim-beta/blob/master/SCIM_tests_for_Runscope.json',
  kind: 'documented',
};

export const OKTA_RETRIES: ProfileSource = {
  title: 'Retry-After on 429 (RFC 9110 §10.2.3; RFC 6585 §4)',
  url: 'https://www.rfc-editor.org/rfc/rfc6585#section-4',
  kind: 'inferred',
  note: "Okta documents no retry policy for its SCIM client; the simulator's one policy (http/retry.ts) is applied",
};
