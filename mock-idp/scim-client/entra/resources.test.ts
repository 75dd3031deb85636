import { describe, expect, it } from 'vitest';
import { ADSCIM_GROUP_URN, entraCreateGroupBody, entraCreateUserBody } from './resources.ts';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';

describe("Entra's create envelope", () => {
  it('adds meta.resourceType User and marks the work email primary', () => {
    const body = entraCreateUserBody({
      schemas: [USER],
      userName: 'a@x.test',
      emails: [
        { type: 'other', value: 'o@x.test' },
        { type: 'work', value: 'a@x.test' },
      ],
    });
    expect(body).toEqual({
      schemas: [USER],
      userName: 'a@x.test',
      emails: [
        { type: 'other', value: 'o@x.test' },
        { type: 'work', value: 'a@x.test', primary: true },
      ],
      meta: { resourceType: 'User' },
    });
  });

  it('marks the first email primary when none is of type work, and leaves a user without emails without one', () => {
    expect(entraCreateUserBody({ emails: [{ type: 'home', value: 'h@x.test' }] })['emails']).toEqual([{ type: 'home', value: 'h@x.test', primary: true }]);
    expect(entraCreateUserBody({ userName: 'a' })).toEqual({ userName: 'a', meta: { resourceType: 'User' } });
  });

  it('does not change the mapped resource it was given', () => {
    const resource = { emails: [{ type: 'work', value: 'a@x.test' }] };
    entraCreateUserBody(resource);
    expect(resource).toEqual({ emails: [{ type: 'work', value: 'a@x.test' }] });
  });

  it('lists the core and the ADSCIM Group URNs and adds meta.resourceType Group', () => {
    expect(entraCreateGroupBody({ schemas: [GROUP], displayName: 'Ops', externalId: 'g1' })).toEqual({
      schemas: [GROUP, ADSCIM_GROUP_URN],
      displayName: 'Ops',
      externalId: 'g1',
      meta: { resourceType: 'Group' },
    });
    expect(entraCreateGroupBody({ schemas: [GROUP, ADSCIM_GROUP_URN] })['schemas']).toEqual([GROUP, ADSCIM_GROUP_URN]);
  });
});
