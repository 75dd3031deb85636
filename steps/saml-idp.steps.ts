/*
 * Steps about what the mock IdP sends: each Given queues one builder deviation (docs/mock-idp.md) or changes
 * how the IdP is set up for the SP, so each negative scenario traces to one call.
 */
import { Given } from '@cucumber/cucumber';
import type { CiphertextCorruption, DataAlgorithmName, KeyAlgorithmName, PresetName, SignatureAlgorithmName, XswKind } from '../mock-idp/index.ts';
import { addAttribute, assertSendsGroups, onlyAttributes, renameAttribute, withNameFormat, withValues } from './support/saml/attribute-statements.ts';
import type { HarnessWorld } from './support/world.ts';

const SIGN_ONLY = { response: 'signResponseOnly', assertion: 'signAssertionOnly', both: 'signBoth' } as const;

Given('the IdP signs the {placement} with {rsaAlgorithm}', function (this: HarnessWorld, placement: keyof typeof SIGN_ONLY, algorithm: SignatureAlgorithmName) {
  this.saml.deviations.push(SIGN_ONLY[placement], { method: 'signatureAlgorithm', args: [algorithm] });
});

Given('the IdP does not sign the response', function (this: HarnessWorld) {
  this.saml.deviations.push('omitSignature');
});

Given('the IdP signs with a key the SP does not trust', function (this: HarnessWorld) {
  this.saml.deviations.push('signWithRogueKey');
});

Given('the IdP changes the assertion after signing it', function (this: HarnessWorld) {
  this.saml.deviations.push('tamperAfterSigning');
});

Given('an attacker wraps the signed assertion using {xsw} to claim to be {string}', function (this: HarnessWorld, kind: XswKind, attacker: string) {
  this.saml.deviations.push({ method: 'wrapSignature', args: [kind, attacker] });
});

Given('the IdP encrypts the assertion with {dataEncryption} and {keyTransport}', async function (this: HarnessWorld, data: DataAlgorithmName, key: KeyAlgorithmName) {
  const { sp } = await this.saml.sp();
  this.saml.deviations.push({ method: 'encryptTo', args: [sp.spKeys.certificatePem, { dataAlgorithm: data, keyAlgorithm: key }] });
});

/*
 * What a decryption-oracle attacker sends (xmlenc-core1 §6.1.2): one ciphertext change per wording, each a
 * `corrupt` option of the builder's encryptTo (mock-idp/saml/encrypt/encrypt-assertion.ts).
 */
const CORRUPTIONS: Readonly<Record<string, CiphertextCorruption>> = {
  'breaks the CBC padding': 'padding',
  'breaks the GCM tag': 'tag',
  'encrypts text that is not XML': 'plaintext-not-xml',
  'encrypts an assertion that is not well-formed': 'plaintext-not-well-formed',
};

Given(
  /^the IdP encrypts the assertion with (AES128-CBC|AES256-CBC|AES128-GCM|AES256-GCM) and RSA-OAEP but (breaks the CBC padding|breaks the GCM tag|encrypts text that is not XML|encrypts an assertion that is not well-formed)$/,
  async function (this: HarnessWorld, data: string, corruption: string) {
    const { sp } = await this.saml.sp();
    const dataAlgorithm = data.toLowerCase() as DataAlgorithmName;
    this.saml.deviations.push({ method: 'encryptTo', args: [sp.spKeys.certificatePem, { dataAlgorithm, keyAlgorithm: 'rsa-oaep', corrupt: CORRUPTIONS[corruption]! }] });
  },
);

Given("the IdP encrypts the assertion to a certificate that is not the SP's", function (this: HarnessWorld) {
  this.saml.deviations.push({ method: 'encryptTo', args: [this.saml.foreignCertificatePem(), {}] });
});

Given("the IdP's assertions become valid {duration} from now", function (this: HarnessWorld, ms: number) {
  this.saml.deviations.push({ method: 'notYetValidFor', args: [ms] });
});

Given("the IdP's assertions expired {duration} ago", function (this: HarnessWorld, ms: number) {
  this.saml.deviations.push({ method: 'expiredBy', args: [ms] });
});

Given("the IdP's assertions are valid for {duration}", function (this: HarnessWorld, ms: number) {
  this.saml.deviations.push({ method: 'validFor', args: [ms] });
});

Given('the IdP addresses the assertion to the audience {string}', function (this: HarnessWorld, audience: string) {
  this.saml.deviations.push({ method: 'audience', args: [audience] });
});

Given('the IdP sets the bearer Recipient to {string}', function (this: HarnessWorld, recipient: string) {
  this.saml.deviations.push({ method: 'recipient', args: [recipient] });
});

Given('the IdP sets the Response Destination to {string}', function (this: HarnessWorld, destination: string) {
  this.saml.deviations.push({ method: 'destination', args: [destination] });
});

Given('the IdP addresses its responses to a second reply URL {string}', function (this: HarnessWorld, url: string) {
  // Okta's "Other Requestable SSO URLs": the Response names the second URL as Destination and Recipient.
  this.saml.deviations.push({ method: 'destination', args: [url] }, { method: 'recipient', args: [url] });
});

Given('the IdP has only the reply URL {string} registered for the SP', function (this: HarnessWorld, url: string) {
  this.saml.configureIdpRegistration({ acs: url });
});

Given('the IdP names itself {string} as the issuer', function (this: HarnessWorld, issuer: string) {
  this.saml.deviations.push({ method: 'issuer', args: [issuer] });
});

Given('the IdP answers an AuthnRequest the SP never sent', function (this: HarnessWorld) {
  this.saml.deviations.push({ method: 'inResponseTo', args: ['_ssoh-never-sent-0001'] });
});

Given('the IdP adds a DOCTYPE with an external entity to the Response', function (this: HarnessWorld) {
  this.saml.deviations.push('withDoctype');
});

Given('the IdP puts two assertions in the Response', function (this: HarnessWorld) {
  this.saml.deviations.push('duplicateAssertion');
});

/*
 * Attribute statements: each step changes what the IdP sends the tenant's SP (whatever the SP, whatever it sends
 * today) and fails with attribute/not-sent or attribute/already-sent when its arguments do not apply
 * (./support/saml/attribute-statements.ts), so it can never leave the assertion unchanged.
 */
Given('the IdP sends the attributes {aliases}', function (this: HarnessWorld, kept: string[]) {
  this.saml.changeIdpAttributes((statements) => onlyAttributes(statements, kept));
});

Given('the IdP sends the attribute {string} instead of {string}', function (this: HarnessWorld, sent: string, instead: string) {
  this.saml.changeIdpAttributes((statements) => renameAttribute(statements, sent, instead));
});

Given('the IdP sends the attribute {string} with NameFormat {nameFormat}', function (this: HarnessWorld, name: string, nameFormat: string) {
  this.saml.changeIdpAttributes((statements) => withNameFormat(statements, name, nameFormat));
});

Given('the IdP sends the attribute {string} with the values {aliases}', function (this: HarnessWorld, name: string, values: string[]) {
  this.saml.changeIdpAttributes((statements) => withValues(statements, name, values));
});

Given('the IdP also sends the attribute {string} with the values {aliases}', function (this: HarnessWorld, name: string, values: string[]) {
  this.saml.changeIdpAttributes((statements) => addAttribute(statements, name, values));
});

Given('the IdP names its claims the way {idpPreset} does', function (this: HarnessWorld, preset: PresetName) {
  this.saml.configureIdpRegistration({ preset, attributes: undefined });
});

Given('the IdP sends {string} in {int} groups', async function (this: HarnessWorld, email: string, count: number) {
  assertSendsGroups(this.saml.idpStatements());
  await this.saml.idpUser(
    email,
    Array.from({ length: count }, (_, i) => `team-${String(i + 1).padStart(3, '0')}`),
  );
});

Given('the IdP sends {string} in the groups {aliases}', async function (this: HarnessWorld, email: string, groups: string[]) {
  assertSendsGroups(this.saml.idpStatements());
  await this.saml.idpUser(email, groups);
});
