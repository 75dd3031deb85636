/*
 * The published metadata: validity attributes, rollover keys, the signature — and that signature checked by an
 * independent implementation, xmlsec1 (libxmlsec1/OpenSSL), when the binary is installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IdpError } from '../errors.ts';
import { loadIdpKeys } from '../keys/key-store.ts';
import { checkEnvelopedSignature } from '../sign/verify-enveloped.ts';
import { NS } from '../namespaces.ts';
import { descendants, parseXml, pemBody } from '../xml.ts';
import { idpMetadataXml } from './idp-metadata.ts';
import { MetadataPublication } from './metadata-publication.ts';

const clock = { now: () => new Date('2026-01-01T00:00:00Z') };
const keys = loadIdpKeys({ keys: { signing: loadIdpKeys({ clock }).signing }, clock });
const base = () => idpMetadataXml({ entityId: 'http://127.0.0.1:7000/metadata', ssoUrl: 'http://127.0.0.1:7000/saml/sso', signingCertificatePem: keys.signing.certificatePem });
const certificatesIn = (xml: string) => descendants(parseXml(xml), NS.metadata, 'KeyDescriptor').map((k) => descendants(k, NS.ds, 'X509Certificate')[0]!.textContent);
const scratch = mkdtempSync(join(tmpdir(), 'idp-md-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The IdP's one enveloped-signature check (KeyInfo ignored, the certificate pinned): true when the root's verifies. */
function verifies(xml: string, certificatePem: string): boolean {
  const doc = parseXml(xml);
  return checkEnvelopedSignature({ id: doc.documentElement!.getAttribute('ID') ?? '', doc, xml }, certificatePem) === 'ok';
}

const xmlsec1 = spawnSync('xmlsec1', ['--version']).status === 0;

describe('MetadataPublication', () => {
  it('adds an ID, validUntil and cacheDuration to the EntityDescriptor when set, and nothing else by default', () => {
    const publication = new MetadataPublication();
    const plain = parseXml(publication.publish(base(), keys)).documentElement!;
    expect(plain.getAttribute('ID')).toMatch(/^_metadata-[0-9a-f]{24}$/);
    expect(plain.hasAttribute('validUntil') || plain.hasAttribute('cacheDuration')).toBe(false);
    publication.update({ validUntil: '2026-01-08T00:00:00Z', cacheDuration: 'PT6H' });
    const root = parseXml(publication.publish(base(), keys)).documentElement!;
    expect([root.getAttribute('validUntil'), root.getAttribute('cacheDuration')]).toEqual(['2026-01-08T00:00:00Z', 'PT6H']);
    publication.update({ validUntil: null });
    expect(parseXml(publication.publish(base(), keys)).documentElement!.hasAttribute('validUntil')).toBe(false);
  });

  it('publishes every key of a rollover, the active one first', () => {
    const rolling = loadIdpKeys({ keys: { signing: keys.signing }, clock });
    rolling.ring!.rollover();
    const next = rolling.ring!.published[1]!;
    const xml = new MetadataPublication().publish(base(), rolling);
    expect(certificatesIn(xml)).toEqual([pemBody(keys.signing.certificatePem), pemBody(next.certificatePem)]);
  });

  it('signs the EntityDescriptor with the active key when asked: it verifies with that certificate only', () => {
    const publication = new MetadataPublication();
    publication.update({ signed: true, validUntil: '2026-01-08T00:00:00Z' });
    const xml = publication.publish(base(), keys);
    const root = parseXml(xml).documentElement!;
    expect((root.firstChild as Element | null)?.localName).toBe('Signature');
    expect(verifies(xml, keys.signing.certificatePem)).toBe(true);
    expect(verifies(xml, keys.rogue.certificatePem)).toBe(false);
    expect(verifies(xml.replace('2026-01-08', '2036-01-08'), keys.signing.certificatePem)).toBe(false);
  });

  it.skipIf(!xmlsec1)('is verified by xmlsec1 too (an independent XML-DSig implementation), and a tampered copy is not', () => {
    const publication = new MetadataPublication();
    publication.update({ signed: true, cacheDuration: 'PT1H' });
    const xml = publication.publish(base(), keys);
    const cert = join(scratch, 'idp.crt.pem');
    writeFileSync(cert, keys.signing.certificatePem);
    const check = (doc: string) => {
      const file = join(scratch, 'metadata.xml');
      writeFileSync(file, doc);
      return spawnSync('xmlsec1', ['--verify', '--id-attr:ID', 'urn:oasis:names:tc:SAML:2.0:metadata:EntityDescriptor', '--pubkey-cert-pem', cert, file], { encoding: 'utf8' })
        .status;
    };
    expect(check(xml)).toBe(0);
    expect(check(xml.replace('PT1H', 'P1Y'))).not.toBe(0);
  });

  it.each([[{ signed: 'yes' }], [{ validUntil: 'next week' }], [{ validUntil: '2026-01-08T00:00:00' }], [{ cacheDuration: '6h' }], [{ cacheDurationSeconds: 60 }], [[true]]])(
    'refuses %j with control/bad-body and changes nothing',
    (body) => {
      const publication = new MetadataPublication();
      expect(() => publication.update(body)).toThrow(expect.objectContaining({ code: 'control/bad-body' }));
      expect(() => publication.update(body)).toThrow(IdpError);
      expect(publication.settings).toEqual({ signed: false, validUntil: null, cacheDuration: null });
    },
  );
});
