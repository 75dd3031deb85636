/*
 * OpenID Connect steps: the tenant that signs in at the mock OP, the OP's directory, the sign-in itself (SP-
 * initiated, through the OP's login page or a user the OP already knows) and what the SP made of it. The OP's
 * deviations are in ./oidc-deviations.steps.ts, sessions (refresh, logout) in ./oidc-session.steps.ts.
 */
import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import type { OidcPresetName } from '../mock-idp/index.ts';
import type { ProfileName } from '../reference-sp/config/index.ts';
import { OidcStepError } from './support/oidc/step-error.ts';
import type { HarnessWorld } from './support/world.ts';

// ---- the tenant ----

Given('the reference SP has a tenant {string} with the {profile} profile signing in with OpenID Connect', function (this: HarnessWorld, id: string, profile: ProfileName) {
  this.oidc.defineTenant(id, profile);
});

Given("the tenant signs in at the mock OP's {oidcPreset} issuer", function (this: HarnessWorld, preset: OidcPresetName) {
  this.oidc.signInAt(preset);
});

Given('the OpenID Connect tenant creates users at their first sign-in', function (this: HarnessWorld) {
  this.oidc.configureOidc({ autoProvisioningEnabled: true }, 'autoProvisioningEnabled');
});

Given('the OpenID Connect tenant asks for the scope {string}', function (this: HarnessWorld, scope: string) {
  this.oidc.addScope(scope);
});

Given('the OpenID Connect tenant synchronises the groups it gets', function (this: HarnessWorld) {
  this.oidc.configureOidc({ groupSync: { ...this.oidc.currentOidc('groupSync'), enabled: true } }, 'groupSync');
});

Given('the OpenID Connect tenant asks for the scope {string} and synchronises the groups it gets', function (this: HarnessWorld, scope: string) {
  this.oidc.addScope(scope);
  this.oidc.configureOidc({ groupSync: { ...this.oidc.currentOidc('groupSync'), enabled: true } }, 'groupSync');
});

Given('the OpenID Connect tenant requires a verified email address', function (this: HarnessWorld) {
  this.oidc.configureOidc({ requireEmailVerified: true }, 'requireEmailVerified');
});

Given('the user {string} exists in the OpenID Connect tenant', function (this: HarnessWorld, email: string) {
  const local = email.split('@')[0]!;
  this.oidc.store.createUser(this.oidc.tenant().id, { userName: email, email, givenName: local, familyName: 'Example' });
});

// ---- the OP's directory ----

Given("the OP's directory has {string} in the groups {aliases}", async function (this: HarnessWorld, email: string, groups: string[]) {
  await this.oidc.idpUser(email, groups);
});

Given("the OP's directory has {string} in {int} numbered groups {string}", async function (this: HarnessWorld, email: string, count: number, pattern: string) {
  await this.oidc.idpUser(email, numberedGroups(count, pattern));
});

/** `201` and "team-###": team-001 … team-201, the run of #s the zero-padded width. */
function numberedGroups(count: number, pattern: string): string[] {
  const hashes = /#+/.exec(pattern);
  if (!hashes || count < 1 || String(count).length > hashes[0].length) {
    throw new OidcStepError('oidc-step/not-a-range', `"${pattern}" needs one run of # wide enough for ${count} numbered groups`);
  }
  return Array.from({ length: count }, (_, i) => pattern.replace(hashes[0], String(i + 1).padStart(hashes[0].length, '0')));
}

Given('the administrator has enabled SSO for the OpenID Connect tenant', async function (this: HarnessWorld) {
  await this.oidc.enableSso();
});

// ---- signing in ----

When('{string} signs in with OpenID Connect', async function (this: HarnessWorld, email: string) {
  await this.oidc.ensureIdpUser(email);
  await this.oidc.signIn({ queue: email });
});

Given('{string} signed in with OpenID Connect before', async function (this: HarnessWorld, email: string) {
  await this.oidc.ensureIdpUser(email);
  const outcome = await this.oidc.signIn({ queue: email });
  assert.equal(outcome.kind, 'accepted', `the earlier sign-in was not accepted: ${JSON.stringify(outcome)}`);
});

When("{string} picks their name on the OP's login page", async function (this: HarnessWorld, email: string) {
  await this.oidc.ensureIdpUser(email);
  await this.oidc.signIn({ pick: email });
  assert.ok(this.oidc.lastLoginPage, 'the OP did not show its login page: the user was not signed in on it');
});

Then('the SP signs {string} in with OpenID Connect', function (this: HarnessWorld, email: string) {
  const outcome = this.oidc.requireOutcome();
  assert.equal(outcome.kind, 'accepted', `the sign-in was not accepted: ${JSON.stringify(outcome)}`);
  assert.equal(this.oidc.signedInUserName(outcome.body), email);
});

Then('the SP refuses the OpenID Connect sign-in with {string}', function (this: HarnessWorld, code: string) {
  const outcome = this.oidc.requireOutcome();
  assert.equal(outcome.kind, 'rejected', `the sign-in was not refused by the SP: ${JSON.stringify(outcome)}`);
  assert.equal(outcome.code, code);
});

Then('the authorization request carried a PKCE S256 code challenge, a state and a nonce', function (this: HarnessWorld) {
  const request = this.oidc.lastAuthorizationRequest;
  assert.ok(request, 'no authorization request was sent');
  const p = request.searchParams;
  assert.equal(p.get('response_type'), 'code');
  assert.equal(p.get('code_challenge_method'), 'S256');
  // RFC 7636 §4.2: BASE64URL(SHA256(verifier)), 43 characters.
  assert.match(p.get('code_challenge') ?? '', /^[A-Za-z0-9_-]{43}$/);
  assert.ok((p.get('state') ?? '').length >= 16, 'the state is missing or guessable');
  assert.ok((p.get('nonce') ?? '').length >= 16, 'the nonce is missing or guessable');
});

Then("the OpenID Connect session of the SP is {string}'s", async function (this: HarnessWorld, email: string) {
  const { status, body } = await this.oidc.getJson('me');
  assert.equal(status, 200, `the SP's me answered ${status}`);
  assert.equal(this.oidc.signedInUserName(body), email);
});

Then('the SP has no OpenID Connect session', async function (this: HarnessWorld) {
  const { status } = await this.oidc.getJson('me');
  assert.equal(status, 401, `the SP's me answered ${status}: a session exists`);
});

Then('the OpenID Connect tenant has the user {string} in exactly the groups {aliases}', function (this: HarnessWorld, email: string, groups: string[]) {
  const user = this.oidc.store.findUserByUserName(this.oidc.tenant().id, email);
  assert.ok(user, `no user ${email} in the tenant`);
  assert.deepEqual([...user.groups].sort(), [...groups].sort());
});
