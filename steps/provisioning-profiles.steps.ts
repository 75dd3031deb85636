/*
 * Steps that pick a dated provisioning behaviour profile (mock-idp/scim-client/profiles/) for Entra's engine on the
 * Entra stage (steps/support/entra/stage.ts): "what Entra sends today" and "what it sent before" side by side.
 */
import assert from 'node:assert/strict';
import { Given } from '@cucumber/cucumber';
import { profiles } from '../mock-idp/scim-client/profiles/index.ts';
import type { HarnessWorld } from './support/world.ts';

Given('Entra behaves as its {string} profile', function (this: HarnessWorld, name: string) {
  const profile = profiles.find(name);
  assert.equal(
    profile?.family,
    'entra',
    `"${name}" is not an Entra profile (Entra's: ${profiles.profiles
      .filter((p) => p.family === 'entra')
      .map((p) => p.name)
      .join(', ')})`,
  );
  assert.equal(this.entra.clientProfile, undefined, `the scenario already provisions with ${this.entra.clientProfile}`);
  this.entra.clientProfile = profile.name;
});
