/* The OIDC presets' claims, table-driven: Okta's groups filters, Entra's overage past 200 groups, the subjects. */
import { describe, expect, it } from 'vitest';
import type { DirectoryUser } from '../../saml/presets/directory-user.ts';
import type { OidcClient } from '../clients/oidc-client.ts';
import { ENTRA_JWT_GROUP_LIMIT, entraPreset } from './entra.ts';
import { filterGroups, type GroupsClaimFilter } from './okta-groups-filter.ts';
import { oktaPreset, oktaUserId } from './okta.ts';

const user = (groups: string[]): DirectoryUser => ({ email: 'a@example.com', givenName: 'A', surname: 'B', displayName: 'A B', login: 'a@contoso.example', groups });
const GROUPS = ['Engineering', 'Dev-Eng', 'sonar-users', 'Sonar-Admins'];

describe('Okta groups claim filter', () => {
  it.each([
    [{ filter: 'regex', value: '.*' }, GROUPS],
    [{ filter: 'regex', value: 'Eng.*' }, ['Engineering']],
    [{ filter: 'regex', value: 'Eng' }, []],
    [{ filter: 'startsWith', value: 'sonar' }, ['sonar-users', 'Sonar-Admins']],
    [{ filter: 'equals', value: 'dev-eng' }, ['Dev-Eng']],
    [{ filter: 'contains', value: 'eng' }, ['Engineering', 'Dev-Eng']],
  ] as const)('%j sends %j', (f, expected) => {
    expect(filterGroups(GROUPS, { name: 'groups', ...f } as GroupsClaimFilter)).toEqual(expected);
  });

  it('without a filter the okta preset sends no groups claim; with one, under its configured name', () => {
    const base = {
      preset: 'okta',
      issuerKey: 'okta:default',
      clientId: 'c',
      clientSecret: undefined,
      redirectUris: [],
      postLogoutRedirectUris: [],
      tokenEndpointAuthMethod: 'none',
    } as const;
    const ctx = { issuer: 'http://idp.test/oauth2/default', tenantId: undefined };
    expect(oktaPreset.claims(user(GROUPS), { ...ctx, client: { ...base, groupsClaim: undefined } as OidcClient })).not.toHaveProperty('groups');
    const claims = oktaPreset.claims(user(GROUPS), { ...ctx, client: { ...base, groupsClaim: { name: 'roles', filter: 'regex', value: 'sonar.*' } } as OidcClient });
    expect(claims['roles']).toEqual(['sonar-users']);
  });

  it('the Okta user id is 00u + 17 characters, stable per user', () => {
    expect(oktaUserId(user([]))).toMatch(/^00u[A-Za-z0-9]{17}$/);
    expect(oktaUserId(user([]))).toBe(oktaUserId(user(['x'])));
  });
});

describe('Entra groups overage', () => {
  const ctx = { client: undefined, issuer: 'http://idp.test/t/v2.0', tenantId: 'tenant-1' };
  const many = (n: number) => Array.from({ length: n }, (_, i) => `group-${i}`);

  it(`${ENTRA_JWT_GROUP_LIMIT} groups are sent as the groups claim`, () => {
    const claims = entraPreset.claims(user(many(ENTRA_JWT_GROUP_LIMIT)), ctx);
    expect((claims['groups'] as string[]).length).toBe(ENTRA_JWT_GROUP_LIMIT);
    expect(claims).not.toHaveProperty('_claim_names');
  });

  it(`${ENTRA_JWT_GROUP_LIMIT + 1} groups: no groups claim, _claim_names/_claim_sources point at Graph`, () => {
    const claims = entraPreset.claims({ ...user(many(ENTRA_JWT_GROUP_LIMIT + 1)), id: 'oid-1' }, ctx);
    expect(claims).not.toHaveProperty('groups');
    expect(claims['_claim_names']).toEqual({ groups: 'src1' });
    expect(claims['_claim_sources']).toEqual({ src1: { endpoint: 'https://graph.windows.net/tenant-1/users/oid-1/getMemberObjects' } });
  });
});
