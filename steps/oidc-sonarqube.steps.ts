/*
 * SonarQube Cloud's "Okta OIDC" guide (seed 003) as steps: the Okta administrator's part (create the app, its
 * groups claim) and the setup assistant's (configure the connection, Test Connection and its JSON). Each step
 * changes exactly what its guide step does: leave one out and the scenario fails.
 */
import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import { OidcStepError } from './support/oidc/step-error.ts';
import type { HarnessWorld } from './support/world.ts';

Given("SonarQube's setup assistant for Okta OIDC is open for the tenant {string}", function (this: HarnessWorld, id: string) {
  this.oidc.defineTenant(id, 'sonarqube');
});

// 1. Create application: Applications → Create App Integration → OIDC - OpenID Connect, Web application,
//    Sign-in redirect URIs ← the assistant's Callback URL (the stage registers it with the SP's own Callback URL).
Given("the Okta administrator creates an OIDC Web application whose sign-in redirect URI is the assistant's Callback URL", function (this: HarnessWorld) {
  this.oidc.createApp('okta');
});

// 2. Configure connection: the app's Client ID and Client Secret, and the Okta domain, into the assistant.
Given("the administrator copies the application's Client ID, Client Secret and the Okta domain into the assistant", function (this: HarnessWorld) {
  if (this.oidc.tenant().app === undefined) throw new OidcStepError('oidc-step/nothing-yet', 'there is no Okta application to copy from yet (step 1, Create application)');
  this.oidc.signInAt('okta');
});

// 5. Test SSO: the Test Connection button starts a real sign-in at the OP.
When('the administrator selects Test Connection and {string} signs in at the OP', async function (this: HarnessWorld, email: string) {
  await this.oidc.ensureIdpUser(email);
  await this.oidc.signIn({ queue: email, start: await this.oidc.spRoute('test-connection/start') });
});

async function testConnection(world: HarnessWorld): Promise<{ status: number; body: Record<string, unknown> }> {
  return world.oidc.getJson('test-connection');
}

Then('the OpenID Connect Test Connection result is:', async function (this: HarnessWorld, expectedJson: string) {
  const expected = JSON.parse(expectedJson) as Record<string, unknown>;
  assert.ok(Object.keys(expected).length > 0, 'the expected JSON names no field');
  const { status, body } = await testConnection(this);
  assert.equal(status, 200, `Test Connection answered ${status}: ${JSON.stringify(body)}`);
  // The fields the scenario names, as the result has them (a missing one reads as undefined).
  assert.deepEqual(Object.fromEntries(Object.keys(expected).map((key) => [key, body[key]])), expected);
});

Then('the OpenID Connect Test Connection reports {string}', async function (this: HarnessWorld, code: string) {
  const { status, body } = await testConnection(this);
  assert.ok(status >= 400 && status < 500, `Test Connection answered ${status}`);
  assert.equal(body['error'], code);
});
