import { describe, expect, it } from 'vitest';
import { problems } from './test-support/problems.ts';
import { createSpKeys } from '../saml/keys.ts';
import { resolveConfig } from './resolve.ts';

const idp = { entityId: 'https://idp.test', ssoUrl: 'https://idp.test/sso', signingCertificates: [createSpKeys('identity policy test IdP').certificatePem] };
const withPolicy = (identityPolicy: unknown) => ({ baseUrl: 'http://sp.test', tenants: [{ id: 'acme', profile: 'aritma', saml: { idp, identityPolicy } }] });

describe('saml.identityPolicy', () => {
  it('defaults to: the profile is SCIM’s, groups follow the sign-in, SCIM-deleted users stay deleted', async () => {
    const cfg = await resolveConfig({ baseUrl: 'http://sp.test', tenants: [{ id: 'acme', saml: { idp } }] });
    expect(cfg.tenants[0]!.saml.identityPolicy).toEqual({ profile: 'scim', groups: 'sign-in', scimDeletedUsers: 'stay-deleted' });
  });

  it('takes what the tenant says, option by option, and freezes it', async () => {
    const cfg = await resolveConfig(withPolicy({ profile: 'sign-in', groups: 'scim' }));
    const policy = cfg.tenants[0]!.saml.identityPolicy;
    expect(policy).toEqual({ profile: 'sign-in', groups: 'scim', scimDeletedUsers: 'stay-deleted' });
    expect(Object.isFrozen(policy)).toBe(true);
  });

  it.each([
    [{ profile: 'idp' }, 'tenants[0].saml.identityPolicy.profile must be one of scim, sign-in'],
    [{ groups: 'SCIM' }, 'tenants[0].saml.identityPolicy.groups must be one of scim, sign-in'],
    [{ scimDeletedUsers: true }, 'tenants[0].saml.identityPolicy.scimDeletedUsers must be one of stay-deleted, jit-recreates'],
    [{ owner: 'scim' }, 'tenants[0].saml.identityPolicy.owner is not a known option'],
    ['scim', 'tenants[0].saml.identityPolicy must be an object { profile, groups, scimDeletedUsers }'],
  ])('refuses %j, naming the path', async (policy, problem) => {
    expect(await problems(withPolicy(policy))).toEqual([problem]);
  });
});
