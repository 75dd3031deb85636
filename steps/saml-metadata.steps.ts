/*
 * Steps of the IdP metadata lifecycle (saml-metadata §2.3.2 validUntil/cacheDuration, §3 signed metadata,
 * §2.4.1.1 several signing keys): how the mock IdP publishes its metadata and rolls its signing key over
 * (its control object, the same operations as PUT /control/metadata and POST /control/keys/*), how the tenant
 * imports and follows that metadata, and what the reference SP made of it at start-up.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Given, Then, When } from '@cucumber/cucumber';
import { responseBuilder } from '../mock-idp/index.ts';
import { ConfigError, resolveConfig, type ReferenceSpConfig } from '../reference-sp/config/index.ts';
import { parseIdpMetadata } from '../reference-sp/config/idp-metadata.ts';
import type { IdpInput } from '../reference-sp/config/saml-section.ts';
import { toPemCertificate } from '../reference-sp/saml/xml.ts';
import { StepArgumentError } from './support/step-error.ts';
import type { HarnessWorld } from './support/world.ts';

const HOUR_MS = 3_600_000;
const FIXTURES = join(import.meta.dirname, '..', 'reference-sp', 'config', 'fixtures');
/** The vendors' metadata shapes (reference-sp/config/fixtures/README.md). */
const VENDOR_METADATA: Readonly<Record<string, string>> = { Entra: 'entra-federationmetadata.xml', Okta: 'okta-metadata.xml' };

/** What "the reference SP loads its configuration" resolved, per scenario. */
const loaded = new WeakMap<HarnessWorld, ReferenceSpConfig>();

/** The tenant's imported-metadata settings; refuses a tenant given the IdP by hand (the step would test nothing). */
function importedIdp(world: HarnessWorld): IdpInput {
  const trust = world.saml.tenant().trust;
  const idp = typeof trust === 'object' ? trust.custom : undefined;
  if (!idp || (idp.metadataUrl === undefined && idp.metadataXml === undefined && idp.metadataFile === undefined)) {
    throw new StepArgumentError('metadata/not-imported', 'the tenant does not import the IdP metadata: start with "the tenant follows the IdP\'s metadata URL …"');
  }
  return idp;
}

// ---- how the IdP publishes its metadata ----

Given('the IdP publishes metadata that is valid for {int} hours', async function (this: HarnessWorld, hours: number) {
  const idp = await this.saml.idp();
  idp.control.metadataPublication.update({ validUntil: new Date(this.clock.now().getTime() + hours * HOUR_MS).toISOString() });
});

Given('the IdP publishes metadata whose validUntil has passed', async function (this: HarnessWorld) {
  const idp = await this.saml.idp();
  idp.control.metadataPublication.update({ validUntil: new Date(this.clock.now().getTime() - HOUR_MS).toISOString() });
});

Given('the IdP publishes metadata with a cacheDuration of {string}', async function (this: HarnessWorld, duration: string) {
  const idp = await this.saml.idp();
  idp.control.metadataPublication.update({ cacheDuration: duration });
});

Given('the IdP signs its published metadata', async function (this: HarnessWorld) {
  const idp = await this.saml.idp();
  idp.control.metadataPublication.update({ signed: true });
});

// ---- how the tenant imports it ----

Given("the tenant follows the IdP's metadata URL, fetched again at most every {int} hours", async function (this: HarnessWorld, hours: number) {
  const idp = await this.saml.idp();
  this.saml.trustIdp({ custom: { metadataUrl: `${idp.baseUrl}/metadata`, metadataRefreshSeconds: hours * 3600 } });
});

Given("the tenant requires the IdP's metadata to be signed by the IdP's signing certificate", async function (this: HarnessWorld) {
  const idp = await this.saml.idp();
  this.saml.trustIdp({ custom: { ...importedIdp(this), metadataSigningCertificate: idp.keys.signing.certificatePem } });
});

Given("the tenant requires the IdP's metadata to be signed by another certificate", function (this: HarnessWorld) {
  this.saml.trustIdp({ custom: { ...importedIdp(this), metadataSigningCertificate: this.saml.foreignCertificatePem() } });
});

Given("the tenant imports the IdP's signed metadata, changed after signing to send sign-ins elsewhere", async function (this: HarnessWorld) {
  const idp = await this.saml.idp();
  if (!idp.control.metadataPublication.settings.signed)
    throw new StepArgumentError('metadata/not-signed', 'the IdP does not sign its metadata: add "the IdP signs its published metadata"');
  const tampered = idp.control.publishedMetadataXml().replaceAll(`${idp.baseUrl}/saml/sso`, 'https://attacker.example.test/sso');
  this.saml.trustIdp({ custom: { metadataXml: tampered, metadataSigningCertificate: idp.keys.signing.certificatePem } });
});

Given("the tenant imports {word}'s federation metadata", function (this: HarnessWorld, vendor: string) {
  const file = VENDOR_METADATA[vendor];
  if (!file) throw new StepArgumentError('parameter/unknown-value', `no federation metadata of "${vendor}" (known: ${Object.keys(VENDOR_METADATA).join(', ')})`);
  this.saml.trustIdp({ custom: { metadataFile: join(FIXTURES, file) } });
});

Given("the tenant requires Entra's metadata to be signed by its token-signing certificate", function (this: HarnessWorld) {
  const idp = importedIdp(this);
  if (idp.metadataFile !== join(FIXTURES, VENDOR_METADATA['Entra']!))
    throw new StepArgumentError('metadata/not-imported', "the tenant does not import Entra's federation metadata");
  const parsed = parseIdpMetadata(readFileSync(idp.metadataFile, 'utf8'));
  assert.ok(parsed.ok, "Entra's fixture no longer parses");
  // Entra signs its federation metadata with the first (current) token-signing certificate it publishes.
  this.saml.trustIdp({ custom: { ...idp, metadataSigningCertificate: toPemCertificate(parsed.value.signingCertificates[0]!) } });
});

When('the reference SP loads its configuration', async function (this: HarnessWorld) {
  try {
    loaded.set(this, await resolveConfig(await this.saml.configInput('http://127.0.0.1:7100'), { clock: this.clock }));
    this.saml.configProblems = [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    this.saml.configProblems = [...error.problems];
    this.attach(error.problems.join('\n'), { mediaType: 'text/plain', fileName: 'config problems' });
  }
});

Then('the configuration is refused with {string} at {string}', function (this: HarnessWorld, code: string, path: string) {
  const problems = this.saml.configProblems ?? [];
  assert.ok(problems.length > 0, 'the configuration was accepted');
  const hit = problems.find((p) => p.startsWith(`${path} `));
  assert.ok(hit, `no problem at ${path}: ${problems.join(' | ')}`);
  assert.ok(hit.includes(`(${code},`), `the problem at ${path} has another code: ${hit}`);
});

Then(
  'the tenant trusts the IdP {string} with {int} signing certificate(s) and signs in at {string}',
  function (this: HarnessWorld, entityId: string, count: number, ssoUrl: string) {
    const config = loaded.get(this);
    assert.ok(config, `the configuration was refused: ${(this.saml.configProblems ?? []).join(' | ')}`);
    const idp = config.tenants.find((t) => t.id === this.saml.tenant().id)!.saml.idp;
    assert.deepEqual({ entityId: idp.entityId, certificates: idp.signingCertificates.length, ssoUrl: idp.ssoUrl }, { entityId, certificates: count, ssoUrl });
  },
);

// ---- key rollover (the control API's POST /control/keys/rollover, activate, retire) ----

Given('the IdP publishes a new signing key next to its current one', async function (this: HarnessWorld) {
  (await this.saml.idp()).control.ctx.keys.ring!.rollover();
});

Given('the IdP starts signing with its new key', async function (this: HarnessWorld) {
  (await this.saml.idp()).control.ctx.keys.ring!.activate();
});

Given('the IdP retires its old signing key', async function (this: HarnessWorld) {
  (await this.saml.idp()).control.ctx.keys.ring!.retire();
});

When("a response signed with the IdP's retired key is posted for {string}", async function (this: HarnessWorld, email: string) {
  const idp = await this.saml.idp();
  const retired = idp.keys.ring?.retired;
  if (!retired) throw new StepArgumentError('keys/none-retired', 'the IdP has not retired a signing key: add "the IdP retires its old signing key"');
  // What an IdP node that missed the rollover sends: the answer to the SP's own AuthnRequest, signed with the old key.
  const requestId = await this.saml.sendAuthnRequest();
  const { url } = await this.saml.sp();
  const acs = `${url}/saml/${this.saml.tenant().id}/acs`;
  const built = await responseBuilder({ clock: this.clock, keys: { signing: retired, rogue: idp.keys.rogue }, issuer: idp.entityId })
    .forSp(await this.saml.spEntityId(), acs)
    .nameId(email, 'emailAddress')
    .inResponseTo(requestId)
    .build();
  await this.saml.postAndRecord({ action: acs, fields: { SAMLResponse: built.base64 } });
});
