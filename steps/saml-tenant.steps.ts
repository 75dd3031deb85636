/*
 * Steps about the reference SP's tenants: their profile, how they trust the IdP, their SAML policy and users.
 */
import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import { ConfigError, resolveConfig, type ProfileName } from '../reference-sp/config/index.ts';
import type { IdpTrust } from './support/saml/stage.ts';
import type { HarnessWorld } from './support/world.ts';

Given('the reference SP has a tenant {string} with the {profile} profile', function (this: HarnessWorld, id: string, profile: ProfileName) {
  this.saml.defineTenant(id, profile);
});

Given('the tenant trusts the mock IdP through its metadata', function (this: HarnessWorld) {
  this.saml.trustIdp('metadata-url');
});

Given("the tenant imports the mock IdP's metadata from its {metadataSource}", function (this: HarnessWorld, source: IdpTrust) {
  this.saml.trustIdp(source);
});

Given("the tenant is given the mock IdP's SSO URL and certificate by hand", function (this: HarnessWorld) {
  this.saml.trustIdp('manual');
});

Given('the tenant signs its AuthnRequests', function (this: HarnessWorld) {
  this.saml.configureSaml({ signAuthnRequests: true });
});

Given('the tenant signs its AuthnRequests with a key the IdP does not know', function (this: HarnessWorld) {
  this.saml.configureSaml({ signAuthnRequests: true });
  this.saml.configureIdpRegistration({ authnRequestsSigned: true, signingCertPem: this.saml.foreignCertificatePem() });
});

Given('the tenant requires the {placement} to be signed', function (this: HarnessWorld, placement: 'response' | 'assertion' | 'both') {
  this.saml.configureSaml({ wantResponseSigned: placement !== 'assertion', wantAssertionsSigned: placement !== 'response' });
});

Given('the tenant accepts SHA-1 signatures', function (this: HarnessWorld) {
  this.saml.configureSaml({
    allowedSignatureAlgorithms: ['rsa-sha1', 'rsa-sha256', 'rsa-sha512'],
    allowedDigestAlgorithms: ['sha1', 'sha256', 'sha512'],
  });
});

Given('the tenant refuses SHA-1 signatures', function (this: HarnessWorld) {
  this.saml.configureSaml({ allowedSignatureAlgorithms: ['rsa-sha256', 'rsa-sha512'], allowedDigestAlgorithms: ['sha256', 'sha512'] });
});

Given('the tenant accepts only AES-GCM content encryption', function (this: HarnessWorld) {
  this.saml.configureSaml({ allowedEncryptionAlgorithms: ['aes128-gcm', 'aes256-gcm'] });
});

Given('the tenant accepts IdP-initiated sign-in', function (this: HarnessWorld) {
  this.saml.configureSaml({ allowUnsolicited: true });
});

Given('the tenant allows a clock skew of {int} seconds', function (this: HarnessWorld, seconds: number) {
  this.saml.configureSaml({ clockSkewSeconds: seconds });
});

Given('the tenant has autoProvisioningEnabled', function (this: HarnessWorld) {
  this.saml.configureSaml({ autoProvisioningEnabled: true });
});

Given('the tenant does not have autoProvisioningEnabled', function (this: HarnessWorld) {
  this.saml.configureSaml({ autoProvisioningEnabled: false });
});

Given('the user {string} exists in the tenant', function (this: HarnessWorld, email: string) {
  const local = email.split('@')[0]!;
  this.saml.store.createUser(this.saml.tenant().id, { userName: email, email, givenName: local, familyName: 'Example' });
});

Given('{string} is a member of {string} and {string} in the tenant', function (this: HarnessWorld, email: string, first: string, second: string) {
  const user = this.saml.store.findUserByUserName(this.saml.tenant().id, email);
  assert.ok(user, `no user ${email}`);
  this.saml.store.replaceGroupMemberships(this.saml.tenant().id, user.id, [first, second], { preserve: [] });
});

When('the reference SP is configured with a SonarQube tenant that has two ACS URLs', async function (this: HarnessWorld) {
  const idp = await this.saml.idp();
  const base = 'http://127.0.0.1:7100';
  const input = {
    baseUrl: base,
    dataDir: ':memory:',
    tenants: [
      {
        id: 'sonar',
        profile: 'sonarqube',
        saml: {
          idp: { entityId: idp.entityId, ssoUrl: `${idp.baseUrl}/saml/sso`, signingCertificates: [idp.keys.signing.certificatePem] },
          acsUrls: [`${base}/saml/sonar/acs`, `${base}/saml/sonar/acs-2`],
        },
      },
    ],
  };
  try {
    await resolveConfig(input);
    this.saml.configProblems = [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    this.saml.configProblems = [...error.problems];
    this.attach(error.problems.join('\n'), { mediaType: 'text/plain', fileName: 'config problems' });
  }
});

Then('the configuration is refused at {string}', function (this: HarnessWorld, path: string) {
  const problems = this.saml.configProblems ?? [];
  assert.ok(problems.length > 0, 'the configuration was accepted');
  assert.ok(
    problems.some((p) => p.startsWith(`${path} `)),
    `no problem names ${path}; problems: ${problems.join(' | ')}`,
  );
});

Then('the tenant has a user {string} without a password', function (this: HarnessWorld, email: string) {
  const user = this.saml.store.findUserByUserName(this.saml.tenant().id, email);
  assert.ok(user, `the tenant has no user ${email}`);
  assert.equal(user.hasPassword, false);
});

Then('the tenant has no user {string}', function (this: HarnessWorld, email: string) {
  assert.equal(this.saml.store.findUserByUserName(this.saml.tenant().id, email), undefined);
});

Then('{string} is a member of exactly {aliases} in the tenant', function (this: HarnessWorld, email: string, groups: string[]) {
  const user = this.saml.store.findUserByUserName(this.saml.tenant().id, email);
  assert.ok(user, `no user ${email}`);
  assert.deepEqual([...user.groups].sort(), [...groups].sort());
});

/** Entra ID's default SAML claim names (Microsoft identity platform, "Claims in SAML tokens"). */
const ENTRA_DEFAULT_CLAIMS = {
  login: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name',
  email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
  name: 'http://schemas.microsoft.com/identity/claims/displayname',
  groups: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups',
} as const;

Given("the tenant reads Entra's default claim names", function (this: HarnessWorld) {
  this.saml.configureSaml({
    attributeMapping: ENTRA_DEFAULT_CLAIMS,
    requiredAttributes: [ENTRA_DEFAULT_CLAIMS.login, ENTRA_DEFAULT_CLAIMS.email, ENTRA_DEFAULT_CLAIMS.name],
    groupSync: { enabled: true, attributeName: ENTRA_DEFAULT_CLAIMS.groups, preservedGroups: ['Members'] },
  });
});

Then('{string} is a member of {int} groups in the tenant', function (this: HarnessWorld, email: string, count: number) {
  const user = this.saml.store.findUserByUserName(this.saml.tenant().id, email);
  assert.ok(user, `no user ${email}`);
  assert.equal(user.groups.length, count);
});
