import { describe, expect, it } from 'vitest';
import { SignedXml } from 'xml-crypto';
import { loadIdpKeys } from '../keys/key-store.ts';
import { NS } from '../namespaces.ts';
import { childElements, descendants, parseXml } from '../xml.ts';
import { responseBuilder } from './builder.ts';

const NOW = new Date('2026-01-01T10:00:00Z');
const clock = { now: () => NOW };
const keys = loadIdpKeys({ clock });
const base = () => responseBuilder({ clock, keys, issuer: 'https://idp.test' }).forSp('urn:sp', 'https://sp.test/acs').nameId('alice@example.com');

function verifies(xml: string, certificatePem: string, id: string): boolean {
  const doc = parseXml(xml);
  const signature = descendants(doc, NS.ds, 'Signature').find((s) => descendants(s, NS.ds, 'Reference').some((r) => r.getAttribute('URI') === `#${id}`));
  if (!signature) return false;
  const sig = new SignedXml({ publicCert: certificatePem, getCertFromKeyInfo: () => null });
  sig.loadSignature(signature);
  try {
    return sig.checkSignature(xml);
  } catch {
    return false; // xml-crypto 6 throws on a wrong signature value
  }
}

describe('ResponseBuilder', () => {
  it('takes every instant from the injected clock', async () => {
    const { xml } = await base().build();
    const doc = parseXml(xml);
    expect(doc.documentElement!.getAttribute('IssueInstant')).toBe('2026-01-01T10:00:00Z');
    const conditions = descendants(doc, NS.assertion, 'Conditions')[0]!;
    expect(conditions.getAttribute('NotBefore')).toBe('2026-01-01T10:00:00Z');
    expect(conditions.getAttribute('NotOnOrAfter')).toBe('2026-01-01T10:05:00Z');
  });

  it('expiredBy and notYetValidFor move the validity window relative to the clock', async () => {
    const expired = parseXml((await base().expiredBy('10m').build()).xml);
    expect(descendants(expired, NS.assertion, 'Conditions')[0]!.getAttribute('NotOnOrAfter')).toBe('2026-01-01T09:50:00Z');
    expect(descendants(expired, NS.assertion, 'SubjectConfirmationData')[0]!.getAttribute('NotOnOrAfter')).toBe('2026-01-01T09:50:00Z');
    const early = parseXml((await base().notYetValidFor('5m').build()).xml);
    expect(descendants(early, NS.assertion, 'Conditions')[0]!.getAttribute('NotBefore')).toBe('2026-01-01T10:05:00Z');
  });

  it.each([
    ['response', true, false],
    ['assertion', false, true],
    ['both', true, true],
    ['none', false, false],
  ] as const)('signs %s: response signed=%s, assertion signed=%s (Signature right after Issuer)', async (placement, r, a) => {
    const built = await base().signing(placement).build();
    const doc = parseXml(built.xml);
    const response = doc.documentElement!;
    const assertion = childElements(response, NS.assertion, 'Assertion')[0]!;
    for (const [el, signed, id] of [
      [response, r, built.responseId],
      [assertion, a, built.assertionId],
    ] as const) {
      const sigs = childElements(el, NS.ds, 'Signature');
      expect(sigs.length).toBe(signed ? 1 : 0);
      if (signed) {
        const afterIssuer = childElements(el, NS.assertion, 'Issuer')[0]!.nextSibling;
        expect(afterIssuer).toBe(sigs[0]);
        expect(verifies(built.xml, keys.signing.certificatePem, id)).toBe(true);
        expect(verifies(built.xml, keys.rogue.certificatePem, id)).toBe(false);
      }
    }
  });

  it('signWithRogueKey signs validly, but only for the rogue certificate', async () => {
    const built = await base().signWithRogueKey().build();
    expect(verifies(built.xml, keys.rogue.certificatePem, built.responseId)).toBe(true);
    expect(verifies(built.xml, keys.signing.certificatePem, built.responseId)).toBe(false);
  });

  it('writes attributes with NameFormat, FriendlyName, several values, no value and an empty value', async () => {
    const { xml } = await base()
      .attribute('email', 'alice@example.com', { nameFormat: 'basic', friendlyName: 'mail' })
      .attribute('urn:oid:2.5.4.42', 'Alice', { nameFormat: 'uri' })
      .attribute('groups', ['A', 'B'])
      .attribute('nothing', [])
      .attribute('blank', [''])
      .attribute('gone', 'x')
      .withoutAttribute('gone')
      .build();
    const attrs = descendants(parseXml(xml), NS.assertion, 'Attribute');
    const byName = Object.fromEntries(attrs.map((a) => [a.getAttribute('Name'), a]));
    expect(Object.keys(byName)).toEqual(['email', 'urn:oid:2.5.4.42', 'groups', 'nothing', 'blank']);
    expect(byName['email']!.getAttribute('NameFormat')).toBe('urn:oasis:names:tc:SAML:2.0:attrname-format:basic');
    expect(byName['email']!.getAttribute('FriendlyName')).toBe('mail');
    expect(byName['urn:oid:2.5.4.42']!.getAttribute('NameFormat')).toBe('urn:oasis:names:tc:SAML:2.0:attrname-format:uri');
    expect(byName['groups']!.hasAttribute('NameFormat')).toBe(false);
    const values = (name: string) => descendants(byName[name]!, NS.assertion, 'AttributeValue').map((v) => v.textContent);
    expect(values('groups')).toEqual(['A', 'B']);
    expect(values('nothing')).toEqual([]);
    expect(values('blank')).toEqual(['']);
  });

  it('escapes values so markup in an attribute cannot change the document', async () => {
    const { xml } = await base().attribute('name', '<b>"x" & y</b>').build();
    const value = descendants(parseXml(xml), NS.assertion, 'AttributeValue')[0]!;
    expect(value.textContent).toBe('<b>"x" & y</b>');
  });

  it('inResponseTo sets both InResponseTo attributes; unsolicited removes them', async () => {
    const solicited = parseXml((await base().inResponseTo('_req1').build()).xml);
    expect(solicited.documentElement!.getAttribute('InResponseTo')).toBe('_req1');
    expect(descendants(solicited, NS.assertion, 'SubjectConfirmationData')[0]!.getAttribute('InResponseTo')).toBe('_req1');
    const unsolicited = (await base().inResponseTo('_req1').unsolicited().build()).xml;
    expect(unsolicited).not.toContain('InResponseTo');
  });

  it('replayOf returns the earlier response byte for byte', async () => {
    const first = await base().build();
    const again = await base().replayOf(first).build();
    expect(again).toEqual(first);
  });

  it('duplicateAssertion adds a second assertion with its own ID, signed on its own', async () => {
    const built = await base().signAssertionOnly().duplicateAssertion().build();
    const assertions = childElements(parseXml(built.xml).documentElement!, NS.assertion, 'Assertion');
    expect(assertions).toHaveLength(2);
    const second = assertions[1]!.getAttribute('ID')!;
    expect(second).not.toBe(built.assertionId);
    expect(verifies(built.xml, keys.signing.certificatePem, second)).toBe(true);
  });

  it('tamperAfterSigning breaks the signature it leaves in place', async () => {
    const built = await base().signResponseOnly().tamperAfterSigning().build();
    expect(built.xml).toContain('attacker@evil.example');
    expect(verifies(built.xml, keys.signing.certificatePem, built.responseId)).toBe(false);
  });

  it('withDoctype injects a DTD with an external entity (which our own parser refuses)', async () => {
    const { xml } = await base().attribute('email', 'a@b.c').withDoctype().build();
    expect(xml.startsWith('<!DOCTYPE')).toBe(true);
    expect(xml).toContain('&xxe;');
    expect(() => parseXml(xml)).toThrow(expect.objectContaining({ code: 'request/doctype-forbidden' }));
  });

  it('refuses to build without an audience, recipient and NameID', async () => {
    await expect(responseBuilder({ clock, keys, issuer: 'x' }).build()).rejects.toMatchObject({ code: 'builder/invalid' });
  });

  it('wrapping an unsigned or encrypted assertion is a builder error, not a silent no-op', async () => {
    await expect(base().signResponseOnly().wrapSignature('XSW3').build()).rejects.toMatchObject({ code: 'builder/invalid' });
    await expect(base().signAssertionOnly().wrapSignature('XSW1').build()).rejects.toMatchObject({ code: 'builder/invalid' });
  });
});
