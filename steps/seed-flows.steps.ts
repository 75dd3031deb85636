/*
 * Steps of the seed vendors' flows end to end (issue 11): Entra — or Okta, for NinjaOne — (the mock IdP's
 * provisioning engine) provisions a user through the vendor's SCIM URL with the vendor's kind of token, then that
 * same user signs in over SAML to the same reference SP (./support/seed-flows.ts); the tenant's admin API
 * (Particle's API user, Aritma's provider and linked token); the mock IdP's session reused by a second sign-in,
 * ForceAuthn and the SP's session length (DatoCMS); NinjaOne's Test Connection against an IdP app that requires
 * user assignment, and its Enable (a tenant's SSO configured but not enabled until the admin enables it).
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type DataTable, defineParameterType, Given, Then, When } from '@cucumber/cucumber';
import { parse as parseYaml } from 'yaml';
import { jsonObject, sendHttp } from '../http/send.ts';
import type { Outcome } from '../mock-idp/scim-client/log/log.ts';
import type { MappingsInput } from '../mock-idp/scim-client/mappings/types.ts';
import { PARTICLE_SCOPES } from '../reference-sp/config/scim-section.ts';
import { NINJAONE_FIXTURE } from './support/entra/stage.ts';
import { enumParameterType, identity } from './support/enum-parameter-type.ts';
import { entraToSp, idpLoginFlow } from './support/seed-flows.ts';
import type { HarnessWorld } from './support/world.ts';

// ---- the tenant's admin API (reference-sp/scim/admin/router.ts) -----------------------------------------------

const adminTokens = new WeakMap<HarnessWorld, string>();
/** Tokens the admin API returned in this scenario, by what they were created for (API user name or provider). */
const createdTokens = new WeakMap<HarnessWorld, Map<string, { id: string; value: string; scopes: string[] }>>();

Given("the tenant's set-up is done through its admin API", function (this: HarnessWorld) {
  const token = `admin-${randomBytes(20).toString('hex')}`;
  const draft = this.saml.tenant();
  draft.scim = { ...draft.scim, adminToken: token };
  adminTokens.set(this, token);
});

async function admin(world: HarnessWorld, method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const token = adminTokens.get(world);
  assert.ok(token, `the tenant has no admin API token: start with "Given the tenant's set-up is done through its admin API"`);
  const { url } = await world.saml.sp();
  const answer = await sendHttp(
    {
      method,
      url: `${url}/admin/v1/tenants/${world.saml.tenant().id}${path}`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    },
    { timeoutMs: 10_000 },
  );
  world.attach(`${method} ${path}\n${body === undefined ? '' : JSON.stringify(body, null, 2)}\n\nHTTP ${answer.status}`, `admin ${method}`);
  return { status: answer.status, json: jsonObject(answer) ?? {} };
}

async function createToken(world: HarnessWorld, key: string, body: Record<string, unknown>): Promise<void> {
  const { status, json } = await admin(world, 'POST', '/scim-tokens', body);
  assert.equal(status, 201, `the admin API answered ${status} ${JSON.stringify(json)}`);
  assert.equal(typeof json['token'], 'string', 'the admin API answered without the token value');
  const tokens = createdTokens.get(world) ?? new Map();
  tokens.set(key, { id: String(json['id']), value: json['token'] as string, scopes: (json['scopes'] as string[]) ?? [] });
  createdTokens.set(world, tokens);
}

function createdToken(world: HarnessWorld, key: string): { id: string; value: string; scopes: string[] } {
  const token = createdTokens.get(world)?.get(key);
  assert.ok(token, `no token was created for "${key}" in this scenario`);
  return token;
}

// ---- Particle (seed 000) --------------------------------------------------------------------------------------

const PARTICLE_API_USER = 'particle API user';

Given("the admin creates the API user {string} with Particle's four team scopes", async function (this: HarnessWorld, name: string) {
  assert.equal(this.saml.tenant().profile, 'particle', 'API users are Particle tenants’ (seed 000)');
  await createToken(this, PARTICLE_API_USER, { name, scopes: Object.keys(PARTICLE_SCOPES) });
});

Then("the API user's access token is a 40-character string", function (this: HarnessWorld) {
  const { value } = createdToken(this, PARTICLE_API_USER);
  assert.equal(value.length, 40);
  assert.match(value, /^[A-Za-z0-9_-]{40}$/);
});

Then("the API user holds exactly Particle's four team scopes", function (this: HarnessWorld) {
  assert.deepEqual([...createdToken(this, PARTICLE_API_USER).scopes].sort(), Object.keys(PARTICLE_SCOPES).sort());
});

Given("Entra provisions to Particle's SCIM URL for the org {string} with the API user's token", async function (this: HarnessWorld, orgSlug: string) {
  const { url } = await this.saml.sp();
  entraToSp(this).connect({ tenantUrl: `${url}/v1/orgs/${encodeURIComponent(orgSlug)}/team/provision`, token: createdToken(this, PARTICLE_API_USER).value });
});

Then("every request Entra sent went to Particle's SCIM URL for the org {string}", async function (this: HarnessWorld, orgSlug: string) {
  const { url } = await this.saml.sp();
  const urls = entraToSp(this).requestUrls();
  assert.ok(urls.length > 0, 'Entra sent no request');
  const base = `${url}/v1/orgs/${orgSlug}/team/provision/`;
  const elsewhere = urls.filter((u) => !u.startsWith(base));
  assert.deepEqual(elsewhere, [], `requests outside ${base}`);
});

Given('the tenant has a password user {string} invited outside SCIM', function (this: HarnessWorld, email: string) {
  const local = email.split('@')[0]!;
  this.saml.store.insertUser(this.saml.tenant().id, {
    userName: email,
    active: true,
    hasPassword: true,
    resource: {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: email,
      active: true,
      emails: [{ value: email, type: 'work', primary: true }],
      name: { givenName: local },
    },
  });
});

Then('the tenant still has the password user {string}, active', function (this: HarnessWorld, email: string) {
  const user = this.saml.store.findUserByUserName(this.saml.tenant().id, email);
  assert.ok(user, `the tenant no longer has ${email}`);
  assert.equal(user.hasPassword, true);
  assert.equal(user.active, true);
});

Then('Entra sent no request about {string}', function (this: HarnessWorld, email: string) {
  const user = this.saml.store.findUserByUserName(this.saml.tenant().id, email);
  assert.ok(user, `the tenant has no user ${email}`);
  const about = entraToSp(this)
    .requestUrls()
    .filter((u) => u.includes(user.id) || decodeURIComponent(u).toLowerCase().includes(email.toLowerCase()));
  assert.deepEqual(about, []);
});

// ---- Aritma (seed 001) ----------------------------------------------------------------------------------------

Given("the admin registers the tenant's Azure AD SSO provider with the scheme {string}", async function (this: HarnessWorld, scheme: string) {
  const autoProvisioningEnabled = (await this.saml.sp()).sp.config.tenants.find((t) => t.id === this.saml.tenant().id)!.saml.autoProvisioningEnabled;
  const { status, json } = await admin(this, 'POST', '/identity-providers', { type: 'entra', scheme, autoProvisioningEnabled });
  assert.equal(status, 201, `the admin API answered ${status} ${JSON.stringify(json)}`);
});

Given('the admin creates a SCIM token linked to the provider {string}', async function (this: HarnessWorld, provider: string) {
  await createToken(this, `provider:${provider}`, { provider, name: 'Entra ID provisioning' });
});

Given("Entra provisions to the tenant's SCIM endpoint with the token linked to {string}", async function (this: HarnessWorld, provider: string) {
  const { url } = await this.saml.sp();
  entraToSp(this).connect({ tenantUrl: `${url}/scim/v2/${this.saml.tenant().id}`, token: createdToken(this, `provider:${provider}`).value });
});

// ---- DatoCMS (seed 004) and any tenant with a configured bearer token -----------------------------------------

Given("Entra provisions to the tenant's SCIM endpoint with its bearer token", async function (this: HarnessWorld) {
  const token = this.saml.scimToken;
  assert.ok(token, 'the tenant has no SCIM bearer token: "Given the tenant accepts SCIM provisioning with a bearer token"');
  const { url } = await this.saml.sp();
  entraToSp(this).connect({ tenantUrl: `${url}/scim/v2/${this.saml.tenant().id}`, token });
});

// ---- Entra or Okta, the admin and the provisioning cycle ---------------------------------------------------------

type ProvisioningIdp = 'Entra' | 'Okta';
defineParameterType(enumParameterType<ProvisioningIdp>('provisioningIdp', 'the IdP that provisions over SCIM in a seed flow', identity(['Entra', 'Okta'] as const)));
defineParameterType(
  enumParameterType<Outcome>(
    'provisioningOutcome',
    "an outcome in the provisioning IdP's log",
    identity(['created', 'updated', 'disabled', 'deleted', 'unchanged', 'skipped'] as const),
  ),
);

/** The scenario's provisioning flow, which must be the IdP the step names. */
function provisioning(world: HarnessWorld, idp: ProvisioningIdp) {
  const flow = entraToSp(world);
  assert.equal(flow.client, idp.toLowerCase(), `this scenario provisions from ${flow.client === 'okta' ? 'Okta' : 'Entra'}, not ${idp}`);
  return flow;
}

function directoryUser(world: HarnessWorld, idp: ProvisioningIdp, upn: string) {
  const flow = provisioning(world, idp);
  const user = flow.directory.user(upn);
  assert.ok(user, `"${upn}" is not in ${idp}'s directory`);
  return { flow, user };
}

Given('{string} is assigned to the app in {provisioningIdp}', async function (this: HarnessWorld, upn: string, idp: ProvisioningIdp) {
  await provisioning(this, idp).addPerson(upn);
});

Given('{string} is in {provisioningIdp} but not assigned to the app', async function (this: HarnessWorld, upn: string, idp: ProvisioningIdp) {
  await provisioning(this, idp).addPerson(upn, false);
});

When('the admin unassigns {string} from the app in {provisioningIdp}', function (this: HarnessWorld, upn: string, idp: ProvisioningIdp) {
  const { flow, user } = directoryUser(this, idp, upn);
  assert.equal(flow.directory.isUserAssigned(user), true, `"${upn}" is not assigned`);
  flow.directory.unassign(upn);
});

When('the admin assigns {string} to the app in {provisioningIdp}', function (this: HarnessWorld, upn: string, idp: ProvisioningIdp) {
  const { flow, user } = directoryUser(this, idp, upn);
  assert.equal(flow.directory.isUserAssigned(user), false, `"${upn}" is already assigned`);
  flow.directory.assign(upn);
});

When('the admin hard-deletes {string} in {provisioningIdp}', function (this: HarnessWorld, upn: string, idp: ProvisioningIdp) {
  directoryUser(this, idp, upn).flow.directory.hardDelete(upn);
});

When('{provisioningIdp} synchronises the assigned users', async function (this: HarnessWorld, idp: ProvisioningIdp) {
  const result = await provisioning(this, idp).runCycle();
  assert.deepEqual(
    result.failed.map((f) => `${f.object.name}: ${f.code}`),
    [],
    `${idp} failed to provision some users`,
  );
});

Then("{provisioningIdp}'s provisioning log shows {string} as {provisioningOutcome}", function (this: HarnessWorld, idp: ProvisioningIdp, upn: string, outcome: Outcome) {
  const logged = provisioning(this, idp).outcomeOf(upn);
  assert.ok(logged, `${idp} logged nothing for ${upn}`);
  assert.equal(logged.outcome, outcome, `logged ${logged.outcome}${logged.reason ? ` (${logged.reason})` : ''}`);
});

Then("{provisioningIdp}'s requests for {string} were:", function (this: HarnessWorld, idp: ProvisioningIdp, upn: string, table: DataTable) {
  assert.deepEqual(provisioning(this, idp).requestsFor(upn), table.hashes());
});

Then('the tenant has exactly one user {string}', function (this: HarnessWorld, userName: string) {
  const same = this.saml.store.listUsers(this.saml.tenant().id).filter((u) => u.userName.toLowerCase() === userName.toLowerCase());
  assert.equal(same.length, 1, `${same.length} users named ${userName}`);
});

// ---- DatoCMS (seed 004): the IdP's session, ForceAuthn and the SP's session length ------------------------------

When("{string} signs in on the IdP's login page, starting at the SP", async function (this: HarnessWorld, email: string) {
  const flow = idpLoginFlow(this);
  const answer = await flow.start();
  assert.equal(answer.kind, 'login-page', 'the IdP answered without asking who signs in');
  this.saml.lastSignInEmail = email;
  await flow.post(await flow.signInOnLoginPage(email, answer.pending));
});

When('the browser starts another sign-in at the SP', async function (this: HarnessWorld) {
  const flow = idpLoginFlow(this);
  const answer = await flow.start();
  if (answer.kind === 'answered') await flow.post(answer.form);
});

When('{string} signs in on that login page', async function (this: HarnessWorld, email: string) {
  const flow = idpLoginFlow(this);
  const answer = flow.lastAnswer;
  assert.equal(answer?.kind, 'login-page', 'the IdP showed no login page');
  await flow.post(await flow.signInOnLoginPage(email, answer.pending));
});

Then('the IdP answered without showing its login page', function (this: HarnessWorld) {
  assert.equal(idpLoginFlow(this).lastAnswer?.kind, 'answered');
});

Then('the IdP showed its login page', function (this: HarnessWorld) {
  assert.equal(idpLoginFlow(this).lastAnswer?.kind, 'login-page');
});

Then('both sign-ins were in one IdP session', function (this: HarnessWorld) {
  const indexes = idpLoginFlow(this).sessionIndexes;
  assert.equal(indexes.length, 2, `${indexes.length} assertions were posted`);
  assert.equal(indexes[0], indexes[1]);
});

Then('the second sign-in started a new IdP session', function (this: HarnessWorld) {
  const indexes = idpLoginFlow(this).sessionIndexes;
  assert.equal(indexes.length, 2, `${indexes.length} assertions were posted`);
  assert.notEqual(indexes[0], indexes[1]);
});

Given('the tenant asks the IdP to authenticate the user at every sign-in', function (this: HarnessWorld) {
  this.saml.configureSaml({ forceAuthn: true });
});

Then('the AuthnRequest carried ForceAuthn="true"', function (this: HarnessWorld) {
  const request = idpLoginFlow(this).requests.at(-1);
  assert.ok(request, 'the SP sent no AuthnRequest');
  assert.match(request, /^<samlp:AuthnRequest [^>]*\bForceAuthn="true"/);
});

Then('the AuthnRequest did not carry ForceAuthn', function (this: HarnessWorld) {
  const request = idpLoginFlow(this).requests.at(-1);
  assert.ok(request, 'the SP sent no AuthnRequest');
  assert.doesNotMatch(request, /\bForceAuthn=/);
});

Given("the tenant's sign-in sessions last {int} minutes", function (this: HarnessWorld, minutes: number) {
  assert.ok(minutes > 0, 'a session lasts at least a minute');
  this.saml.configureSaml({ sessionTtlSeconds: minutes * 60 });
});

When("the IdP's session lifetime passes", async function (this: HarnessWorld) {
  this.clock.advance((await this.saml.idp()).control.sessions.ttlMs);
});

When('{int} minutes pass', function (this: HarnessWorld, minutes: number) {
  this.clock.advance(minutes * 60_000);
});

Then('the browser is no longer signed in to the SP', async function (this: HarnessWorld) {
  const { url } = await this.saml.sp();
  const me = await this.saml.browser.fetch(`${url}/saml/${this.saml.tenant().id}/me`, { headers: { accept: 'application/json' } });
  assert.equal(me.status, 401);
  assert.equal(((await me.json()) as { error?: string }).error, 'session/none');
});

// ---- NinjaOne (seed 002): Test Connection needs a user assigned to the app at the IdP ----------------------------

Given("the IdP's app for the tenant requires user assignment", async function (this: HarnessWorld) {
  const idp = await this.saml.idp();
  idp.control.requireAssignment(await this.saml.spEntityId());
});

Given('the admin assigns {string} to the app at the IdP', async function (this: HarnessWorld, email: string) {
  await this.saml.idpUser(email);
  const idp = await this.saml.idp();
  const spEntityId = await this.saml.spEntityId();
  assert.equal(idp.control.isAssigned(spEntityId, idp.control.findUser(email)!), false, `"${email}" may already sign in to the app`);
  idp.control.assignUser(spEntityId, email);
});

Then('the IdP refuses the sign-in with {string}', function (this: HarnessWorld, code: string) {
  const outcome = this.saml.outcome;
  assert.equal(outcome?.kind, 'idp-refused', `the IdP did not refuse: ${JSON.stringify(outcome)}`);
  assert.equal(outcome.code, code);
});

// ---- NinjaOne (seed 002), step 7: "click Save, and on the resulting page, click Enable" --------------------------

Given("the tenant's SSO was enabled in its configuration", function (this: HarnessWorld) {
  const draft = this.saml.tenant();
  // Only a NinjaOne tenant starts configured but not enabled; elsewhere this step would configure nothing.
  assert.equal(draft.profile, 'ninjaone', 'only a NinjaOne tenant starts with SSO not enabled');
  assert.notEqual(draft.saml.ssoEnabled, true, "the tenant's SSO is already enabled");
  draft.saml = { ...draft.saml, ssoEnabled: true };
});

When('the administrator enables SSO for the tenant', async function (this: HarnessWorld) {
  const { status, json } = await admin(this, 'POST', '/sso/enable');
  assert.equal(status, 200, `the admin API answered ${status} ${JSON.stringify(json)}`);
  assert.equal(json['enabled'], true);
});

Then(/^the admin API reports the tenant's SSO as (enabled|not enabled)$/, async function (this: HarnessWorld, state: string) {
  const { status, json } = await admin(this, 'GET', '/sso');
  assert.equal(status, 200, `the admin API answered ${status} ${JSON.stringify(json)}`);
  assert.equal(json['enabled'], state === 'enabled');
});

const NINJAONE_USER_URN = 'urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User';

// ---- NinjaOne (seed 002): the Okta provisioning path -----------------------------------------------------------

Given("Okta provisions to NinjaOne's SCIM URL with the tenant's secret token, using NinjaOne's attribute table", async function (this: HarnessWorld) {
  assert.equal(this.saml.tenant().profile, 'ninjaone', "NinjaOne's SCIM URL is a NinjaOne tenant's");
  const token = this.saml.scimToken;
  assert.ok(token, 'the tenant has no SCIM bearer token: "Given the tenant accepts SCIM provisioning with a bearer token"');
  const fixture = parseYaml(readFileSync(NINJAONE_FIXTURE, 'utf8')) as { mappings: MappingsInput };
  const flow = entraToSp(this);
  flow.use('okta', fixture.mappings);
  const { url } = await this.saml.sp();
  flow.connect({ tenantUrl: `${url}/ws/scim/v2`, token });
});

Then('the tenant stores {string} in the NinjaOne organization {string}', function (this: HarnessWorld, userName: string, organizationId: string) {
  const user = this.saml.store.findUserByUserNameRow(this.saml.tenant().id, userName);
  assert.ok(user, `the tenant has no user ${userName}`);
  const extension = user.resource[NINJAONE_USER_URN] as Record<string, unknown> | undefined;
  assert.equal(extension?.['organizationId'], organizationId);
});
