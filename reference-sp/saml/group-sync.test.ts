import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/index.ts';
import { openStore } from '../store/index.ts';
import { ENTRA_GROUPS_OVERAGE_CLAIM, syncGroups } from './group-sync.ts';
import { IDP_ENTITY_ID, IDP_SSO_URL, testIdpKeys } from './test-support/fixture.ts';

async function setup() {
  const config = await resolveConfig({
    baseUrl: 'http://sp.test',
    tenants: [{ id: 'sonar', profile: 'sonarqube', saml: { idp: { entityId: IDP_ENTITY_ID, ssoUrl: IDP_SSO_URL, signingCertificates: [testIdpKeys().certificatePem] } } }],
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
    const outcome = syncGroups(store, 'sonar', user.id, saml, { groups: ['developers', 'ops'] });
    expect(outcome).toMatchObject({ added: ['ops'], removed: ['admins'] });
    expect(groupsOf()).toEqual(['Members', 'developers', 'ops']);
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
});
