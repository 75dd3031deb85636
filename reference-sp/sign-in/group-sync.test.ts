import { describe, expect, it } from 'vitest';
import { ConfigError, resolveConfig } from '../config/index.ts';
import { openStore } from '../store/index.ts';
import { ENTRA_GROUPS_OVERAGE_CLAIM, syncGroups } from './group-sync.ts';
import { IDP_ENTITY_ID, IDP_SSO_URL, testIdpKeys } from '../saml/test-support/fixture.ts';

async function setup(groupSync: Record<string, unknown> = {}) {
  const config = await resolveConfig({
    baseUrl: 'http://sp.test',
    tenants: [
      { id: 'sonar', profile: 'sonarqube', saml: { idp: { entityId: IDP_ENTITY_ID, ssoUrl: IDP_SSO_URL, signingCertificates: [testIdpKeys().certificatePem] }, groupSync } },
    ],
  });
  const store = openStore({ path: ':memory:' });
  store.ensureTenant('sonar', 'sonarqube');
  const user = store.createUser('sonar', { userName: 'alice@example.com' });
  store.replaceGroupMemberships('sonar', user.id, ['Members', 'developers', 'admins'], { preserve: [] });
  const groupsOf = () => [...store.findUserByUserName('sonar', 'alice@example.com')!.groups].sort();
  return { saml: config.tenants[0]!.saml, store, user, groupsOf };
}

describe('syncGroups', () => {
  it('resets memberships to the groups sent, keeping the preserved default group', async () => {
    const { saml, store, user, groupsOf } = await setup();
    store.replaceGroupMemberships('sonar', store.createUser('sonar', { userName: 'bob@example.com' }).id, ['ops'], { preserve: [] });
    const outcome = syncGroups(store, 'sonar', user.id, saml, { groups: ['developers', 'ops'] });
    expect(outcome).toMatchObject({ added: ['ops'], removed: ['admins'], ignored: [] });
    expect(groupsOf()).toEqual(['Members', 'developers', 'ops']);
  });

  it('never creates a group the tenant does not have (SonarQube): it is reported as ignored', async () => {
    const { saml, store, user, groupsOf } = await setup();
    const outcome = syncGroups(store, 'sonar', user.id, saml, { groups: ['developers', 'ops', 'Admins'] });
    expect(outcome).toMatchObject({ added: [], removed: ['admins'], ignored: ['ops', 'Admins'] });
    expect(groupsOf()).toEqual(['Members', 'developers']);
  });

  it('creates a missing group when the tenant says missingGroups: create', async () => {
    const { saml, store, user, groupsOf } = await setup({ missingGroups: 'create' });
    expect(syncGroups(store, 'sonar', user.id, saml, { groups: ['ops'] })).toMatchObject({ added: ['ops'], ignored: [] });
    expect(groupsOf()).toEqual(['Members', 'ops']);
  });

  it("writes nothing when the tenant's identity policy gives groups to SCIM, and says so", async () => {
    const config = await resolveConfig({
      baseUrl: 'http://sp.test',
      tenants: [
        {
          id: 'sonar',
          profile: 'sonarqube',
          saml: { idp: { entityId: IDP_ENTITY_ID, ssoUrl: IDP_SSO_URL, signingCertificates: [testIdpKeys().certificatePem] }, identityPolicy: { groups: 'scim' } },
        },
      ],
    });
    const { store, user, groupsOf } = await setup();
    expect(syncGroups(store, 'sonar', user.id, config.tenants[0]!.saml, { groups: ['developers'] })).toEqual({ skipped: 'scim-managed-groups', added: [], removed: [] });
    expect(groupsOf()).toEqual(['Members', 'admins', 'developers']);
  });

  it("syncs into the organizations' groups and says which organizations the user is in", async () => {
    const organizations = [
      { key: 'OrgA', groups: ['ENT_ORGA_ADMINS', 'shared'] },
      { key: 'OrgB', groups: ['ENT_ORGB_DEVS', 'shared'] },
    ];
    const { saml, store, user, groupsOf } = await setup({ organizations });
    const outcome = syncGroups(store, 'sonar', user.id, saml, { groups: ['ENT_ORGA_ADMINS', 'shared', 'ent_orgb_devs', 'Members'] });
    expect(outcome).toMatchObject({ ignored: ['ent_orgb_devs'], organizations: { OrgA: ['ENT_ORGA_ADMINS', 'shared'], OrgB: ['shared'] } });
    expect(groupsOf()).toEqual(['ENT_ORGA_ADMINS', 'Members', 'shared']);
  });

  it('reads a missing groups attribute as no groups when the IdP says nothing else', async () => {
    const { saml, store, user, groupsOf } = await setup();
    syncGroups(store, 'sonar', user.id, saml, { login: ['alice@example.com'] });
    expect(groupsOf()).toEqual(['Members']);
  });

  it("leaves memberships untouched on Entra's group overage claim, and says the sync was skipped", async () => {
    const { saml, store, user, groupsOf } = await setup();
    const link = 'https://graph.microsoft.com/v1.0/users/0000/getMemberObjects';
    const outcome = syncGroups(store, 'sonar', user.id, saml, { login: ['alice@example.com'], [ENTRA_GROUPS_OVERAGE_CLAIM]: [link] });
    expect(outcome).toEqual({ skipped: 'entra-group-overage', link, added: [], removed: [] });
    expect(groupsOf()).toEqual(['Members', 'admins', 'developers']);
  });

  it('refuses an organization defined twice, naming the path', async () => {
    const organizations = [
      { key: 'OrgA', groups: ['a'] },
      { key: 'OrgA', groups: ['b'] },
    ];
    const error = await setup({ organizations }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.some((p) => p.startsWith('tenants[0].saml.groupSync.organizations[1].key '))).toBe(true);
  });
});
