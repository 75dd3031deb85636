/*
 * The seed vendors' SCIM layouts on the bundled reference server (`@bundled-only`, docs/reference-scim.md):
 * Particle's URL and API-user scopes (seed 000), Aritma's admin flow — an Entra provider, then a SCIM token
 * linked to its scheme, shown once (seed 001) —, NinjaOne's /ws/scim/v2 with its extension (seed 002), and
 * strict vs lenient tenants facing Entra's legacy request shapes.
 */
import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import { describeExchange, jsonBody, listed } from './support/scim/assertions.ts';
import type { BundledFixtures } from './support/scim/bundled-server.ts';
import { PATCH_OP, USER_SCHEMA, type ScimExchange } from './support/scim/stage.ts';
import type { Json } from './support/scim/target.ts';
import type { ScimMode } from '../reference-sp/config/scim-section.ts';
import type { HarnessWorld } from './support/world.ts';
import type { ParticleScope } from './support/parameter-types.ts';

async function fixtures(world: HarnessWorld): Promise<BundledFixtures> {
  const target = await world.scim.target();
  assert.ok(target.bundled, 'this scenario needs the bundled reference server (tag it @bundled-only)');
  return target.bundled;
}

// ---- Particle (seed 000) ---------------------------------------------------------------------------------------

Given("the client uses Particle's SCIM URL with the API user's token", async function (this: HarnessWorld) {
  const { particle } = await fixtures(this);
  this.scim.use({ baseUrl: particle.baseUrl, token: particle.token });
});

Given("the API user's token lacks the scope {particleScope}", async function (this: HarnessWorld, scope: ParticleScope) {
  const { particle } = await fixtures(this);
  const token = particle.lacking[scope];
  assert.ok(token, `no fixture token lacks ${scope}`);
  // Resources stay deletable by the full token whatever this token may do.
  this.scim.use({ baseUrl: particle.baseUrl, token }, { baseUrl: particle.baseUrl, token: particle.token });
});

When('the client lists Users at the SCIM URL of the org {string}', async function (this: HarnessWorld, slug: string) {
  const { particle, origin } = await fixtures(this);
  await this.scim.send('GET', '/Users', { endpoint: { baseUrl: `${origin}/v1/orgs/${encodeURIComponent(slug)}/team/provision`, token: particle.token } });
});

Then("the Location header is under Particle's SCIM URL", async function (this: HarnessWorld) {
  const { particle } = await fixtures(this);
  const location = this.scim.last.headers.get('location') ?? '';
  assert.ok(location.startsWith(`${particle.baseUrl}/Users/`), `Location ${location} is not under ${particle.baseUrl}`);
});

// ---- Aritma (seed 001): the admin API -------------------------------------------------------------------------

interface AdminToken {
  id: string;
  value: string;
}
const adminTokens = new WeakMap<HarnessWorld, AdminToken>();

async function admin(world: HarnessWorld, method: string, path: string, body?: unknown): Promise<ScimExchange> {
  const { aritma } = await fixtures(world);
  return world.scim.send(method, `${aritma.origin}/admin/v1/tenants/${aritma.tenant}${path}`, {
    endpoint: { baseUrl: aritma.origin, token: aritma.adminToken },
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    ...(body === undefined ? {} : { body }),
  });
}

/** Schemes carry the scenario prefix: the store keeps providers, so each scenario registers its own. */
const scheme = (world: HarnessWorld, name: string): string => `${world.scim.prefix}${name}`;

async function registerProvider(world: HarnessWorld, name: string): Promise<ScimExchange> {
  return admin(world, 'POST', '/identity-providers', { type: 'entra', scheme: scheme(world, name), autoProvisioningEnabled: false });
}

async function createToken(world: HarnessWorld, provider: string): Promise<ScimExchange> {
  const exchange = await admin(world, 'POST', '/scim-tokens', { provider: scheme(world, provider), name: 'Entra ID provisioning' });
  const body = exchange.body;
  if (exchange.status === 201 && body && typeof body['id'] === 'string' && typeof body['token'] === 'string') {
    const created = { id: body['id'], value: body['token'] };
    adminTokens.set(world, created);
    world.scim.onClose(() => admin(world, 'DELETE', `/scim-tokens/${encodeURIComponent(created.id)}`));
  }
  return exchange;
}

function createdToken(world: HarnessWorld): AdminToken {
  const token = adminTokens.get(world);
  assert.ok(token, 'no SCIM token was created in this scenario');
  return token;
}

When('the admin registers an Entra identity provider with the scheme {string}', async function (this: HarnessWorld, name: string) {
  await registerProvider(this, name);
});

Given('an Entra identity provider with the scheme {string} is registered', async function (this: HarnessWorld, name: string) {
  const exchange = await registerProvider(this, name);
  assert.equal(exchange.status, 201, describeExchange(exchange));
});

When('the admin creates a SCIM token for the provider {string}', async function (this: HarnessWorld, provider: string) {
  await createToken(this, provider);
});

Given('a SCIM token for the provider {string} was created', async function (this: HarnessWorld, provider: string) {
  const exchange = await createToken(this, provider);
  assert.equal(exchange.status, 201, describeExchange(exchange));
});

When("the admin lists the tenant's SCIM tokens", async function (this: HarnessWorld) {
  await admin(this, 'GET', '/scim-tokens');
});

When('the admin revokes that token', async function (this: HarnessWorld) {
  await admin(this, 'DELETE', `/scim-tokens/${encodeURIComponent(createdToken(this).id)}`);
});

Then('the admin API answers {httpStatus}', function (this: HarnessWorld, status: number) {
  assert.equal(this.scim.last.status, status, describeExchange(this.scim.last));
});

Then('the admin API answers 201 with the token value', function (this: HarnessWorld) {
  assert.equal(this.scim.last.status, 201, describeExchange(this.scim.last));
  const value = jsonBody(this.scim.last)['token'];
  assert.ok(typeof value === 'string' && value.length >= 16, 'the token value is returned at creation');
});

Then('the admin API refuses with {httpStatus} {string}', function (this: HarnessWorld, status: number, code: string) {
  assert.equal(this.scim.last.status, status, describeExchange(this.scim.last));
  assert.equal(jsonBody(this.scim.last)['error'], code, describeExchange(this.scim.last));
});

Then("the tenant's identity providers include the scheme {string}", async function (this: HarnessWorld, name: string) {
  const exchange = await admin(this, 'GET', '/identity-providers');
  assert.ok(Array.isArray(exchange.json), describeExchange(exchange));
  const found = (exchange.json as Json[]).find((idp) => idp['scheme'] === scheme(this, name));
  assert.ok(found, describeExchange(exchange));
  assert.equal(found['type'], 'entra');
});

Then('the list names the token linked to {string}', function (this: HarnessWorld, provider: string) {
  assert.ok(Array.isArray(this.scim.last.json), describeExchange(this.scim.last));
  const listedToken = (this.scim.last.json as Json[]).find((token) => token['id'] === createdToken(this).id);
  assert.ok(listedToken, describeExchange(this.scim.last));
  assert.equal(listedToken['provider'], scheme(this, provider));
});

Then('the list shows no token value', function (this: HarnessWorld) {
  const { value } = createdToken(this);
  assert.ok(!this.scim.last.text.includes(value), 'the token value must never be listed');
  for (const token of this.scim.last.json as Json[]) assert.ok(!('token' in token) && !('value' in token), JSON.stringify(token));
});

async function scimWithCreatedToken(world: HarnessWorld): Promise<ScimExchange> {
  const { aritma } = await fixtures(world);
  return world.scim.send('GET', `/Users?filter=${encodeURIComponent(`userName sw "${world.scim.prefix}"`)}`, {
    endpoint: { baseUrl: `${aritma.origin}/scim/v2/${aritma.tenant}`, token: createdToken(world).value },
  });
}

Then('the SCIM endpoint accepts that token', async function (this: HarnessWorld) {
  const exchange = await scimWithCreatedToken(this);
  assert.equal(exchange.status, 200, describeExchange(exchange));
});

Then('the SCIM endpoint refuses that token with {httpStatus}', async function (this: HarnessWorld, status: number) {
  const exchange = await scimWithCreatedToken(this);
  assert.equal(exchange.status, status, describeExchange(exchange));
});

// ---- NinjaOne (seed 002) ---------------------------------------------------------------------------------------

const NINJAONE = 'urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User';

Given("the client uses NinjaOne's SCIM URL with its secret token", async function (this: HarnessWorld) {
  const { ninjaone } = await fixtures(this);
  this.scim.use({ baseUrl: ninjaone.baseUrl, token: ninjaone.token });
});

When("the client uses NinjaOne's SCIM URL with another tenant's token", async function (this: HarnessWorld) {
  const { ninjaone, strict } = await fixtures(this);
  await this.scim.send('GET', '/Users', { endpoint: { baseUrl: ninjaone.baseUrl, token: strict.token } });
});

When('the client creates the user {string} in the NinjaOne organization {string}', async function (this: HarnessWorld, alias: string, organizationId: string) {
  const payload = this.scim.userPayload(alias, { [NINJAONE]: { organizationId } });
  payload['schemas'] = [USER_SCHEMA, NINJAONE];
  const exchange = await this.scim.send('POST', '/Users', { body: payload });
  if (exchange.status === 201 && exchange.body) this.scim.remember('Users', alias, exchange.body);
});

When('the client creates the user {string} without a NinjaOne organization', async function (this: HarnessWorld, alias: string) {
  await this.scim.send('POST', '/Users', { body: this.scim.userPayload(alias) });
});

Then('the resource type {string} declares the extension {string} as required', function (this: HarnessWorld, name: string, schema: string) {
  const type = listed(this.scim.last).find((entry) => entry['name'] === name);
  assert.ok(type, describeExchange(this.scim.last));
  const extension = ((type['schemaExtensions'] as Json[] | undefined) ?? []).find((entry) => entry['schema'] === schema);
  assert.ok(extension, `no extension ${schema}: ${describeExchange(this.scim.last)}`);
  assert.equal(extension['required'], true);
});

// ---- strict and lenient tenants ---------------------------------------------------------------------------------

/** Entra's legacy PATCH shapes (docs/reference-scim.md "Strict vs lenient"), by the name scenarios use. */
const LEGACY_SHAPES: Readonly<Record<string, (world: HarnessWorld) => Json[]>> = {
  'active as the string False': () => [{ op: 'replace', path: 'active', value: 'False' }],
  'a capitalised op name': () => [{ op: 'Replace', path: 'title', value: 'Engineer' }],
  'a path-less replace keyed by a dotted name': () => [{ op: 'replace', value: { 'name.givenName': 'Alicia' } }],
};

const lastSeq = new WeakMap<HarnessWorld, number>();

async function tolerances(world: HarnessWorld): Promise<Json[]> {
  const exchange = await world.scim.send('GET', '/.tolerances');
  assert.equal(exchange.status, 200, describeExchange(exchange));
  return (jsonBody(exchange)['tolerances'] as Json[] | undefined) ?? [];
}

Given('the client uses the {scimMode} tenant', async function (this: HarnessWorld, mode: ScimMode) {
  const { strict, lenient } = await fixtures(this);
  if (mode === 'strict') this.scim.use({ baseUrl: strict.baseUrl, token: strict.token });
  else {
    this.scim.use({ baseUrl: lenient.baseUrl, token: lenient.token });
    lastSeq.set(this, Math.max(0, ...(await tolerances(this)).map((row) => Number(row['seq']))));
  }
});

When("the client patches the user {string} with Entra's legacy shape {string}", async function (this: HarnessWorld, alias: string, shape: string) {
  const operations = LEGACY_SHAPES[shape];
  assert.ok(operations, `unknown legacy shape "${shape}" (known: ${Object.keys(LEGACY_SHAPES).join('; ')})`);
  await this.scim.send('PATCH', `/Users/${this.scim.known(alias).id}`, { body: { schemas: [PATCH_OP], Operations: operations(this) } });
});

When("the client removes {string} from the group {string} with Entra's legacy value array", async function (this: HarnessWorld, member: string, group: string) {
  await this.scim.send('PATCH', `/Groups/${this.scim.known(group).id}`, {
    body: { schemas: [PATCH_OP], Operations: [{ op: 'remove', path: 'members', value: [{ value: this.scim.known(member).id }] }] },
  });
});

Then('the tenant recorded the tolerance {string}', async function (this: HarnessWorld, code: string) {
  const since = lastSeq.get(this) ?? 0;
  const recorded = (await tolerances(this)).filter((row) => Number(row['seq']) > since).map((row) => row['code']);
  assert.ok(recorded.includes(code), `expected "${code}" among the tolerances recorded by this scenario: ${JSON.stringify(recorded)}`);
});
