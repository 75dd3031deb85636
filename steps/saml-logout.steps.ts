/*
 * Single Logout steps (SAML Profiles §4.4): users signed in to several tenants through one IdP session, signing
 * out at an SP or at the IdP, the IdP's or a tamperer's bad LogoutRequests, and the verdicts both sides give,
 * asserted by stable codes and statuses, never by message text. Steps call the logout stage
 * (./support/saml/logout.ts), never other steps.
 */
import assert from 'node:assert/strict';
import { defineParameterType, Given, Then, When } from '@cucumber/cucumber';
import type { LogoutDeviationName } from '../mock-idp/saml/logout/deviations/index.ts';
import type { Tampering } from './support/saml/logout.ts';
import { enumParameterType } from './support/enum-parameter-type.ts';
import { StepArgumentError } from './support/step-error.ts';
import type { HarnessWorld } from './support/world.ts';

defineParameterType(enumParameterType<'redirect' | 'post'>('logoutBinding', 'a SAML binding for logout messages', { 'HTTP-Redirect': 'redirect', 'HTTP-POST': 'post' }));
defineParameterType(
  enumParameterType<LogoutDeviationName>('idpLogoutDeviation', "what is wrong with the IdP's next LogoutRequest", {
    'is unsigned': 'unsigned',
    'names a session the SP does not have': 'wrongSessionIndex',
    'has already expired': 'expired',
    'repeats the previous one': 'replayed',
  }),
);
defineParameterType(
  enumParameterType<Tampering>('logoutTampering', "what happens to the SP's LogoutRequest on its way to the IdP", {
    'stripped of its signature': 'unsigned',
    altered: 'altered',
    'sent under an unknown issuer': 'foreign-issuer',
  }),
);

function landing(world: HarnessWorld) {
  const l = world.samlLogout.landing;
  assert.ok(l, 'no logout happened');
  return l;
}

Given('the tenant {string} sends its logout messages by {logoutBinding}', function (this: HarnessWorld, tenantId: string, binding: 'redirect' | 'post') {
  // HTTP-Redirect is the default (reference-sp/config/defaults.ts): saying so would configure nothing.
  if (binding === 'redirect') throw new StepArgumentError('logout/binding-unchanged', 'the tenant already sends its logout messages by HTTP-Redirect');
  this.saml.currentTenantId = this.saml.tenant(tenantId).id;
  this.saml.configureSaml({ singleLogout: { binding } });
});

Given('the IdP sends its logout messages to {string} by {logoutBinding}', async function (this: HarnessWorld, tenantId: string, binding: 'redirect' | 'post') {
  await this.samlLogout.idpSendsBy(tenantId, binding);
});

Given('{string} is signed in to {string} through the IdP', async function (this: HarnessWorld, email: string, tenantId: string) {
  await this.samlLogout.signInWithIdpSession(email, tenantId);
});

Given('{string} is signed in to {string} and {string} through the IdP', async function (this: HarnessWorld, email: string, first: string, second: string) {
  await this.samlLogout.signInWithIdpSession(email, first);
  await this.samlLogout.signInWithIdpSession(email, second);
});

Given("the IdP's next LogoutRequest to {string} {idpLogoutDeviation}", async function (this: HarnessWorld, tenantId: string, deviation: LogoutDeviationName) {
  await this.samlLogout.idpDeviates(tenantId, deviation);
});

Given("{string} never answers the IdP's LogoutRequest, so the user goes back to the IdP after a while", function (this: HarnessWorld, tenantId: string) {
  this.samlLogout.neverAnswers(tenantId);
});

Given("the IdP's session for {string} has ended", async function (this: HarnessWorld, email: string) {
  await this.samlLogout.idpSessionsEnd(email);
});

When('{string} signs out at {string}', async function (this: HarnessWorld, _email: string, tenantId: string) {
  await this.samlLogout.signOutAtSp(tenantId);
});

When('{string} signs out everywhere at the IdP', async function (this: HarnessWorld, _email: string) {
  await this.samlLogout.signOutEverywhere();
});

When(
  '{string} signs out at {string} and the LogoutRequest is {logoutTampering} on its way to the IdP',
  async function (this: HarnessWorld, _email: string, tenantId: string, tampering: Tampering) {
    await this.samlLogout.signOutAtSpTampered(tenantId, tampering);
  },
);

When('{string} signs out at {string} and the LogoutRequest reaches the IdP {duration} later', async function (this: HarnessWorld, _email: string, tenantId: string, ms: number) {
  await this.samlLogout.signOutAtSpLate(tenantId, () => this.clock.advance(ms));
});

When("the SP's LogoutRequest is delivered to the IdP again", async function (this: HarnessWorld) {
  const sent = this.samlLogout.sentRequestUrl;
  assert.ok(sent, 'the SP sent no LogoutRequest by HTTP-Redirect yet');
  await this.samlLogout.deliver(sent);
});

Then('{string} is signed out of {string}', async function (this: HarnessWorld, email: string, tenantId: string) {
  assert.equal(await this.samlLogout.signedInAt(tenantId), false, `${email} is still signed in to ${tenantId}`);
});

Then('{string} is still signed in to {string}', async function (this: HarnessWorld, email: string, tenantId: string) {
  assert.equal(await this.samlLogout.signedInAt(tenantId), true, `${email} is no longer signed in to ${tenantId}`);
});

Then('the SP reports that the IdP signed the user out everywhere', function (this: HarnessWorld) {
  assert.equal(landing(this).body['logout'], 'Success', JSON.stringify(landing(this).body));
});

Then('the SP reports a partial logout', function (this: HarnessWorld) {
  assert.equal(landing(this).body['logout'], 'PartialLogout', JSON.stringify(landing(this).body));
});

Then('the IdP reports that the user is signed out everywhere', function (this: HarnessWorld) {
  assert.equal(landing(this).body['verdict'], 'Success', JSON.stringify(landing(this).body));
});

Then('the IdP reports a partial logout', function (this: HarnessWorld) {
  assert.equal(landing(this).body['verdict'], 'PartialLogout', JSON.stringify(landing(this).body));
});

Then('the IdP has no session for {string}', async function (this: HarnessWorld, email: string) {
  assert.equal(await this.samlLogout.idpSessionCount(email), 0);
});

Then('the IdP refuses the LogoutRequest with {string}', function (this: HarnessWorld, code: string) {
  const l = landing(this);
  assert.equal(l.body['error'], code, JSON.stringify(l.body));
  assert.ok(l.status >= 400 && l.status < 500, `a refusal must be a 4xx, was ${l.status}`);
});

Then("{string} refuses the IdP's LogoutRequest with {string}", async function (this: HarnessWorld, tenantId: string, code: string) {
  const entityId = await this.saml.spEntityId(tenantId);
  const result = (await this.samlLogout.lastRun()).results.find((r) => r.spEntityId === entityId);
  assert.ok(result, `the IdP sent ${tenantId} no LogoutRequest`);
  assert.equal(result.outcome, 'failed', JSON.stringify(result));
  assert.equal(result.code, code, JSON.stringify(result));
});

Then('the IdP records that {string} did not answer', async function (this: HarnessWorld, tenantId: string) {
  const entityId = await this.saml.spEntityId(tenantId);
  const result = (await this.samlLogout.lastRun()).results.find((r) => r.spEntityId === entityId);
  assert.equal(result?.code, 'logout/no-answer', JSON.stringify(result));
});

Then('the IdP received the LogoutRequest by {logoutBinding}', async function (this: HarnessWorld, binding: 'redirect' | 'post') {
  assert.ok(this.samlLogout.deliveredBy(binding, '/saml/slo'), landing(this).hops.join('\n'));
});

Then("{string} received the IdP's LogoutRequest by {logoutBinding}", async function (this: HarnessWorld, tenantId: string, binding: 'redirect' | 'post') {
  assert.ok(this.samlLogout.deliveredBy(binding, `/saml/${tenantId}/slo`), landing(this).hops.join('\n'));
});
