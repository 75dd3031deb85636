/*
 * OpenID Connect parameter types (STYLE.md §6): the mock OP's issuers, its deviations as a feature phrases them,
 * and Okta's groups claim filters as its admin console names them. Each fails on a typo before the step runs.
 */
import { defineParameterType } from '@cucumber/cucumber';
import type { GroupFilterType, OidcDeviationName, OidcPresetName } from '../../../mock-idp/index.ts';
import { enumParameterType } from '../enum-parameter-type.ts';

/** An issuer of the mock OP, named by the IdP it reproduces (docs/oidc-provider.md, Presets). */
defineParameterType(
  enumParameterType<OidcPresetName>('oidcPreset', 'an issuer of the mock OpenID Provider, by the IdP it reproduces', { generic: 'generic', Okta: 'okta', Entra: 'entra' }),
);

/** One rule of OIDC Core §3.1.3.7 broken in the next ID token (mock-idp/oidc/deviations/). */
defineParameterType(
  enumParameterType<OidcDeviationName>('idTokenDeviation', "what is wrong with the mock OP's next ID token", {
    'names another issuer': 'wrongIssuer',
    'is addressed to another client': 'wrongAudience',
    'has expired': 'expired',
    'was issued in the future': 'issuedInFuture',
    'carries no nonce': 'missingNonce',
    'replays the nonce of the previous sign-in': 'replayedNonce',
    'is unsigned, with the algorithm "none"': 'algNone',
    "is signed with HS256 keyed with the OP's public key": 'hs256WithPublicKey',
    'is signed with a key the OP does not publish': 'unknownKid',
    'says the email address is not verified': 'emailNotVerified',
  }),
);

/** What is wrong with the next authorization response (RFC 6749 §4.1.2, RFC 9207 §2). */
defineParameterType(
  enumParameterType<OidcDeviationName>('authorizationResponseDeviation', "what is wrong with the mock OP's next authorization response", {
    'does not echo the state': 'stateNotEchoed',
    'alters the state': 'stateAltered',
    'names another issuer': 'responseIssuerMixUp',
    'carries a code minted by another issuer': 'codeFromAnotherIssuer',
  }),
);

/** Okta's "Groups claim filter" choices, as its admin console names them. */
defineParameterType(
  enumParameterType<GroupFilterType>('groupsClaimFilter', "an Okta groups claim filter, as Okta's admin console names it", {
    'Starts with': 'startsWith',
    Equals: 'equals',
    Contains: 'contains',
    'Matches regex': 'regex',
  }),
);
