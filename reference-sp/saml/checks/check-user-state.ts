/*
 * - the login (the mapped attribute or the NameID) must name a user of this tenant in the directory, matched
 *   case-insensitively (RFC 7643 §4.1.1: userName caseExact false) (user/unknown)
 * - unless the tenant enables just-in-time provisioning (autoProvisioningEnabled): then the unknown user is
 *   created from the mapped attributes
 * - the user must be active: a user deactivated over SCIM cannot sign in (RFC 7643 §4.1.1 "active") (user/inactive)
 * Last in the pipeline: JIT creation is a side effect and happens only once every other rule has passed.
 */
import { reject } from '../rejection.ts';
import { need, type AcsState, type Check } from '../state.ts';

export function mappedValue(state: AcsState, name: string | undefined): string | undefined {
  if (!name) return undefined;
  if (name === 'NameID') return state.nameId;
  return state.attributes?.[name]?.[0];
}

export function loginOf(state: AcsState): string {
  return need(mappedValue(state, state.saml.attributeMapping.login), 'the login');
}

export const checkUserState: Check = {
  name: 'check-user-state',
  run(state) {
    const login = loginOf(state);
    const directory = state.deps.directory;
    let user = directory.findUserByUserName(state.tenant.id, login);
    if (!user) {
      if (!state.saml.autoProvisioningEnabled) {
        throw reject('user/unknown', { message: `no user "${login}" in this tenant and just-in-time provisioning is off`, actual: login, spec: 'saml-profiles §4.1.4.2' });
      }
      const m = state.saml.attributeMapping;
      const firstName = mappedValue(state, m.firstName);
      const lastName = mappedValue(state, m.lastName);
      user = directory.createUser(state.tenant.id, {
        userName: login,
        email: mappedValue(state, m.email),
        givenName: firstName,
        familyName: lastName,
        displayName: mappedValue(state, m.name) ?? ([firstName, lastName].filter(Boolean).join(' ') || undefined),
      });
      state.userCreated = true;
    }
    if (!user.active) throw reject('user/inactive', { message: `user "${user.userName}" is inactive`, actual: user.userName, spec: 'RFC 7643 §4.1.1' });
    state.user = user;
  },
};
