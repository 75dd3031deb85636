/*
 * Outside tools must be able to verify what the CLI prints: the minted Response verifies with xml-crypto's
 * SignedXml using ONLY the certificate taken from the printed metadata (KeyInfo in the message is ignored).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { SignedXml } from 'xml-crypto';
import { DOMParser } from '@xmldom/xmldom';
import { command as mint } from './idp-mint.ts';
import { command as metadata } from './idp-metadata.ts';

const dir = mkdtempSync(join(tmpdir(), 'idp-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(cmd: typeof mint, argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((c) => {
    out += String(c);
    return true;
  });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((c) => {
    err += String(c);
    return true;
  });
  try {
    return { code: await cmd.run(argv), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

function certFromMetadata(xml: string): string {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const kd = Array.from(doc.getElementsByTagNameNS('urn:oasis:names:tc:SAML:2.0:metadata', 'KeyDescriptor')).find((k) => k.getAttribute('use') === 'signing')!;
  const body = kd.getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'X509Certificate')[0]!.textContent!.trim();
  return `-----BEGIN CERTIFICATE-----\n${body.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;
}

function verifyAll(xml: string, cert: string): number {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const sigs = Array.from(doc.getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'Signature'));
  for (const s of sigs) {
    const sig = new SignedXml({ publicCert: cert, getCertFromKeyInfo: () => null });
    sig.loadSignature(s);
    expect(sig.checkSignature(xml)).toBe(true);
  }
  return sigs.length;
}

describe('idp mint + idp metadata', () => {
  it.each([
    ['both', 'sha256', 2],
    ['response', 'sha1', 1],
    ['assertion', 'sha512', 1],
  ])('--sign %s --alg %s verifies with only the metadata certificate', async (sign, alg, signatures) => {
    const out = join(dir, `r-${sign}.xml`);
    const minted = await run(mint, [
      '--sp-entity-id',
      'urn:sp',
      '--acs',
      'https://sp.test/acs',
      '--attribute',
      'email=alice@example.com',
      '--attribute',
      'groups=A',
      '--attribute',
      'groups=B',
      '--sign',
      sign,
      '--alg',
      alg,
      '--data-dir',
      dir,
      '--out',
      out,
    ]);
    expect(minted.code).toBe(0);
    const md = await run(metadata, ['--data-dir', dir]);
    expect(md.code).toBe(0);
    const xml = readFileSync(out, 'utf8');
    expect(xml).toContain('<saml:Audience>urn:sp</saml:Audience>');
    expect(xml.match(/<saml:AttributeValue[^>]*>[AB]</g)).toHaveLength(2);
    expect(verifyAll(xml, certFromMetadata(md.out))).toBe(signatures);
  });

  it('a Response minted with other keys does not verify with the metadata certificate', async () => {
    const other = mkdtempSync(join(tmpdir(), 'idp-cli-other-'));
    try {
      const out = join(other, 'r.xml');
      expect((await run(mint, ['--sp-entity-id', 'urn:sp', '--acs', 'https://sp.test/acs', '--data-dir', other, '--out', out])).code).toBe(0);
      const md = await run(metadata, ['--data-dir', dir]);
      expect(() => verifyAll(readFileSync(out, 'utf8'), certFromMetadata(md.out))).toThrow();
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('metadata honours --base-url', async () => {
    const md = await run(metadata, ['--base-url', 'http://localhost:9999', '--data-dir', dir]);
    expect(md.out).toContain('entityID="http://localhost:9999/metadata"');
    expect(md.out).toContain('Location="http://localhost:9999/saml/sso"');
  });

  it.each([
    [mint, []],
    [mint, ['--sp-entity-id', 'x', '--acs', 'not a url', '--out', 'f']],
    [mint, ['--sp-entity-id', 'x', '--acs', 'https://a', '--out', 'f', '--sign', 'sometimes']],
    [mint, ['--sp-entity-id', 'x', '--acs', 'https://a', '--out', 'f', '--alg', 'md5']],
    [mint, ['--sp-entity-id', 'x', '--acs', 'https://a', '--out', 'f', '--attribute', 'novalue']],
    [mint, ['--bogus']],
    [metadata, ['--base-url', 'nope']],
    [metadata, ['extra']],
  ])('invalid arguments → usage and exit 2 (%#)', async (cmd, argv) => {
    const r = await run(cmd, argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain('usage: sso-harness idp');
  });
});
