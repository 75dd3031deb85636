/*
 * Steps that play the browser between the mock IdP and the reference SP, and assert the SP's verdict by its
 * stable rejection code (never by message text).
 */
import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import { DOMParser } from '@xmldom/xmldom';
import { Browser } from './support/saml/browser.ts';
import type { PostedForm, SignInOutcome } from './support/saml/stage.ts';
import type { HarnessWorld } from './support/world.ts';

const SAML_ASSERTION_NS = 'urn:oasis:names:tc:SAML:2.0:assertion';

function describe(outcome: SignInOutcome | undefined): string {
  if (!outcome) return 'no sign-in happened';
  if (outcome.kind === 'accepted') return `accepted as ${outcome.body.user.userName}`;
  return `${outcome.kind} with ${outcome.code} (HTTP ${outcome.status})`;
}

Given('the clock reads {string}', function (this: HarnessWorld, instant: string) {
  this.clock.set(new Date(instant));
});

When('{string} signs in starting at the SP', async function (this: HarnessWorld, email: string) {
  await this.saml.signIn(email, 'sp');
});

When("{string} signs in from the IdP's portal", async function (this: HarnessWorld, email: string) {
  await this.saml.signIn(email, 'idp');
});

Given('{string} has signed in starting at the SP', async function (this: HarnessWorld, email: string) {
  const outcome = await this.saml.signIn(email, 'sp');
  assert.equal(outcome.kind, 'accepted', describe(outcome));
});

When('the same Response is posted to the SP again', async function (this: HarnessWorld) {
  assert.ok(this.saml.lastPosted, 'nothing was posted yet');
  await this.saml.postAndRecord(this.saml.lastPosted);
});

Given('{string} is signed in by the IdP but the browser is slow to post', async function (this: HarnessWorld, email: string) {
  const form = await this.saml.startAtSp(email);
  assert.ok(form, describe(this.saml.outcome));
  this.saml.heldForm = form;
});

When('{int} minutes pass before the browser posts the response', async function (this: HarnessWorld, minutes: number) {
  assert.ok(this.saml.heldForm, 'no response is waiting to be posted');
  this.clock.advance(minutes * 60_000);
  await this.saml.postAndRecord(this.saml.heldForm);
});

When('the browser posts {string} as the SAMLResponse', async function (this: HarnessWorld, payload: string) {
  const { url } = await this.saml.sp();
  await this.saml.postAndRecord({ action: `${url}/saml/${this.saml.tenant().id}/acs`, fields: { SAMLResponse: payload } });
});

Then('the SP signs {string} in', async function (this: HarnessWorld, email: string) {
  const outcome = this.saml.outcome;
  assert.equal(outcome?.kind, 'accepted', describe(outcome));
  assert.equal(outcome.body.user.userName.toLowerCase(), email.toLowerCase());
});

Then('the SP rejects the sign-in with {string}', function (this: HarnessWorld, code: string) {
  const outcome = this.saml.outcome;
  assert.equal(outcome?.kind, 'rejected', describe(outcome));
  assert.equal(outcome.code, code, describe(outcome));
  assert.ok(outcome.status >= 400 && outcome.status < 500, `a rejection must be a 4xx, was ${outcome.status}`);
});

Then('the SP rejects the sign-in with {string} naming the expected attribute {string}', function (this: HarnessWorld, code: string, attribute: string) {
  const outcome = this.saml.outcome;
  assert.equal(outcome?.kind, 'rejected', describe(outcome));
  assert.equal(outcome.code, code);
  assert.deepEqual([outcome.detail.expected].flat(), [attribute]);
});

Then('the SP received the attribute {string} with the values {aliases}', function (this: HarnessWorld, name: string, values: string[]) {
  const outcome = this.saml.outcome;
  assert.equal(outcome?.kind, 'accepted', describe(outcome));
  assert.deepEqual(outcome.body.attributes[name], values, `the SP received ${JSON.stringify(outcome.body.attributes)}`);
});

Then('the SP received no attribute {string}', function (this: HarnessWorld, name: string) {
  const outcome = this.saml.outcome;
  assert.equal(outcome?.kind, 'accepted', describe(outcome));
  assert.ok(!Object.hasOwn(outcome.body.attributes, name), `the SP received ${JSON.stringify(outcome.body.attributes)}`);
});

/** What the SP ignores (it reads attributes by Name) is read from the Response the browser posted. */
Then('the posted assertion names the attribute {string} with NameFormat {nameFormat}', function (this: HarnessWorld, name: string, nameFormat: string) {
  const samlResponse = this.saml.lastPosted?.fields['SAMLResponse'];
  assert.ok(samlResponse, 'no Response was posted');
  const document = new DOMParser().parseFromString(Buffer.from(samlResponse, 'base64').toString('utf8'), 'text/xml');
  const attributes = Array.from(document.getElementsByTagNameNS(SAML_ASSERTION_NS, 'Attribute'));
  const attribute = attributes.find((a) => a.getAttribute('Name') === name);
  assert.ok(attribute, `the assertion has no attribute "${name}" (it has ${attributes.map((a) => a.getAttribute('Name')).join(', ')})`);
  assert.equal(attribute.getAttribute('NameFormat'), nameFormat);
});

Then('the SP refuses the sign-in', function (this: HarnessWorld) {
  const outcome = this.saml.outcome;
  assert.equal(outcome?.kind, 'rejected', describe(outcome));
});

Then('nobody is signed in as {string}', async function (this: HarnessWorld, email: string) {
  const outcome = this.saml.outcome;
  assert.ok(outcome?.kind !== 'accepted' || outcome.body.user.userName !== email, `${email} was signed in`);
  const { url } = await this.saml.sp();
  const me = await this.saml.browser.fetch(`${url}/saml/${this.saml.tenant().id}/me`, { headers: { accept: 'application/json' } });
  assert.equal(me.status, 401, 'the browser holds no session');
});

Then('the error page says {string}', async function (this: HarnessWorld, wording: string) {
  // The same sign-in as a browser sees it: a fresh Response with the same IdP behaviour, posted asking for HTML.
  const form = await this.saml.startAtSp(this.saml.lastSignInEmail!);
  assert.ok(form, describe(this.saml.outcome));
  const response = await this.saml.post(form, 'text/html');
  const html = await response.text();
  this.attach(html, { mediaType: 'text/html', fileName: 'error page' });
  assert.ok(response.status >= 400 && response.status < 500, `expected an error page, got HTTP ${response.status}`);
  assert.ok(html.includes(wording), `the page does not say "${wording}"`);
});

Then("the SP reports that group synchronisation was skipped for Entra's group overage", function (this: HarnessWorld) {
  const outcome = this.saml.outcome;
  assert.equal(outcome?.kind, 'accepted', describe(outcome));
  assert.equal(outcome.body.groupSync?.skipped, 'entra-group-overage');
});

Then('the IdP refuses the AuthnRequest with {string}', function (this: HarnessWorld, code: string) {
  const outcome = this.saml.outcome;
  assert.equal(outcome?.kind, 'idp-refused', describe(outcome));
  assert.equal(outcome.code, code);
});

Then("the Response answers the SP's AuthnRequest", async function (this: HarnessWorld) {
  const idp = await this.saml.idp();
  const issued = idp.control.state().issued.at(-1);
  assert.ok(this.saml.lastAuthnRequest?.id, 'no AuthnRequest was sent');
  assert.equal(issued?.inResponseTo, this.saml.lastAuthnRequest.id);
});

Then('the IdP verified the signature of the AuthnRequest', async function (this: HarnessWorld) {
  const idp = await this.saml.idp();
  const registration = idp.control.sps.get(await this.saml.spEntityId());
  assert.equal(this.saml.lastAuthnRequest?.signed, true, 'the AuthnRequest carried no Signature');
  // The registration demands signed requests, so the IdP refuses any request whose signature does not verify.
  assert.equal(registration?.authnRequestsSigned, true);
});

// ---- RelayState: where the browser goes after sign-in ----

When("{string} signs in from the IdP's portal, which sends the RelayState {string}", async function (this: HarnessWorld, email: string, relayState: string) {
  const form = await this.saml.startAtIdp(email, relayState);
  assert.ok(form, describe(this.saml.outcome));
  await this.saml.postAsBrowser(form);
});

When('{string} signs in starting at the SP to return to {string}', async function (this: HarnessWorld, email: string, relayState: string) {
  const form = await this.saml.startAtSp(email, relayState);
  assert.ok(form, describe(this.saml.outcome));
  await this.saml.postAsBrowser(form);
});

Then('the browser is sent to {string} on the SP', async function (this: HarnessWorld, path: string) {
  const { url } = await this.saml.sp();
  assert.equal(this.saml.landing?.status, 303, `expected a 303 redirect, got HTTP ${this.saml.landing?.status}`);
  assert.equal(this.saml.landing.location, `${url}${path}`);
});

Then('the browser stays on the SP, where {string} is signed in', function (this: HarnessWorld, email: string) {
  const landing = this.saml.landing;
  assert.equal(landing?.status, 200, `expected the signed-in page, got HTTP ${landing?.status} ${landing?.location ?? ''}`);
  assert.equal(landing.location, undefined);
  assert.ok(landing.html.includes(`data-user="${email}"`), 'the signed-in page does not name the user');
});

// ---- which browser may answer an AuthnRequest ----

/** The attacker's edit: the unsigned Response element now claims to answer `requestId`. */
function claimInResponseTo(form: PostedForm, requestId: string): PostedForm {
  const xml = Buffer.from(form.fields['SAMLResponse'] ?? '', 'base64').toString('utf8');
  const claimed = xml.replace(/<(\w+:)?Response\b/, (open) => `${open} InResponseTo="${requestId}"`);
  assert.notEqual(claimed, xml, 'no Response element to edit');
  return { action: form.action, fields: { ...form.fields, SAMLResponse: Buffer.from(claimed, 'utf8').toString('base64') } };
}

Given('an attacker has captured an assertion the IdP issued to {string} unsolicited', async function (this: HarnessWorld, email: string) {
  const captured = await this.saml.startAtIdp(email);
  assert.ok(captured, describe(this.saml.outcome));
  this.saml.attacker = { browser: new Browser('attacker'), captured };
});

Given("the attacker has fetched a request ID from the SP's login URL in their own browser", async function (this: HarnessWorld) {
  const attacker = this.saml.attacker;
  assert.ok(attacker, 'no attacker yet');
  attacker.requestId = await this.saml.sendAuthnRequest(attacker.browser);
});

When('the attacker posts the captured assertion in a Response claiming to answer that request', async function (this: HarnessWorld) {
  const attacker = this.saml.attacker;
  assert.ok(attacker?.captured && attacker.requestId, 'the attacker has no captured assertion or request ID');
  await this.saml.postAndRecord(claimInResponseTo(attacker.captured, attacker.requestId), attacker.browser);
});

When('another browser posts that response', async function (this: HarnessWorld) {
  assert.ok(this.saml.heldForm, 'no response is waiting to be posted');
  await this.saml.postAndRecord(this.saml.heldForm, new Browser('another'));
});

When('the browser posts the response', async function (this: HarnessWorld) {
  assert.ok(this.saml.heldForm, 'no response is waiting to be posted');
  await this.saml.postAndRecord(this.saml.heldForm);
});

// ---- the SP's state across a restart ----

Given('the reference SP keeps its state in a database file', function (this: HarnessWorld) {
  this.saml.keepStateInFile();
});

When('the reference SP restarts', async function (this: HarnessWorld) {
  await this.saml.restartSp();
});

Then('the browser is still signed in as {string}', async function (this: HarnessWorld, email: string) {
  const { url } = await this.saml.sp();
  const me = await this.saml.browser.fetch(`${url}/saml/${this.saml.tenant().id}/me`, { headers: { accept: 'application/json' } });
  assert.equal(me.status, 200, 'the browser holds no session');
  assert.equal(((await me.json()) as { user: { userName: string } }).user.userName, email);
});
