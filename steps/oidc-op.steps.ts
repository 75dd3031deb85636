/*
 * Steps about the mock OpenID Provider itself: its discovery documents, the groups claim filter of a tenant's
 * app and who the app is assigned to (Okta's admin console), what the ID token it issued carried, and the error
 * its authorization response carried.
 */
import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import type { GroupFilterType, OidcPresetName } from '../mock-idp/index.ts';
import { OidcStepError } from './support/oidc/step-error.ts';
import type { HarnessWorld } from './support/world.ts';

// ---- the app's groups claim (Okta: Sign On → Token claims → Groups claim type: Filter) ----

Given("the app's groups claim filter is {string} {groupsClaimFilter} {string}", function (this: HarnessWorld, name: string, filter: GroupFilterType, value: string) {
  if (this.oidc.appPreset() !== 'okta') throw new OidcStepError('oidc-step/not-okta', "the groups claim filter is Okta's: the tenant does not sign in at the Okta issuer");
  this.oidc.setGroupsClaim({ name, filter, value });
});

// ---- who the app is assigned to (Okta: Assignments → Assign to People / Groups; SonarQube's guide step 4) ----

Given('the app at the OP is assigned to the group {string}', async function (this: HarnessWorld, group: string) {
  await this.oidc.assignApp({ group });
});

Given('the app at the OP is assigned to the user {string}', async function (this: HarnessWorld, user: string) {
  await this.oidc.assignApp({ user });
});

Then('the OP answered the authorization request with the error {string}', function (this: HarnessWorld, error: string) {
  const response = this.oidc.lastAuthorizationResponse;
  if (!response) throw new OidcStepError('oidc-step/nothing-yet', 'no authorization response reached the SP yet');
  assert.equal(response.searchParams.get('error'), error);
  assert.equal(response.searchParams.get('code'), null, 'the authorization response carries a code as well');
});

// ---- the ID token the OP issued ----

function lastClaims(world: HarnessWorld): Record<string, unknown> {
  const token = world.oidc.lastIdToken();
  if (!token) throw new OidcStepError('oidc-step/nothing-yet', 'the OP has issued no ID token yet');
  world.attach(JSON.stringify({ header: token.header, claims: token.claims }, null, 2), 'ID token');
  return token.claims as Record<string, unknown>;
}

Then("the ID token's {string} claim is {aliases}", function (this: HarnessWorld, claim: string, values: string[]) {
  const claims = lastClaims(this);
  assert.ok(Object.hasOwn(claims, claim), `the ID token has no "${claim}" claim`);
  assert.deepEqual([...(claims[claim] as string[])].sort(), [...values].sort());
});

Then("the ID token's {string} claim has {int} groups", function (this: HarnessWorld, claim: string, count: number) {
  const value = lastClaims(this)[claim];
  assert.ok(Array.isArray(value), `the ID token's "${claim}" claim is not a list`);
  assert.equal(value.length, count);
});

Then('the ID token has no {string} claim but points at Microsoft Graph for it', function (this: HarnessWorld, claim: string) {
  const claims = lastClaims(this);
  assert.equal(claims[claim], undefined, `the ID token has a "${claim}" claim`);
  // OIDC Core §5.6.2 distributed claims, as Entra's overage claim uses them.
  const source = (claims['_claim_names'] as Record<string, string> | undefined)?.[claim];
  assert.ok(source, `no _claim_names entry for "${claim}"`);
  const endpoint = (claims['_claim_sources'] as Record<string, { endpoint?: string }> | undefined)?.[source]?.endpoint;
  assert.match(endpoint ?? '', /^https:\/\/graph\.(windows\.net|microsoft\.com)\//);
});

// ---- discovery (OpenID Connect Discovery 1.0 §4) ----

When("QA reads the discovery document of the mock OP's {oidcPreset} issuer", async function (this: HarnessWorld, preset: OidcPresetName) {
  const op = await this.oidc.op();
  const response = await fetch(op.discoveryUrl(preset));
  assert.equal(response.status, 200, `discovery answered ${response.status}`);
  this.oidc.discovery = { preset, document: (await response.json()) as Record<string, unknown> };
  this.attach(JSON.stringify(this.oidc.discovery.document, null, 2), 'discovery document');
});

function discovery(world: HarnessWorld): { preset: OidcPresetName; document: Record<string, unknown> } {
  if (!world.oidc.discovery) throw new OidcStepError('oidc-step/nothing-yet', 'no discovery document has been read yet');
  return world.oidc.discovery;
}

Then("its issuer is the OP's base URL followed by {string}", async function (this: HarnessWorld, path: string) {
  const { document } = discovery(this);
  const idp = await this.oidc.idp();
  // "{tenant}" stands for the Entra tenant id the OP serves (its example tenant).
  const tenant = /\/([^/]+)\/v2\.0$/.exec(String(document['issuer']))?.[1] ?? '';
  assert.equal(document['issuer'], `${idp.baseUrl}${path.replace('{tenant}', tenant)}`);
  if (path.includes('{tenant}')) assert.match(tenant, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'the Entra tenant is not a GUID');
});

Then('it offers the authorization code flow with PKCE S256, RS256 ID tokens and an end-session endpoint', function (this: HarnessWorld) {
  const { document } = discovery(this);
  const issuer = String(document['issuer']);
  assert.ok((document['response_types_supported'] as string[]).includes('code'), 'no code flow');
  assert.ok((document['code_challenge_methods_supported'] as string[]).includes('S256'), 'no PKCE S256');
  assert.ok((document['id_token_signing_alg_values_supported'] as string[]).includes('RS256'), 'no RS256 ID tokens');
  assert.ok(!(document['id_token_signing_alg_values_supported'] as string[]).includes('none'), 'unsigned ID tokens offered');
  for (const endpoint of ['authorization_endpoint', 'token_endpoint', 'jwks_uri', 'userinfo_endpoint', 'end_session_endpoint']) {
    assert.equal(typeof document[endpoint], 'string', `no ${endpoint}`);
    assert.equal(new URL(String(document[endpoint])).origin, new URL(issuer).origin, `${endpoint} is not on the issuer's host`);
  }
  assert.equal(document['authorization_response_iss_parameter_supported'], true, 'the OP does not say it sends iss in the authorization response (RFC 9207 §3)');
});
