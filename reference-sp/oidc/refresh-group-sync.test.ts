/*
 * Group sync on refresh (./refresh-group-sync.ts): refreshed claims with the groups claim reset memberships as at
 * sign-in (Members kept, unknown groups ignored for SonarQube); claims without it, or with Entra's overage
 * marker, leave them exactly as they are.
 */
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/index.ts';
import { openStore } from '../store/index.ts';
import { syncGroupsOnRefresh } from './refresh-group-sync.ts';

async function setup() {
  const config = await resolveConfig({
    baseUrl: 'http://sp.test',
    tenants: [{ id: 'sonar', profile: 'sonarqube', oidc: { issuer: { discoveryUrl: 'https://op.test' }, clientId: 'c', clientSecret: 's' } }],
  });
  const store = openStore({ path: ':memory:' });
  store.ensureTenant('sonar', 'sonarqube');
  const user = store.createUser('sonar', { userName: 'alice@example.com' });
  store.replaceGroupMemberships('sonar', user.id, ['Members', 'developers', 'admins'], { preserve: [] });
  const groupsOf = () => [...store.findUserByUserName('sonar', 'alice@example.com')!.groups].sort();
  const refresh = (claims: Record<string, unknown>) => syncGroupsOnRefresh(store, 'sonar', user.id, config.tenants[0]!.oidc!, { sub: 'a', ...claims });
  return { groupsOf, refresh };
}

describe('syncGroupsOnRefresh', () => {
  it('resets memberships to the refreshed groups claim, keeping Members and ignoring groups the tenant lacks', async () => {
    const { groupsOf, refresh } = await setup();
    expect(refresh({ groups: ['developers', 'ops'] })).toMatchObject({ added: [], removed: ['admins'], ignored: ['ops'] });
    expect(groupsOf()).toEqual(['Members', 'developers']);
  });

  it('an empty groups claim means no groups', async () => {
    const { groupsOf, refresh } = await setup();
    expect([...(refresh({ groups: [] })?.removed ?? [])].sort()).toEqual(['admins', 'developers']);
    expect(groupsOf()).toEqual(['Members']);
  });

  it.each([
    ['no groups claim', {}],
    ["Entra's overage marker", { _claim_names: { groups: 'src1' }, _claim_sources: { src1: { endpoint: 'https://graph.microsoft.com/v1.0/users/x/getMemberObjects' } } }],
  ])('leaves memberships alone for refreshed claims with %s', async (what, claims) => {
    const { groupsOf, refresh } = await setup();
    const outcome = refresh(claims);
    expect(what === 'no groups claim' ? outcome : outcome?.skipped).toEqual(what === 'no groups claim' ? undefined : 'entra-group-overage');
    expect(groupsOf()).toEqual(['Members', 'admins', 'developers']);
  });
});
