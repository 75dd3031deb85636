/*
 * Steps of SonarQube Cloud's SSO guide (seed 003): the enterprise's organizations and the groups an
 * administrator created in each (group sync only into existing groups), and what the sync reported.
 */
import assert from 'node:assert/strict';
import { Given, Then } from '@cucumber/cucumber';
import type { OrganizationInput } from '../reference-sp/config/saml-section.ts';
import { StepArgumentError } from './support/step-error.ts';
import type { HarnessWorld } from './support/world.ts';

interface SyncReport {
  readonly skipped?: string;
  readonly added?: readonly string[];
  readonly ignored?: readonly string[];
  readonly organizations?: Readonly<Record<string, readonly string[]>>;
}

function addOrganization(world: HarnessWorld, key: string, groups: readonly string[]): void {
  const saml = world.saml.tenant().saml as { groupSync?: { organizations?: readonly OrganizationInput[] } };
  const organizations = saml.groupSync?.organizations ?? [];
  if (organizations.some((o) => o.key === key)) throw new StepArgumentError('organization/defined-twice', `the organization "${key}" is already defined`);
  world.saml.configureSaml({ groupSync: { ...saml.groupSync, organizations: [...organizations, { key, groups }] } });
}

/** "team-001" to "team-151": the names between two names that differ only by a zero-padded number. */
function nameRange(first: string, last: string): string[] {
  const a = /^(.*?)(\d+)$/.exec(first);
  const b = /^(.*?)(\d+)$/.exec(last);
  if (!a || !b || a[1] !== b[1] || a[2]!.length !== b[2]!.length || Number(a[2]) > Number(b[2])) {
    throw new StepArgumentError('group/not-a-range', `"${first}" to "${last}" is not a range of numbered names with the same prefix and width`);
  }
  const width = a[2]!.length;
  const names: string[] = [];
  for (let n = Number(a[2]); n <= Number(b[2]); n++) names.push(`${a[1]}${String(n).padStart(width, '0')}`);
  return names;
}

function syncReport(world: HarnessWorld): SyncReport {
  const outcome = world.saml.outcome;
  assert.equal(outcome?.kind, 'accepted', 'the sign-in was not accepted');
  const report = outcome.body.groupSync as SyncReport | null | undefined;
  assert.ok(report, 'the SP did not synchronise groups at this sign-in');
  return report;
}

Given('the organization {string} has the groups {aliases}', function (this: HarnessWorld, key: string, groups: string[]) {
  addOrganization(this, key, groups);
});

Given('the organization {string} has the groups {string} to {string}', function (this: HarnessWorld, key: string, first: string, last: string) {
  addOrganization(this, key, nameRange(first, last));
});

Then('the tenant has no group {string}', function (this: HarnessWorld, name: string) {
  assert.deepEqual(this.saml.store.existingGroupNames(this.saml.tenant().id, [name]), []);
});

Then('the SP reports the groups {aliases} as not synchronised', function (this: HarnessWorld, groups: string[]) {
  assert.deepEqual([...(syncReport(this).ignored ?? [])].sort(), [...groups].sort());
});

Then("the user's groups in the organization {string} are {aliases}", function (this: HarnessWorld, key: string, groups: string[]) {
  const organizations = syncReport(this).organizations ?? {};
  assert.deepEqual([...(organizations[key] ?? [])].sort(), [...groups].sort(), `organizations: ${JSON.stringify(organizations)}`);
});

Then('the user has no group in the organization {string}', function (this: HarnessWorld, key: string) {
  const organizations = syncReport(this).organizations;
  assert.ok(organizations, 'the SP reported no organizations');
  assert.equal(organizations[key], undefined, `organizations: ${JSON.stringify(organizations)}`);
});
