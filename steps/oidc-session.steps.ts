/*
 * OpenID Connect session steps: refreshing a signed-in session's tokens (OIDC Core §12) and RP-initiated logout
 * (OpenID Connect RP-Initiated Logout 1.0), each followed through both sides over HTTP.
 */
import assert from 'node:assert/strict';
import { Then, When } from '@cucumber/cucumber';
import { OidcStepError } from './support/oidc/step-error.ts';
import type { HarnessWorld } from './support/world.ts';

// ---- refresh ----

When("the SP refreshes the session's tokens", async function (this: HarnessWorld) {
  await this.oidc.refresh();
});

Then("the refreshed claims are {string}'s with the groups {aliases}", function (this: HarnessWorld, email: string, groups: string[]) {
  const refreshed = this.oidc.refreshed;
  if (!refreshed) throw new OidcStepError('oidc-step/nothing-yet', 'the SP has not refreshed a session yet');
  assert.equal(refreshed.status, 200, `the refresh answered ${refreshed.status}: ${JSON.stringify(refreshed.body)}`);
  // The claims of the refreshed ID token (OIDC Core §12.2), by the names the OP used.
  const claims = (refreshed.body['claims'] ?? {}) as { email?: string; groups?: string[] };
  assert.equal(refreshed.body['idTokenRefreshed'], true, 'the refresh brought no new ID token');
  assert.equal(claims.email, email);
  assert.deepEqual([...(claims.groups ?? [])].sort(), [...groups].sort());
});

// ---- RP-initiated logout ----

When('the user signs out of the SP', async function (this: HarnessWorld) {
  await this.oidc.signOut();
});

Then("the browser is back at the SP's post-logout page", async function (this: HarnessWorld) {
  const landed = this.oidc.loggedOutAt;
  if (!landed) throw new OidcStepError('oidc-step/nothing-yet', 'the user has not signed out yet');
  assert.equal(landed, (await this.oidc.tenantConfig()).postLogoutRedirectUri);
});

Then('the OP asks the browser to sign in again at the next sign-in', async function (this: HarnessWorld) {
  const outcome = await this.oidc.signIn();
  assert.equal(outcome.kind, 'op-refused', `the OP did not stop at its login page: ${JSON.stringify(outcome)}`);
  assert.ok(this.oidc.lastLoginPage, 'the OP did not show its login page');
});

Then('the OP signs the browser in again without its login page', async function (this: HarnessWorld) {
  const outcome = await this.oidc.signIn();
  assert.equal(this.oidc.lastLoginPage, undefined, 'the OP showed its login page');
  assert.equal(outcome.kind, 'accepted', `the second sign-in was not accepted: ${JSON.stringify(outcome)}`);
});
