/*
 * The AuthnRequest over HTTP-POST (./authn-request-post.ts, saml-bindings §3.5): a self-posting form to the IdP,
 * plain base64, and an enveloped signature that an independent verifier (xml-crypto on its own, with the SP's
 * certificate only) accepts — and refuses once one attribute changes.
 */
import { DOMParser } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { describe, expect, it } from 'vitest';
import { buildPostRequest } from './authn-request-post.ts';
import { IDP_SSO_URL, tenantConfig, testSpKeys } from './test-support/fixture.ts';

const NOW = new Date('2026-01-01T00:00:00Z');

function verify(xml: string): boolean {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const sig = new SignedXml({ publicCert: testSpKeys().certificatePem, getCertFromKeyInfo: () => null });
  const found = sig.findSignatures(doc);
  if (found.length !== 1) return false;
  sig.loadSignature(found[0]!);
  try {
    return sig.checkSignature(xml);
  } catch {
    return false;
  }
}

describe('buildPostRequest', () => {
  it('posts the signed AuthnRequest, base64 without DEFLATE, with RelayState, to the IdP SSO URL', async () => {
    const { tenants } = await tenantConfig({ authnRequestBinding: 'post', forceAuthn: true });
    const post = buildPostRequest(tenants[0]!, testSpKeys(), NOW, '/after');
    expect(post.action).toBe(IDP_SSO_URL);
    const xml = Buffer.from(post.fields.SAMLRequest, 'base64').toString('utf8');
    expect(xml).toBe(post.xml);
    expect(post.fields.RelayState).toBe('/after');
    expect(post.html).toContain(`action="${IDP_SSO_URL}"`);
    expect(post.html).toContain('onload="document.forms[0].submit()"');
    // The signature sits right after the Issuer and references the request's own ID.
    expect(xml).toMatch(/<\/saml:Issuer><ds:Signature /);
    expect(xml).toContain(`URI="#${post.id}"`);
    expect(verify(xml)).toBe(true);
    expect(verify(xml.replace('ForceAuthn="true"', 'ForceAuthn="false"'))).toBe(false);
  });

  it('is unsigned when the tenant does not sign its requests', async () => {
    const { tenants } = await tenantConfig({ authnRequestBinding: 'post', signAuthnRequests: false });
    expect(buildPostRequest(tenants[0]!, testSpKeys(), NOW).xml).not.toContain('Signature');
  });
});
