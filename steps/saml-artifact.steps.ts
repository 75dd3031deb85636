/*
 * Steps of the HTTP-Artifact binding (saml-bindings §3.6, saml-core §3.5): the tenant receives sign-ins by
 * artifact, the IdP deviates in how it issues them, an outsider tries to resolve one, and what the IdP did with
 * each resolution. Verdicts are asserted by code with the sign-in steps (./saml-sign-in.steps.ts).
 */
import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import {
  deliverArtifactsByRedirect,
  deliverHeldArtifact,
  holdArtifactForm,
  neverIssuedArtifact,
  outsiderAnswer,
  queueArtifactDeviation,
  receiveSignInsByArtifact,
  resolutions,
  resolveHeldArtifactUnsigned,
} from './support/saml/artifact.ts';
import type { HarnessWorld } from './support/world.ts';

Given('the tenant receives sign-ins by artifact', function (this: HarnessWorld) {
  receiveSignInsByArtifact(this.saml);
});

Given('the IdP hands artifacts to the browser by redirect', function (this: HarnessWorld) {
  deliverArtifactsByRedirect(this.saml);
});

Given('the IdP hands out the artifact it issued last again at the next sign-in', async function (this: HarnessWorld) {
  await queueArtifactDeviation(this.saml, 'replayPrevious');
});

Given('the IdP issues its next artifact under the SourceID of another IdP', async function (this: HarnessWorld) {
  await queueArtifactDeviation(this.saml, { method: 'wrongSourceId', args: ['https://other-idp.example/metadata'] });
});

When('{string} starts signing in at the SP and the IdP answers with an artifact', async function (this: HarnessWorld, email: string) {
  this.saml.lastSignInEmail = email;
  await holdArtifactForm(this.saml, email);
});

When('the browser delivers the artifact to the SP', async function (this: HarnessWorld) {
  await deliverHeldArtifact(this.saml);
});

When('the browser delivers an artifact the IdP never issued instead', async function (this: HarnessWorld) {
  const form = this.saml.heldForm;
  if (!form) throw new Error('no artifact is held: start a sign-in first');
  this.saml.heldForm = { action: form.action, fields: { ...form.fields, SAMLart: await neverIssuedArtifact(this.saml) } };
  await deliverHeldArtifact(this.saml);
});

When("someone without the SP's key asks the IdP to resolve that artifact in the SP's name", async function (this: HarnessWorld) {
  await resolveHeldArtifactUnsigned(this.saml);
});

Then('the IdP answers that resolution with no message and status Success', function (this: HarnessWorld) {
  const answer = outsiderAnswer(this.saml);
  assert.equal(answer.status, 200, 'the IdP answers a SAML-level refusal with HTTP 200 (saml-bindings §3.2.3.3)');
  assert.equal(answer.success, true, 'an empty ArtifactResponse still says Success (saml-core §3.5.3)');
  assert.equal(answer.carriedMessage, false, 'the IdP handed the Response to a requester that did not sign');
});

Then('the browser carried an artifact, not the Response', function (this: HarnessWorld) {
  const fields = this.saml.lastPosted?.fields ?? {};
  assert.ok(fields['SAMLart'], 'the browser posted no SAMLart');
  assert.equal(fields['SAMLResponse'], undefined, 'the browser carried the Response itself');
});

Then('the browser carried the artifact in a redirect, not in a form', function (this: HarnessWorld) {
  const posted = this.saml.lastPosted;
  assert.ok(posted?.fields['SAMLart'], 'the browser carried no SAMLart');
  assert.equal(posted.via, 'redirect', 'the IdP handed the artifact over in a form');
});

Then('the IdP resolved the artifact for the SP', async function (this: HarnessWorld) {
  const last = (await resolutions(this.saml)).at(-1);
  assert.equal(last?.outcome, 'resolved', `the last resolution was ${JSON.stringify(last)}`);
  assert.equal(last?.requester, await this.saml.spEntityId());
});

Then('the IdP was not asked to resolve any artifact', async function (this: HarnessWorld) {
  assert.deepEqual(await resolutions(this.saml), []);
});
