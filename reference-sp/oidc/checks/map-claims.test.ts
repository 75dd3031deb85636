/* Claims as the sign-in reads them: the login, the profile, named lists of strings, and Entra's group overage. */
import { describe, expect, it } from 'vitest';
import { ENTRA_GROUPS_OVERAGE_CLAIM } from '../../sign-in/group-sync.ts';
import { claimAttributes, mapClaims } from './map-claims.ts';

const mapping = { login: 'preferred_username', email: 'email', name: 'name' };

describe('mapClaims', () => {
  it('reads the login and profile through the mapping; every claim becomes a list of strings', () => {
    const mapped = mapClaims(
      {
        sub: 's1',
        preferred_username: 'alice@example.com',
        email: 'a@example.com',
        name: 'Alice',
        given_name: 'Alice',
        groups: ['a', 7, 'b'],
        email_verified: true,
        address: { country: 'NO' },
      },
      mapping,
      'groups',
    );
    expect(mapped?.login).toBe('alice@example.com');
    expect(mapped?.profile).toEqual({ email: 'a@example.com', givenName: 'Alice', familyName: undefined, displayName: 'Alice' });
    expect(mapped?.attributes).toMatchObject({ groups: ['a', 'b'], email_verified: ['true'] });
    expect(mapped?.attributes).not.toHaveProperty('address');
  });

  it('has no login when the claim is missing, empty or not a string', () => {
    for (const login of [undefined, '', 42, ['alice']]) expect(mapClaims({ sub: 's1', preferred_username: login }, mapping, 'groups')).toBeUndefined();
  });

  it("reads Entra's overage (_claim_names.groups, or hasgroups) as the overage marker group sync knows, only without a groups claim", () => {
    expect(claimAttributes({ _claim_names: { groups: 'src1' } }, 'groups')[ENTRA_GROUPS_OVERAGE_CLAIM]).toBeDefined();
    expect(claimAttributes({ hasgroups: true }, 'groups')[ENTRA_GROUPS_OVERAGE_CLAIM]).toBeDefined();
    expect(claimAttributes({ hasgroups: true, groups: ['a'] }, 'groups')[ENTRA_GROUPS_OVERAGE_CLAIM]).toBeUndefined();
  });
});
