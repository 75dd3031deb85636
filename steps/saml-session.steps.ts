/*
 * Steps for the IdP's session and the options of the SP's AuthnRequest: IsPassive and ForceAuthn (SAML Core
 * §3.4.1), NameIDPolicy (§3.4.1.1), RequestedAuthnContext (§3.3.2.2.1) and the HTTP-POST binding (Bindings §3.5).
 * The browser signs in by hand (./support/saml/session-flow.ts); verdicts are stable codes, never message text.
 * Every configuring step refuses arguments that name nothing it knows, before the scenario runs.
 */
import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import { sessionFlow, type SignInMethod } from './support/saml/session-flow.ts';
import { StepArgumentError } from './support/step-error.ts';
import type { HarnessWorld } from './support/world.ts';

const NAME_ID_FORMATS = ['emailAddress', 'persistent', 'transient', 'unspecified'] as const;
type NameIdFormat = (typeof NAME_ID_FORMATS)[number];
const COMPARISONS = ['exact', 'minimum', 'better', 'maximum'] as const;
const CLASSES = ['Password', 'PasswordProtectedTransport', 'X509', 'MobileTwoFactorContract'] as const;
const AC = 'urn:oasis:names:tc:SAML:2.0:ac:classes:';
const NAME_ID_FORMAT_URI: Record<NameIdFormat, string> = {
  emailAddress: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
  persistent: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
  transient: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient',
  unspecified: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
};

function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new StepArgumentError('parameter/unknown-value', `${what} "${value}" is not one of ${allowed.join(', ')}`);
  return value as T;
}

// ---- the SP's AuthnRequest ----

Given('the tenant asks the IdP not to show the user anything', function (this: HarnessWorld) {
  this.saml.configureSaml({ isPassive: true });
});

Given('the tenant sends its AuthnRequests by HTTP-POST', function (this: HarnessWorld) {
  this.saml.configureSaml({ authnRequestBinding: 'post' });
});

Given('the tenant asks for the NameID format {string}', function (this: HarnessWorld, format: string) {
  this.saml.configureSaml({ nameIdPolicy: { format: oneOf(format, NAME_ID_FORMATS, 'NameID format') } });
});

Given('the tenant asks for the NameID format {string} without letting the IdP create one', function (this: HarnessWorld, format: string) {
  this.saml.configureSaml({ nameIdPolicy: { format: oneOf(format, NAME_ID_FORMATS, 'NameID format'), allowCreate: false } });
});

Given('the tenant asks for NameIDs in the namespace of {string}', function (this: HarnessWorld, qualifier: string) {
  if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(qualifier)) throw new StepArgumentError('parameter/unknown-value', `"${qualifier}" is not a URI naming an SP or an affiliation`);
  const current = (this.saml.tenant().saml['nameIdPolicy'] ?? {}) as Record<string, unknown>;
  this.saml.configureSaml({ nameIdPolicy: { ...current, spNameQualifier: qualifier } });
});

Given('the tenant requests the authentication context {string} compared {string}', function (this: HarnessWorld, cls: string, comparison: string) {
  this.saml.configureSaml({
    requestedAuthnContext: { comparison: oneOf(comparison, COMPARISONS, 'comparison'), classes: [oneOf(cls, CLASSES, 'authentication context class')] },
  });
});

Given("the IdP's app for the tenant sends the NameID format {string}", function (this: HarnessWorld, format: string) {
  this.saml.configureIdpRegistration({ nameIdFormat: oneOf(format, NAME_ID_FORMATS, 'NameID format') });
});

// ---- the browser ----

When('the browser starts a sign-in at the SP', async function (this: HarnessWorld) {
  await sessionFlow(this).start();
});

When('the browser starts a sign-in at the tenant {string}', async function (this: HarnessWorld, tenantId: string) {
  assert.ok(this.saml.tenants.has(tenantId), `no tenant ${tenantId} in this scenario`);
  await sessionFlow(this).start(tenantId);
});

async function signInAtIdp(world: HarnessWorld, email: string, how: SignInMethod): Promise<void> {
  const flow = sessionFlow(world);
  if (flow.replies.at(-1)?.kind !== 'login-page') await flow.start();
  await flow.signInOnLoginPage(email, how);
}

When('{string} signs in at the IdP with a password', async function (this: HarnessWorld, email: string) {
  await signInAtIdp(this, email, 'password');
});

When('{string} signs in at the IdP with MFA', async function (this: HarnessWorld, email: string) {
  await signInAtIdp(this, email, 'mfa');
});

When('{string} signs in at the IdP with MFA, but the IdP reports {string} in the assertion', async function (this: HarnessWorld, email: string, cls: string) {
  const flow = sessionFlow(this);
  if (flow.replies.at(-1)?.kind !== 'login-page') await flow.start();
  // A deviation queued without a user: the login page still asks who signs in, then the IdP misreports the class.
  (await this.saml.idp()).control.setNextSignIn({ deviations: [{ method: 'authnContextClassRef', args: [AC + oneOf(cls, CLASSES, 'authentication context class')] }] });
  await flow.signInOnLoginPage(email, 'mfa');
});

When('someone changes the AuthnRequest on its way to the IdP', function (this: HarnessWorld) {
  sessionFlow(this).tamper = (xml) => xml.replace(/ AssertionConsumerServiceURL="[^"]*"/, ' AssertionConsumerServiceURL="https://attacker.example/acs"');
});

// ---- what the IdP did ----

Then('the IdP shows its login page, offering {}', function (this: HarnessWorld, offered: string) {
  const reply = sessionFlow(this).replies.at(-1);
  assert.equal(reply?.kind, 'login-page', `the IdP answered ${reply?.kind ?? 'nothing'}`);
  const expected = { 'a password and MFA': ['password', 'mfa'], 'MFA only': ['mfa'] }[offered];
  if (!expected) throw new StepArgumentError('parameter/unknown-value', `"${offered}" is not "a password and MFA" or "MFA only"`);
  assert.deepEqual(reply.methods, expected);
});

Then('the IdP answers at once, without its login page', function (this: HarnessWorld) {
  const reply = sessionFlow(this).replies.at(-1);
  assert.equal(reply?.kind, 'posted', `the IdP answered ${reply?.kind ?? 'nothing'}`);
});

Then('the IdP answers with the status {string} and no assertion', function (this: HarnessWorld, status: string) {
  const flow = sessionFlow(this);
  assert.equal(flow.replies.at(-1)?.kind, 'posted', 'the IdP posted nothing to the SP');
  const xml = flow.lastResponseXml();
  const codes = [...xml.matchAll(/StatusCode Value="urn:oasis:names:tc:SAML:2\.0:status:(\w+)"/g)].map((m) => m[1]);
  assert.equal(codes.join('/'), status);
  assert.doesNotMatch(xml, /Assertion/);
});

Then('both sign-ins share one IdP session', function (this: HarnessWorld) {
  const indexes = sessionFlow(this).sessionIndexes;
  assert.equal(indexes.length, 2, `${indexes.length} assertions were posted`);
  assert.equal(indexes[0], indexes[1]);
});

Then('the assertion says the user authenticated with {string}', function (this: HarnessWorld, cls: string) {
  const used = /<saml:AuthnContextClassRef>([^<]*)<\/saml:AuthnContextClassRef>/.exec(sessionFlow(this).lastResponseXml())?.[1];
  assert.equal(used, AC + oneOf(cls, CLASSES, 'authentication context class'));
});

Then('the assertion names the user in the NameID format {string}', function (this: HarnessWorld, format: string) {
  const used = /<saml:NameID Format="([^"]*)"/.exec(sessionFlow(this).lastResponseXml())?.[1];
  assert.equal(used, NAME_ID_FORMAT_URI[oneOf(format, NAME_ID_FORMATS, 'NameID format')]);
});

Then('the AuthnRequest went by HTTP-POST with its signature inside the XML', function (this: HarnessWorld) {
  const sent = sessionFlow(this).requests.at(-1);
  assert.equal(sent?.binding, 'post');
  assert.match(sent.xml, /<\/saml:Issuer><ds:Signature /);
  assert.equal(sent.form?.fields['Signature'], undefined, 'a POSTed request carries no Signature parameter');
});

Then('the AuthnRequest carried {string}', function (this: HarnessWorld, fragment: string) {
  const sent = sessionFlow(this).requests.at(-1);
  assert.ok(sent, 'the SP sent no AuthnRequest');
  assert.ok(sent.xml.includes(fragment), `the AuthnRequest does not carry ${fragment}`);
});
