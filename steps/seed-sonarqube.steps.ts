/*
 * Steps of SonarQube Cloud's SSO guide (seed 003): the enterprise's organizations and the groups an
 * administrator created in each (group sync only into existing groups), and what the sync reported.
 */
import assert from 'node:assert/strict';
import { After, Given, Then, When } from '@cucumber/cucumber';
import { ATTRNAME_FORMAT, idpMetadataXml, type AttributeStatement, type PresetName } from '../mock-idp/index.ts';
import type { OrganizationInput } from '../reference-sp/config/saml-section.ts';
import { samlProfileDefaults } from '../reference-sp/profiles/index.ts';
import { MetadataHost } from './support/saml/metadata-host.ts';
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

// ---- Test Connection (the assistant's "Test SSO" step) ----

async function testConnectionUrl(world: HarnessWorld): Promise<string> {
  const { url } = await world.saml.sp();
  return `${url}/saml/${world.saml.tenant().id}/test-connection`;
}

When('the administrator selects Test Connection and {string} signs in at the IdP', async function (this: HarnessWorld, email: string) {
  const page = await this.saml.browser.fetch(await testConnectionUrl(this), { headers: { accept: 'text/html' } });
  const html = await page.text();
  assert.equal(page.status, 200, `the Test Connection page answered ${page.status}`);
  const href = /id="test-connection" href="([^"]+)"/.exec(html)?.[1];
  assert.ok(href, 'the Test Connection page has no Test Connection button');
  // The button's own URL: the SP records its AuthnRequest as a Test Connection's (a NinjaOne tenant not enabled yet
  // accepts only that sign-in).
  const start = new URL(href.replaceAll('&amp;', '&'), page.url);
  this.saml.outcome = undefined;
  this.saml.landing = undefined;
  this.saml.lastSignInEmail = email;
  const form = await this.saml.startAtSp(email, undefined, start);
  // The IdP may refuse (its error page, nothing posted back to the SP): the outcome says why.
  if (form) await this.saml.postAsBrowser(form);
});

Then('the browser is back on the Test Connection page', async function (this: HarnessWorld) {
  const landing = this.saml.landing;
  assert.ok(landing, 'no response was posted as a browser');
  assert.equal(landing.status, 303, `the ACS answered ${landing.status}, not a redirect back to the test`);
  assert.equal(landing.location, await testConnectionUrl(this));
});

async function testConnectionJson(world: HarnessWorld): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await world.saml.browser.fetch(await testConnectionUrl(world), { headers: { accept: 'application/json' } });
  const text = await response.text();
  world.attach(`HTTP ${response.status}\n${text}`, 'Test Connection JSON');
  return { status: response.status, body: JSON.parse(text) as Record<string, unknown> };
}

Then('the Test Connection result is:', async function (this: HarnessWorld, expectedJson: string) {
  const expected = JSON.parse(expectedJson) as Record<string, unknown>;
  assert.ok(Object.keys(expected).length > 0, 'the expected JSON names no field');
  const { status, body } = await testConnectionJson(this);
  assert.equal(status, 200, `Test Connection answered ${status}: ${JSON.stringify(body)}`);
  for (const [key, value] of Object.entries(expected)) {
    assert.ok(Object.hasOwn(body, key), `the result has no field "${key}"`);
    assert.deepEqual(body[key], value, `field "${key}"`);
  }
});

Then('the Test Connection page shows the same JSON', async function (this: HarnessWorld) {
  const { body } = await testConnectionJson(this);
  const page = await this.saml.browser.fetch(await testConnectionUrl(this), { headers: { accept: 'text/html' } });
  const shown = /<pre id="test-connection-result"[^>]*><code>([\s\S]*?)<\/code><\/pre>/.exec(await page.text())?.[1];
  assert.ok(shown, 'the page shows no result');
  const unescaped = shown.replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
  assert.deepEqual(JSON.parse(unescaped), body);
});

Then('the Test Connection reports {string}', async function (this: HarnessWorld, code: string) {
  const { status, body } = await testConnectionJson(this);
  assert.ok(status >= 400 && status < 500, `Test Connection answered ${status}`);
  assert.equal(body['error'], code);
});

Then('the browser shows the sign-in refused with {string}', function (this: HarnessWorld, code: string) {
  const landing = this.saml.landing;
  assert.ok(landing, 'no response was posted as a browser');
  assert.ok(landing.status >= 400 && landing.status < 500, `the ACS answered ${landing.status}`);
  assert.equal(/data-error-code="([^"]+)"/.exec(landing.html)?.[1], code);
});

// ---- the IdP sections of the guide (Custom SAML, step 1 "Create and set up the application", 3. Attribute Mapping) ----

const unspecified = ATTRNAME_FORMAT.unspecified;

/**
 * The attribute statements each IdP section of the guide has the administrator add, each named by the
 * assistant's Mapping value (login, email, name, groups), with the IdP's own source field.
 */
const GUIDE_STATEMENTS: Readonly<Record<string, { readonly preset: PresetName; readonly attributes: readonly AttributeStatement[] }>> = {
  // Okta: Name ← user.firstName, Login ← user.login, Email ← user.email (Name format Unspecified); Groups: filter .*
  Okta: {
    preset: 'okta',
    attributes: [
      { name: 'name', from: 'givenName', nameFormat: unspecified },
      { name: 'login', from: 'login', nameFormat: unspecified },
      { name: 'email', from: 'email', nameFormat: unspecified },
      { name: 'groups', from: 'groups', nameFormat: unspecified },
    ],
  },
  // Entra: the namespaced claims removed; Email ← user.mail, Login ← user.userprincipalname, Name ← user.givenname,
  // a group claim for the groups assigned to the application.
  'Microsoft Entra ID': {
    preset: 'entra',
    attributes: [
      { name: 'email', from: 'email' },
      { name: 'login', from: 'login' },
      { name: 'name', from: 'givenName' },
      { name: 'groups', from: 'groups' },
    ],
  },
  // JumpCloud: Name ← username, Login ← displayname, Email ← email; "Include Group Attribute" named groups.
  JumpCloud: {
    preset: 'jumpcloud',
    attributes: [
      { name: 'name', from: 'login' },
      { name: 'login', from: 'displayName' },
      { name: 'email', from: 'email' },
      { name: 'groups', from: 'groups' },
    ],
  },
};

Given(/^the IdP maps the attributes as SonarQube's guide says for (Okta|Microsoft Entra ID|JumpCloud)$/, function (this: HarnessWorld, idp: string) {
  const guide = GUIDE_STATEMENTS[idp]!;
  this.saml.configureIdpRegistration({ preset: guide.preset, attributes: guide.attributes });
});

Given("the IdP's SP Entity ID for the SP is the SP's Single Sign-On URL", async function (this: HarnessWorld) {
  // JumpCloud's "SP Entity ID: copy-paste the Single Sign-On URL field value": JumpCloud addresses its assertions
  // to that value. The SP starts here (its URL is known only then): later steps cannot change its configuration.
  const { url } = await this.saml.sp();
  const acs = `${url}/saml/${this.saml.tenant().id}/acs`;
  assert.notEqual(acs, await this.saml.spEntityId(), 'the SP entity ID already is the Single Sign-On URL: the step would change nothing');
  this.saml.deviations.push({ method: 'audience', args: [acs] });
});

Given('the tenant accepts only its entity ID as the audience', function (this: HarnessWorld) {
  const draft = this.saml.tenant();
  if (!samlProfileDefaults(draft.profile).acsUrlAsAudience) {
    throw new StepArgumentError('audience/already-entity-id-only', `the ${draft.profile} profile already accepts only its entity ID as the audience`);
  }
  this.saml.configureSaml({ acsUrlAsAudience: false });
});

Given('{string} is in the group {string}, which the IdP nests in {string}', async function (this: HarnessWorld, email: string, group: string, parent: string) {
  if (group === parent) throw new StepArgumentError('group/nested-in-itself', `"${group}" cannot be nested in itself`);
  // Entra's SAML group claim lists the groups the user is a direct member of: the parent is not in the token.
  await this.saml.idpUser(email, [group]);
});

// ---- 2. Configure Connection: the Automatic tab (Metadata URL) and the Manual tab ----

/**
 * The IdP's published metadata of the running scenario (one scenario at a time per cucumber worker), closed by
 * the After hook below.
 */
let metadataHost: MetadataHost | undefined;

After(async () => {
  await metadataHost?.close();
  metadataHost = undefined;
});

Given("the tenant's Metadata URL is the IdP's published metadata \\(Automatic tab\\)", async function (this: HarnessWorld) {
  const idp = await this.saml.idp();
  metadataHost = new MetadataHost(idp.metadataXml());
  this.saml.trustIdp({ custom: { metadataUrl: await metadataHost.start() } });
});

Given("the tenant fetches the IdP's metadata again every {int} hours", function (this: HarnessWorld, hours: number) {
  const trust = this.saml.tenant().trust;
  const idp = typeof trust === 'object' ? trust.custom : undefined;
  if (!idp?.metadataUrl) throw new StepArgumentError('metadata/not-from-url', 'only a tenant that imports the metadata from a URL fetches it again');
  this.saml.trustIdp({ custom: { ...idp, metadataRefreshSeconds: hours * 3600 } });
});

When('the IdP rolls its signing certificate over to a new key', async function (this: HarnessWorld) {
  const idp = await this.saml.idp();
  // From now on the IdP signs with its second key pair, and its published metadata names that key's certificate.
  this.saml.deviations.push('signWithRogueKey');
  metadataHost?.publish(idpMetadataXml({ entityId: idp.entityId, ssoUrl: `${idp.baseUrl}/saml/sso`, signingCertificatePem: idp.keys.rogue.certificatePem }));
});

When("the IdP's metadata URL stops answering", function (this: HarnessWorld) {
  if (!metadataHost) throw new StepArgumentError('metadata/not-from-url', "the tenant does not import the IdP's metadata from a URL");
  metadataHost.failWith(503);
});

When('{int} hours pass', function (this: HarnessWorld, hours: number) {
  this.clock.advance(hours * 3_600_000);
});

Then("the SP has fetched the IdP's metadata {int} times", function (this: HarnessWorld, times: number) {
  assert.ok(metadataHost, "the tenant does not import the IdP's metadata from a URL");
  assert.equal(metadataHost.fetches, times);
});
