/*
 * The IdP and SP every SAML benchmark mints for and validates as: one pair of entity IDs and endpoints, so the rows
 * of `npm run bench` measure the same messages.
 */
export const BENCH_IDP = { entityId: 'https://idp.bench.test/metadata', ssoUrl: 'https://idp.bench.test/sso' } as const;
export const BENCH_SP = { entityId: 'https://sp.bench.test/saml/acme/metadata', acsUrl: 'https://sp.bench.test/saml/acme/acs' } as const;
