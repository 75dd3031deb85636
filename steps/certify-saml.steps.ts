/*
 * Steps of the SAML certification catalog (features/certify-saml, issue 10), spoken in oracle terms: Given steps
 * say what the attacker (or the IdP) changes in a response the mock IdP mints for the SP under test; the When
 * step posts it the way a browser does; Then steps read the oracle's verdict (who is signed in) and attach the
 * evidence (steps/support/saml-certify/stage.ts). A Given step that does not apply to the SP under test skips the
 * scenario with its reason; it never lets a scenario pass without testing.
 */
import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import { generatedKeyPair, systemClock, type DataAlgorithmName, type KeyAlgorithmName, type SignatureAlgorithmName, type XswKind } from '../mock-idp/index.ts';
import { directoryUser } from '../certify/saml/idp.ts';
import { fieldFor, misspell } from '../certify/saml/requested-attributes.ts';
import type { Judgement } from '../certify/saml/attempt.ts';
import type { HarnessWorld } from './support/world.ts';

/**
 * Steps that talk to the SP: a login redirect chain, the POST and the whoami call, each bounded by the target's
 * timeoutMs, may together take longer than cucumber's default step timeout on a slow SP.
 */
const NETWORK = { timeout: 120_000 };

/** Hosts and endpoints that belong to nobody the SP trusts (RFC 2606 .example names). */
const ELSEWHERE = {
  audience: 'https://other-sp.example/saml/metadata',
  acs: 'https://other-sp.example/saml/acs',
  issuer: 'https://untrusted-idp.example/metadata',
  entityUrl: 'http://127.0.0.1:9/ssoh-xxe',
};

function describe(j: Judgement): string {
  const v = j.verdict;
  const who = v.kind === 'accepted' || v.kind === 'accepted-as-signed-identity' ? ` as ${v.as ?? 'someone'}` : v.kind === 'error' ? `: ${v.detail}` : '';
  return `${v.kind}${who}${v.inferred ? ' (inferred)' : ''}`;
}

// ---- preconditions -------------------------------------------------------------------------------------------

Given("a legitimate response signed the way the SP's metadata asks", NETWORK, async function (this: HarnessWorld) {
  await this.samlCertify.run();
});

Given('the SP asks for signed assertions in its metadata', async function (this: HarnessWorld) {
  const stage = this.samlCertify;
  const { ctx } = await stage.run();
  if (!ctx.sp.wantAssertionsSigned) return stage.skip('the SP metadata does not say WantAssertionsSigned="true"');
  return undefined;
});

Given('the SP does not ask for signed assertions in its metadata', async function (this: HarnessWorld) {
  const stage = this.samlCertify;
  const { ctx } = await stage.run();
  if (ctx.sp.metadataSource === 'options') return stage.skip('certified from an entity ID and ACS URLs, without metadata saying WantAssertionsSigned');
  if (ctx.sp.wantAssertionsSigned) return stage.skip('the SP metadata says WantAssertionsSigned="true"');
  return undefined;
});

Given('the SP starts its own sign-ins', async function (this: HarnessWorld) {
  const stage = this.samlCertify;
  const { ctx } = await stage.run();
  if (ctx.target.loginUrl === undefined) return stage.skip('certified IdP-initiated (no login URL): the SP was not seen starting a sign-in');
  return undefined;
});

// ---- signatures ----------------------------------------------------------------------------------------------

Given('the IdP signs only the Response, not the assertion', function (this: HarnessWorld) {
  this.samlCertify.mutate(['signResponseOnly'], 'only the Response is signed; the assertion carries no signature');
});

Given('the IdP signs only the assertion, with {rsaAlgorithm}', function (this: HarnessWorld, algorithm: SignatureAlgorithmName) {
  this.samlCertify.mutate(['signAssertionOnly', { method: 'signatureAlgorithm', args: [algorithm] }], `only the assertion is signed, with RSA-${algorithm.toUpperCase()}`);
});

Given('the IdP signs the Response and the assertion with {rsaAlgorithm}', function (this: HarnessWorld, algorithm: SignatureAlgorithmName) {
  this.samlCertify.mutate(['signBoth', { method: 'signatureAlgorithm', args: [algorithm] }], `the Response and the assertion are signed with RSA-${algorithm.toUpperCase()}`);
});

Given('the IdP signs with {rsaAlgorithm}', function (this: HarnessWorld, algorithm: SignatureAlgorithmName) {
  this.samlCertify.mutate([{ method: 'signatureAlgorithm', args: [algorithm] }], `signed with RSA-${algorithm.toUpperCase()}`, ['SignatureMethod', 'DigestMethod']);
});

Given('the response carries no signature at all', function (this: HarnessWorld) {
  this.samlCertify.mutate(['omitSignature'], 'every signature left out');
});

Given('the attacker signs the response with a key of their own', function (this: HarnessWorld) {
  this.samlCertify.mutate(['signWithRogueKey'], 'signed with a key the SP never trusted', ['SignatureValue']);
});

Given('the attacker changes the NameID after signing', function (this: HarnessWorld) {
  this.samlCertify.mutate(['tamperAfterSigning'], 'the NameID changed after the signature was computed', ['NameID']);
});

Given('the attacker empties the SignatureValue', function (this: HarnessWorld) {
  this.samlCertify.mutate(['emptySignatureValue'], 'the SignatureValue is empty', ['SignatureValue']);
});

Given('the attacker signs with their own key and puts its certificate in KeyInfo', function (this: HarnessWorld) {
  this.samlCertify.mutate(['rogueCertificateInKeyInfo'], "signed with the attacker's key, whose certificate rides in KeyInfo", ['X509Certificate']);
});

Given("the attacker signs with HMAC keyed with the IdP's public certificate", function (this: HarnessWorld) {
  this.samlCertify.mutate(['hmacWithPublicCertificate'], "an HMAC-SHA256 signature keyed with the IdP's public certificate", ['hmac-sha']);
});

Given('the attacker adds an XSLT transform to the signature', function (this: HarnessWorld) {
  this.samlCertify.mutate(['xsltTransform'], 'the signature Reference carries an XSLT transform', ['xslt']);
});

Given('the attacker adds an XPath transform to the signature to claim to be the victim', async function (this: HarnessWorld) {
  await claimVictim(this, 'xpathTransform', 'an XPath transform leaves the Subject unsigned; the NameID then names the victim', ['XPath']);
});

Given('the attacker drops the enveloped-signature transform', function (this: HarnessWorld) {
  this.samlCertify.mutate(['withoutEnvelopedTransform'], 'the signature Reference has no enveloped-signature transform', ['Transforms']);
});

// ---- wrapping ------------------------------------------------------------------------------------------------

Given('the attacker wraps the signed assertion using {xsw} to claim to be the victim', NETWORK, async function (this: HarnessWorld, kind: XswKind) {
  const stage = this.samlCertify;
  const { ctx } = await stage.run();
  // XSW1 and XSW2 move the Response signature: the Response is signed as well, so the assertion stays signed the
  // way the SP asks and only the wrapping differs from a legitimate response. XSW3–8 move the signed assertion
  // inside the Response: they start from the signature an attacker needs (the assertion's alone, when the SP
  // accepts that), so a Response signature does not refuse them before the SP reads an assertion.
  const signing = kind === 'XSW1' || kind === 'XSW2' ? { deviation: 'signBoth' as const, stripped: false } : await stage.attackSigning();
  stage.claimed = ctx.target.victim;
  stage.mutate(
    [signing.deviation, { method: 'wrapSignature', args: [kind, ctx.target.victim] }],
    `${kind}: the signed content wrapped, an unsigned copy claims to be the victim${signing.stripped ? STRIPPED : ''}`,
    [ctx.target.victim],
  );
});

/** Said of an attack that starts from an assertion-only-signed response (the stage's transcript says why). */
const STRIPPED = '; the Response signature stripped';

Given('the response carries two signed assertions', function (this: HarnessWorld) {
  this.samlCertify.mutate(['duplicateAssertion'], 'a second, independently signed assertion follows the first', ['<saml:Assertion']);
});

Given('the attacker hides an assertion claiming to be the victim in the Response Extensions', NETWORK, async function (this: HarnessWorld) {
  await hide(this, 'assertionInExtensions', 'Extensions');
});

Given("the attacker hides an assertion claiming to be the victim in the assertion's Advice", NETWORK, async function (this: HarnessWorld) {
  await hide(this, 'assertionInAdvice', 'Advice');
});

Given("the attacker hides an assertion claiming to be the victim in the signature's Object", NETWORK, async function (this: HarnessWorld) {
  await hide(this, 'assertionInSignatureObject', 'Object');
});

async function hide(world: HarnessWorld, method: string, where: string): Promise<void> {
  await smuggle(world, method, `an unsigned assertion for the victim hidden in ${where}`, [where]);
}

/** A deviation whose last argument is the identity it claims: the victim. */
async function claimVictim(world: HarnessWorld, method: string, summary: string, highlight: readonly string[]): Promise<void> {
  const stage = world.samlCertify;
  const { ctx } = await stage.run();
  stage.claimed = ctx.target.victim;
  stage.mutate([{ method, args: [ctx.target.victim] }], summary, [...highlight, ctx.target.victim]);
}

/** An assertion-smuggling attack: claims the victim, from the signature an attacker needs (see the XSW step). */
async function smuggle(world: HarnessWorld, method: string, summary: string, highlight: readonly string[]): Promise<void> {
  const signing = await world.samlCertify.attackSigning();
  await claimVictim(world, method, summary, highlight);
  world.samlCertify.mutate([signing.deviation], signing.stripped ? STRIPPED.slice(2) : 'the Response and the assertion signed');
}

Given("the attacker inserts an assertion claiming to be the victim with the signed assertion's ID", NETWORK, async function (this: HarnessWorld) {
  await smuggle(this, 'duplicateId', 'an unsigned assertion for the victim carries the same ID as the signed one', []);
});

// ---- XML parsing ---------------------------------------------------------------------------------------------

Given('the response carries a DOCTYPE with an external entity', function (this: HarnessWorld) {
  this.samlCertify.mutate(['withDoctype'], 'a DOCTYPE declaring an external entity (file:///etc/passwd) referenced from an attribute value', ['<!DOCTYPE', '&xxe;']);
});

Given('the response declares an external entity that fetches a URL', function (this: HarnessWorld) {
  this.samlCertify.mutate([{ method: 'externalEntity', args: [ELSEWHERE.entityUrl] }], 'a DOCTYPE declaring an external entity fetched over HTTP', [
    '<!DOCTYPE',
    ELSEWHERE.entityUrl,
  ]);
});

Given('the response carries a DOCTYPE that declares an entity it never uses', function (this: HarnessWorld) {
  this.samlCertify.mutate(
    [{ method: 'externalEntity', args: [ELSEWHERE.entityUrl, { referenced: false }] }],
    'a DOCTYPE declaring an external entity that nothing references: every signature is still valid',
    ['<!DOCTYPE'],
  );
});

Given('the response declares external entities at a URL the harness watches', NETWORK, async function (this: HarnessWorld) {
  const stage = this.samlCertify;
  const { ctx } = await stage.run();
  // The witness listens on loopback: only an SP on this host can reach it, so elsewhere the test would prove nothing.
  if (!isLoopback(ctx.sp.defaultAcs)) return stage.skip('the SP runs on another host, which cannot reach the loopback URL that sees entity fetches');
  const listener = await stage.fetchListener();
  stage.mutate(
    [{ method: 'externalEntity', args: [listener.url('general'), { parameterEntityUrl: listener.url('parameter') }] }],
    'a DOCTYPE declaring an external parameter entity (referenced in the DOCTYPE) and an external general entity (the NameID), both at a loopback URL the harness watches',
    ['<!DOCTYPE', '%p;', '&x;'],
  );
  return undefined;
});

function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

Given('the response declares entities that expand exponentially', function (this: HarnessWorld) {
  this.samlCertify.mutate(['entityExpansion'], 'a DOCTYPE with nested entities ("billion laughs")', ['<!DOCTYPE', '<!ENTITY']);
});

Given('the attacker binds the saml prefix to a look-alike namespace to claim to be the victim', async function (this: HarnessWorld) {
  await claimVictim(this, 'namespacePrefixConfusion', 'an assertion for the victim whose saml: prefix is bound to a look-alike namespace', ['xmlns:saml=']);
});

Given('the response is padded to {int} MB', function (this: HarnessWorld, megabytes: number) {
  this.samlCertify.mutate(
    [{ method: 'padTo', args: [`${megabytes}m`] }],
    `the message padded to ${megabytes} MB with an XML comment (cut short in this report; the SP received all of it)`,
    ['bytes elided'],
  );
});

// ---- NameID --------------------------------------------------------------------------------------------------

Given('the attacker injects an XML comment into the NameID to claim to be the victim', async function (this: HarnessWorld) {
  await inject(this, 'nameIdCommentInjection', 'an XML comment splits the NameID', '<!--');
});

Given('the attacker injects a CDATA section into the NameID to claim to be the victim', async function (this: HarnessWorld) {
  await inject(this, 'nameIdCdataInjection', 'a CDATA section splits the NameID', '<![CDATA[');
});

async function inject(world: HarnessWorld, method: string, summary: string, marker: string): Promise<void> {
  await claimVictim(world, method, `${summary}: a reader that takes the first text node sees the victim`, [marker]);
}

// ---- validity ------------------------------------------------------------------------------------------------

Given('the assertion expired {duration} ago', function (this: HarnessWorld, ms: number) {
  this.samlCertify.mutate([{ method: 'expiredBy', args: [ms] }], `NotOnOrAfter passed ${ms / 1000} s ago`, ['NotOnOrAfter']);
});

Given('the assertion becomes valid only in {duration}', function (this: HarnessWorld, ms: number) {
  this.samlCertify.mutate([{ method: 'notYetValidFor', args: [ms] }], `NotBefore is ${ms / 1000} s in the future`, ['NotBefore']);
});

// ---- addressing ----------------------------------------------------------------------------------------------

Given('the assertion names another SP as its audience', function (this: HarnessWorld) {
  this.samlCertify.mutate([{ method: 'audience', args: [ELSEWHERE.audience] }], 'the Audience is another SP', [ELSEWHERE.audience]);
});

Given('the bearer confirmation names another ACS as its Recipient', function (this: HarnessWorld) {
  this.samlCertify.mutate([{ method: 'recipient', args: [ELSEWHERE.acs] }], "the SubjectConfirmationData Recipient is another SP's ACS", [`Recipient="${ELSEWHERE.acs}"`]);
});

Given('the response names another ACS as its Destination', function (this: HarnessWorld) {
  this.samlCertify.mutate([{ method: 'destination', args: [ELSEWHERE.acs] }], "the Response Destination is another SP's ACS", [`Destination="${ELSEWHERE.acs}"`]);
});

Given('the response comes from an issuer the SP does not trust', function (this: HarnessWorld) {
  this.samlCertify.mutate([{ method: 'issuer', args: [ELSEWHERE.issuer] }], 'the Issuer is an IdP the SP does not trust (the signing key is the trusted one)', [ELSEWHERE.issuer]);
});

// ---- replay and InResponseTo ---------------------------------------------------------------------------------

Given('the user has signed in to the SP', NETWORK, async function (this: HarnessWorld) {
  const { judgement } = await this.samlCertify.signInFirst();
  const v = judgement.verdict;
  assert.ok(v.kind === 'accepted', `a legitimate sign-in must succeed before this test: ${describe(judgement)}`);
});

When('the same response is posted again from the same browser', NETWORK, async function (this: HarnessWorld) {
  await this.samlCertify.postAgain(true);
});

When('the same response is posted again from another browser', NETWORK, async function (this: HarnessWorld) {
  await this.samlCertify.postAgain(false);
});

Given('the response answers an AuthnRequest the SP never sent', function (this: HarnessWorld) {
  const stage = this.samlCertify;
  stage.inResponseTo = `_ssoh${Date.now().toString(16)}never-sent`;
  stage.mutate([], 'InResponseTo names an AuthnRequest the SP never sent', [stage.inResponseTo]);
});

Given("the response answers the AuthnRequest of the user's earlier sign-in", function (this: HarnessWorld) {
  const stage = this.samlCertify;
  const earlier = stage.attempt?.request?.info.id;
  if (earlier === undefined) throw new Error('needs "Given the user has signed in to the SP" in SP-initiated mode first');
  stage.inResponseTo = earlier;
  stage.mutate([], 'InResponseTo names the AuthnRequest an earlier response already answered', [earlier]);
});

Given('the AuthnRequest was started in another browser', NETWORK, async function (this: HarnessWorld) {
  const stage = this.samlCertify;
  const { ctx } = await stage.run();
  if (ctx.target.loginUrl === undefined) return stage.skip('certified IdP-initiated (no login URL): no AuthnRequest to take from another browser');
  await stage.browser();
  const other = await stage.browser(true);
  const request = await other.startSignIn(ctx.target.loginUrl);
  stage.solicited = false;
  stage.inResponseTo = request.info.id;
  stage.mutate([], "the response answers an AuthnRequest another browser started, posted from the user's browser", [request.info.id]);
  return undefined;
});

Given('the IdP answers without InResponseTo, as if unsolicited', function (this: HarnessWorld) {
  this.samlCertify.mutate(['unsolicited'], 'no InResponseTo although the browser started a sign-in at the SP');
});

Given('the IdP starts the sign-in itself, unsolicited', async function (this: HarnessWorld) {
  const stage = this.samlCertify;
  const { ctx } = await stage.run();
  if (ctx.target.loginUrl === undefined) return stage.skip('certified IdP-initiated (no login URL): every test is unsolicited already');
  stage.solicited = false;
  stage.mutate([], 'an unsolicited (IdP-initiated) response: no AuthnRequest, no InResponseTo');
  return undefined;
});

// ---- encryption ----------------------------------------------------------------------------------------------

Given('the IdP encrypts the assertion for the SP with {dataEncryption} and {keyTransport}', async function (this: HarnessWorld, data: DataAlgorithmName, key: KeyAlgorithmName) {
  const stage = this.samlCertify;
  const { ctx } = await stage.run();
  if (!ctx.sp.encryptionCertPem) return stage.skip('the SP metadata publishes no encryption certificate');
  stage.mutate([{ method: 'encryptTo', args: [ctx.sp.encryptionCertPem, { dataAlgorithm: data, keyAlgorithm: key }] }], `the assertion encrypted with ${data} and ${key}`, [
    'EncryptedAssertion',
    'EncryptionMethod',
  ]);
  return undefined;
});

Given('the IdP encrypts the assertion for a key the SP does not hold', async function (this: HarnessWorld) {
  const stage = this.samlCertify;
  const { ctx } = await stage.run();
  if (!ctx.sp.encryptionCertPem) return stage.skip('the SP metadata publishes no encryption certificate');
  const stranger = generatedKeyPair('certify-saml-stranger', systemClock).certificatePem;
  stage.mutate([{ method: 'encryptTo', args: [stranger, {}] }], 'the assertion encrypted for a certificate that is not the SP’s', ['EncryptedAssertion']);
  return undefined;
});

// ---- RelayState ----------------------------------------------------------------------------------------------

Given('the response carries the RelayState {string}', function (this: HarnessWorld, relayState: string) {
  const stage = this.samlCertify;
  stage.relayState = relayState;
  stage.mutate([], `RelayState ${JSON.stringify(relayState)}`);
});

// ---- attributes ----------------------------------------------------------------------------------------------

async function requiredAttribute(world: HarnessWorld): Promise<{ name: string; value: string } | undefined> {
  const { ctx } = await world.samlCertify.run();
  const required = ctx.sp.requestedAttributes.find((a) => a.required);
  if (!required) return undefined;
  const user = directoryUser(ctx.target.user) as Record<string, unknown>;
  const value = user[fieldFor(required.name)];
  return { name: required.name, value: Array.isArray(value) ? String(value[0] ?? '') : String(value ?? ctx.target.user) };
}

const NO_REQUIRED = 'the SP metadata marks no RequestedAttribute isRequired="true"';

Given("the IdP leaves out an attribute the SP's metadata requires", async function (this: HarnessWorld) {
  const stage = this.samlCertify;
  const required = await requiredAttribute(this);
  if (!required) return stage.skip(NO_REQUIRED);
  stage.mutate([{ method: 'withoutAttribute', args: [required.name] }], `the required attribute ${required.name} is left out`);
  return undefined;
});

Given("the IdP misspells an attribute the SP's metadata requires", async function (this: HarnessWorld) {
  const stage = this.samlCertify;
  const required = await requiredAttribute(this);
  if (!required) return stage.skip(NO_REQUIRED);
  const wrong = misspell(required.name);
  stage.mutate(
    [
      { method: 'withoutAttribute', args: [required.name] },
      { method: 'attribute', args: [wrong, [required.value]] },
    ],
    `the required attribute ${required.name} is sent as ${wrong}`,
    [`Name="${wrong}"`],
  );
  return undefined;
});

Given("the IdP sends an attribute the SP's metadata requires with an empty value", async function (this: HarnessWorld) {
  const stage = this.samlCertify;
  const required = await requiredAttribute(this);
  if (!required) return stage.skip(NO_REQUIRED);
  stage.mutate([{ method: 'attribute', args: [required.name, ['']] }], `the required attribute ${required.name} has an empty value`, [`Name="${required.name}"`]);
  return undefined;
});

// ---- the decisive POST ---------------------------------------------------------------------------------------

When('the response is posted to the SP', NETWORK, async function (this: HarnessWorld) {
  await this.samlCertify.post();
});

// ---- verdicts ------------------------------------------------------------------------------------------------

Then('the SP signs the user in', NETWORK, async function (this: HarnessWorld) {
  const stage = this.samlCertify;
  const { ctx } = await stage.run();
  const j = await stage.judgement();
  const v = j.verdict;
  assert.ok(v.kind === 'accepted' && (v.as === ctx.target.user || (v.as === null && v.inferred)), `expected the user to be signed in; the verdict is ${describe(j)}`);
});

Then('the SP signs nobody in', NETWORK, async function (this: HarnessWorld) {
  const j = await this.samlCertify.judgement();
  // A 5xx with nobody signed in is still a refusal for security; "answers without a server error" judges the 5xx.
  assert.ok(j.reading.kind === 'nobody', `expected the SP to refuse; the verdict is ${describe(j)}`);
});

Then('the victim is not signed in', NETWORK, async function (this: HarnessWorld) {
  const stage = this.samlCertify;
  const j = await stage.judgement();
  if (j.reading.kind === 'identity' && j.reading.as === null) {
    // Inferred oracle: somebody got in, and only a whoami URL can say whether it is the victim or the signer.
    return stage.skip('someone was signed in, and without a whoami URL the harness cannot tell whether it is the victim; give --whoami');
  }
  // Refused, or only the identity the IdP really signed got in (accepted-as-signed-identity): both neutralise the
  // attack. Accepted as the victim — or as someone the inferred oracle cannot name — does not.
  assert.ok(j.reading.kind === 'nobody' || j.verdict.kind === 'accepted-as-signed-identity', `expected the victim not to be signed in; the verdict is ${describe(j)}`);
  return undefined;
});

Then('the SP keeps the browser on its own site', NETWORK, async function (this: HarnessWorld) {
  const stage = this.samlCertify;
  const j = await stage.judgement();
  const attempt = stage.attempt!;
  assert.ok(attempt.answer, `expected an answer from the SP; the verdict is ${describe(j)}`);
  const acsOrigin = new URL(attempt.issued.action).origin;
  const away = attempt.answer.locations.find((l) => {
    try {
      return new URL(l, attempt.issued.action).origin !== acsOrigin;
    } catch {
      return false;
    }
  });
  assert.equal(away, undefined, 'expected the SP to redirect only within its own origin');
});

Then('the SP answers without a server error', NETWORK, async function (this: HarnessWorld) {
  const j = await this.samlCertify.judgement();
  assert.ok(j.verdict.kind !== 'error', `expected a 2xx–4xx answer; the verdict is ${describe(j)}`);
});

Then('the SP fetches nothing the DOCTYPE names', NETWORK, async function (this: HarnessWorld) {
  const stage = this.samlCertify;
  // The verdict is evidence for the report, not the test: a fetch is the flaw whatever the SP answered.
  await stage.judgement();
  const fetched = await stage.fetchesSeen();
  assert.deepEqual(fetched, [], `expected the SP not to resolve external entities; it fetched ${fetched.join(', ')}`);
});

Then("the SP's metadata lists exactly one ACS URL", async function (this: HarnessWorld) {
  const { ctx } = await this.samlCertify.run();
  assert.equal(ctx.sp.acsUrls.length, 1, `expected exactly one AssertionConsumerService; the metadata lists ${ctx.sp.acsUrls.length}`);
});
