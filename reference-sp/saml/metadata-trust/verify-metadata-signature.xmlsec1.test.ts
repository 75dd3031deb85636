/*
 * Cross-check of the SP's metadata signature verdicts against xmlsec1 (libxmlsec1 on OpenSSL), an XML-DSig
 * implementation that shares no code with xml-crypto: for each document both must agree that the pinned
 * certificate did or did not sign the root. Skipped, with the reason, when the xmlsec1 binary is not installed
 * (apt-get install xmlsec1).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { samlDefaults } from '../../config/defaults.ts';
import { attackerKeys, testIdpKeys } from '../test-support/fixture.ts';
import { NS, children, parseXml, toPemCertificate } from '../xml.ts';
import { MetadataTrustError } from './errors.ts';
import { metadataDoc, signMetadata } from './test-support.ts';
import { verifyMetadataSignature } from './verify-metadata-signature.ts';

const XMLSEC1 = spawnSync('xmlsec1', ['--version']).status === 0;
const scratch = mkdtempSync(join(tmpdir(), 'sp-md-xmlsec-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function xmlsec1Verifies(xml: string, certificatePem: string, idAttr: string): boolean {
  const doc = join(scratch, 'metadata.xml');
  const cert = join(scratch, 'signer.crt.pem');
  writeFileSync(doc, xml);
  writeFileSync(cert, certificatePem);
  return spawnSync('xmlsec1', ['--verify', '--id-attr:ID', idAttr, '--pubkey-cert-pem', cert, doc]).status === 0;
}

function spVerifies(xml: string, certificatePem: string): boolean {
  try {
    verifyMetadataSignature(parseXml(xml).documentElement as Element, certificatePem, samlDefaults);
    return true;
  } catch (e) {
    if (e instanceof MetadataTrustError) return false;
    throw e;
  }
}

const entra = readFileSync(join(import.meta.dirname, '..', '..', 'config', 'fixtures', 'entra-federationmetadata.xml'), 'utf8');
const entraSigner = () => {
  const kd = children(children(parseXml(entra).documentElement as Element, NS.md, 'IDPSSODescriptor')[0]!, NS.md, 'KeyDescriptor')[0]!;
  return toPemCertificate(kd.getElementsByTagNameNS(NS.ds, 'X509Certificate')[0]!.textContent ?? '');
};
const ENTITY = 'urn:oasis:names:tc:SAML:2.0:metadata:EntityDescriptor';
const signed = () => signMetadata(metadataDoc({ certificates: [testIdpKeys().certificatePem], cacheDuration: 'PT1H' }), testIdpKeys().privateKeyPem);

describe.skipIf(!XMLSEC1)('metadata signatures: the SP agrees with xmlsec1 (skipped: xmlsec1 is not installed)', () => {
  it.each<[string, () => string, () => string, boolean]>([
    ['a document signed by the pinned key', signed, () => testIdpKeys().certificatePem, true],
    ['the same document checked against another certificate', signed, () => attackerKeys().certificatePem, false],
    ['the same document changed after signing', () => signed().replace('PT1H', 'P1Y'), () => testIdpKeys().certificatePem, false],
    ["Entra's federation metadata fixture", () => entra, entraSigner, true],
    ["Entra's fixture with its SSO URL changed", () => entra.replaceAll('/saml2"', '/evil"'), entraSigner, false],
  ])('%s', (_name, xml, certificate, expected) => {
    expect(xmlsec1Verifies(xml(), certificate(), ENTITY)).toBe(expected);
    expect(spVerifies(xml(), certificate())).toBe(expected);
  });
});
