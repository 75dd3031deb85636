/*
 * Steps where SAML sign-in and SCIM provisioning act on the same user of the reference SP: the tenant's identity
 * policy (saml.identityPolicy, reference-sp/config/identity-policy.ts), what SCIM does to the user and its groups,
 * and what SCIM shows afterwards. Outcomes are read back over SCIM, the other protocol, never from the store.
 */
import assert from 'node:assert/strict';
import { type DataTable, Given, Then, When } from '@cucumber/cucumber';
import { Ajv } from 'ajv';
import { identityPolicyJsonSchema, type IdentityPolicyInput } from '../reference-sp/config/identity-policy.ts';
import { ConfigError, type ProfileName, resolveConfig } from '../reference-sp/config/index.ts';
import { StepArgumentError } from './support/step-error.ts';
import { acceptScimProvisioning, scimFind, scimUserId, tenantScim } from './support/saml/tenant-scim.ts';
import type { HarnessWorld } from './support/world.ts';

const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addKeyword({ keyword: 'x-expect', schemaType: 'string' });
const validPolicy = ajv.compile(identityPolicyJsonSchema);

Given('a tenant {string} with the {profile} profile, trusting the mock IdP and provisioned over SCIM', function (this: HarnessWorld, id: string, profile: ProfileName) {
  this.saml.defineTenant(id, profile);
  this.saml.trustIdp('metadata-url');
  acceptScimProvisioning(this);
});

Given("the tenant's identity policy is:", function (this: HarnessWorld, table: DataTable) {
  const policy = table.rowsHash() as IdentityPolicyInput;
  // The SP's own schema: a misspelt option or value fails here, naming it, instead of being ignored.
  if (!validPolicy(policy)) {
    const problems = (validPolicy.errors ?? []).map((e) => `${e.instancePath || 'the policy'} ${e.message ?? 'is invalid'} ${JSON.stringify(e.params)}`);
    throw new StepArgumentError('parameter/unknown-value', `not an identity policy: ${problems.join('; ')}`);
  }
  const before = (this.saml.tenant().saml['identityPolicy'] ?? {}) as IdentityPolicyInput;
  this.saml.configureSaml({ identityPolicy: { ...before, ...policy } });
});

When('the reference SP is configured with the identity policy option {string} set to {string}', async function (this: HarnessWorld, option: string, value: string) {
  // Written as a config file would say it, past the step's own validation: the SP's start-up must refuse it.
  this.saml.configureSaml({ identityPolicy: { [option]: value } as IdentityPolicyInput });
  try {
    await resolveConfig(await this.saml.configInput('http://127.0.0.1:7100'));
    this.saml.configProblems = [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    this.saml.configProblems = [...error.problems];
    this.attach(error.problems.join('\n'), { mediaType: 'text/plain', fileName: 'config problems' });
  }
});

Given("{string} has the surname {string} in the IdP's directory", async function (this: HarnessWorld, email: string, surname: string) {
  if (!this.saml.idpStatements().some((s) => s.from === 'surname')) {
    throw new StepArgumentError('attribute/not-sent', 'the IdP sends no attribute from the surname to this SP, so changing it tests nothing');
  }
  await this.saml.idpUser(email);
  const idp = await this.saml.idp();
  const user = idp.control.findUser(email);
  assert.ok(user, `the IdP has no user ${email}`);
  assert.notEqual(user.surname, surname, `${email} already has the surname ${surname}`);
  idp.control.addUser({ ...user, surname });
});

Given('SCIM changes the userName {string} to {string}', async function (this: HarnessWorld, from: string, to: string) {
  assert.notEqual(from, to, 'the userName would not change');
  const id = await scimUserId(this, from);
  const { status } = await tenantScim(this, 'PATCH', `/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'userName', value: to }] });
  assert.equal(status, 200, `PATCH userName answered ${status}`);
});

When('SCIM re-activates {string}', async function (this: HarnessWorld, userName: string) {
  const id = await scimUserId(this, userName);
  const { status } = await tenantScim(this, 'PATCH', `/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: true }] });
  assert.equal(status, 200, `PATCH active answered ${status}`);
});

Given('SCIM creates the group {string} with the member {string}', async function (this: HarnessWorld, group: string, userName: string) {
  const member = await scimUserId(this, userName);
  const { status } = await tenantScim(this, 'POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: group, members: [{ value: member }] });
  assert.equal(status, 201, `POST /Groups answered ${status}`);
});

Given('SCIM hard-deletes {string}, as Entra does after the user is unassigned', async function (this: HarnessWorld, userName: string) {
  const id = await scimUserId(this, userName);
  const { status } = await tenantScim(this, 'DELETE', `/Users/${id}`);
  assert.equal(status, 204, `DELETE answered ${status}`);
  this.saml.deletedScimIds.set(userName.toLowerCase(), id);
});

Given('the account {string} signed in to is noted as the old account', function (this: HarnessWorld, userName: string) {
  const outcome = this.saml.outcome;
  assert.equal(outcome?.kind, 'accepted', `${userName} is not signed in`);
  assert.equal(outcome.body.user.userName.toLowerCase(), userName.toLowerCase(), `the last sign-in was not ${userName}'s`);
  this.saml.deletedScimIds.set(userName.toLowerCase(), outcome.body.user.id);
});

When('SCIM provisions {string} again, as Entra does when the user is re-assigned', async function (this: HarnessWorld, userName: string) {
  assert.ok(this.saml.deletedScimIds.has(userName.toLowerCase()), `SCIM has not hard-deleted ${userName} in this scenario`);
  const local = userName.split('@')[0] ?? userName;
  const { status } = await tenantScim(this, 'POST', '/Users', {
    schemas: [USER_SCHEMA],
    userName,
    name: { givenName: local, familyName: 'Example' },
    emails: [{ value: userName.toLowerCase(), type: 'work', primary: true }],
    active: true,
  });
  assert.equal(status, 201, `POST /Users answered ${status}`);
});

Then('{string} is signed in to a new account, not the one SCIM deleted', async function (this: HarnessWorld, userName: string) {
  const deleted = this.saml.deletedScimIds.get(userName.toLowerCase());
  assert.ok(deleted, `SCIM has not hard-deleted ${userName} in this scenario`);
  const outcome = this.saml.outcome;
  assert.equal(outcome?.kind, 'accepted', 'the sign-in was not accepted');
  assert.notEqual(outcome.body.user.id, deleted, 'the sign-in reached the deleted account');
  assert.equal(outcome.body.user.id, await scimUserId(this, userName), 'the signed-in account is not the one SCIM lists');
  const { status } = await tenantScim(this, 'GET', `/Users/${deleted}`);
  assert.equal(status, 404, `the deleted account answers ${status}`);
});

Then('SCIM finds no user {string}', async function (this: HarnessWorld, userName: string) {
  assert.deepEqual(await scimFind(this, 'Users', `userName eq "${userName}"`), []);
});

Then('SCIM lists exactly one user, {string}', async function (this: HarnessWorld, userName: string) {
  const { status, json } = await tenantScim(this, 'GET', '/Users');
  assert.equal(status, 200);
  const names = ((json['Resources'] as Array<{ userName: string }> | undefined) ?? []).map((u) => u.userName);
  assert.deepEqual(names, [userName]);
});

Then('SCIM shows {string} as inactive', async function (this: HarnessWorld, userName: string) {
  const [user] = await scimFind(this, 'Users', `userName eq "${userName}"`);
  assert.ok(user, `SCIM has no user ${userName}`);
  assert.equal(user['active'], false);
});

Then('SCIM shows {string} with the family name {string}', async function (this: HarnessWorld, userName: string, familyName: string) {
  const [user] = await scimFind(this, 'Users', `userName eq "${userName}"`);
  assert.ok(user, `SCIM has no user ${userName}`);
  assert.equal((user['name'] as { familyName?: string } | undefined)?.familyName, familyName);
});

Then('SCIM lists the members of {string} as {aliases}', async function (this: HarnessWorld, group: string, members: string[]) {
  const [found] = await scimFind(this, 'Groups', `displayName eq "${group}"`);
  assert.ok(found, `SCIM has no group ${group}`);
  const ids = ((found['members'] as Array<{ value: string }> | undefined) ?? []).map((m) => m.value).sort();
  const expected = (await Promise.all(members.map((m) => scimUserId(this, m)))).sort();
  assert.deepEqual(ids, expected);
});

Then('SCIM lists no members of {string}', async function (this: HarnessWorld, group: string) {
  const [found] = await scimFind(this, 'Groups', `displayName eq "${group}"`);
  assert.ok(found, `SCIM has no group ${group}`);
  assert.deepEqual((found['members'] as unknown[] | undefined) ?? [], []);
});

Then('SCIM finds no group {string}', async function (this: HarnessWorld, group: string) {
  assert.deepEqual(await scimFind(this, 'Groups', `displayName eq "${group}"`), []);
});

Then('the SP reports that group synchronisation was skipped because SCIM manages the groups', function (this: HarnessWorld) {
  const outcome = this.saml.outcome;
  assert.equal(outcome?.kind, 'accepted', 'the sign-in was not accepted');
  assert.equal(outcome.body.groupSync?.skipped, 'scim-managed-groups');
});
