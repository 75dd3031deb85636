/*
 * OpenID Connect negative steps: what the mock OP does wrong at the next sign-in (one named deviation of
 * mock-idp/oidc/deviations/ each), a real key rotation, and what an attacker does to the messages the browser
 * carries (a replaced PKCE challenge, a replayed authorization response).
 */
import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import type { OidcDeviationName } from '../mock-idp/index.ts';
import { OidcStepError } from './support/oidc/step-error.ts';
import type { HarnessWorld } from './support/world.ts';

Given("the OP's next ID token {idTokenDeviation}", async function (this: HarnessWorld, deviation: OidcDeviationName) {
  // Checked when queued at the OP (e.g. replaying a nonce needs an earlier sign-in): a typo fails here.
  await this.oidc.queueDeviation(deviation);
});

Given("the OP's next authorization response {authorizationResponseDeviation}", async function (this: HarnessWorld, deviation: OidcDeviationName) {
  await this.oidc.queueDeviation(deviation);
});

When('the OP rotates its signing key', async function (this: HarnessWorld) {
  const op = await this.oidc.op();
  const before = this.oidc.lastIdTokenKid();
  const { kid, retiredKid } = op.rotateKeys();
  assert.equal(retiredKid, before, 'the key the OP retired is not the one that signed the earlier sign-in');
  this.oidc.rotatedToKid = kid;
});

Then("the ID token was signed with the OP's new key", async function (this: HarnessWorld) {
  const kid = this.oidc.rotatedToKid;
  if (kid === undefined) throw new OidcStepError('oidc-step/nothing-yet', 'the OP has not rotated its signing key in this scenario');
  assert.equal(this.oidc.lastIdTokenKid(), kid);
});

Given("the authorization request's code challenge is replaced on its way to the OP", function (this: HarnessWorld) {
  // An attacker who injects a code of their own (RFC 7636 §1) makes the OP bind it to their challenge: the SP's
  // verifier then does not match it at the token endpoint.
  this.oidc.tamperAuthorizationRequest = (url) => {
    const challenge = url.searchParams.get('code_challenge');
    if (!challenge) throw new OidcStepError('oidc-step/nothing-yet', 'the authorization request carries no code challenge to replace');
    url.searchParams.set('code_challenge', 'A'.repeat(43));
  };
});

When('the browser returns the same authorization response to the SP again', async function (this: HarnessWorld) {
  const previous = this.oidc.lastAuthorizationResponse;
  if (!previous) throw new OidcStepError('oidc-step/nothing-yet', 'no authorization response has reached the SP yet');
  await this.oidc.deliverToSp(previous);
});
