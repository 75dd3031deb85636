import { describe, expect, it } from 'vitest';
import type { SamlCertifyTarget } from './contract.ts';
import { resolveSp, targetProblems } from './target.ts';

const base: SamlCertifyTarget = {
  spEntityId: 'https://sp.example/saml',
  acsUrls: ['https://sp.example/saml/acs'],
  user: 'alice@example.com',
  victim: 'bob@example.com',
  idp: { dataDir: '/tmp/idp', port: 0 },
  timeoutMs: 5000,
};

const metadata = `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://sp.example/saml">
  <md:SPSSODescriptor WantAssertionsSigned="true" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://sp.example/acs/1" index="1"/>
    <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://sp.example/acs/0" index="0" isDefault="true"/>
    <md:AttributeConsumingService index="0" isDefault="true"><md:ServiceName xml:lang="en">sp</md:ServiceName>
      <md:RequestedAttribute Name="email" isRequired="true"/>
      <md:RequestedAttribute Name="http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname"/>
    </md:AttributeConsumingService>
  </md:SPSSODescriptor>
</md:EntityDescriptor>`;

describe('targetProblems', () => {
  it('accepts a complete target', () => {
    expect(targetProblems(base)).toEqual([]);
  });

  it('names every problem by its path', () => {
    const problems = targetProblems({
      ...base,
      spMetadata: { url: 'x', xml: '<x/>' },
      victim: 'alice@example.com',
      timeoutMs: 0,
      loginUrl: 'ftp://sp',
      whoami: { url: 'https://sp/me', jsonPath: 'a', match: 'b' },
    });
    for (const path of ['spMetadata', 'victim', 'timeoutMs', 'loginUrl', 'whoami']) expect(problems.some((p) => p.startsWith(path))).toBe(true);
  });
});

describe('resolveSp', () => {
  it('reads metadata: the default ACS first, WantAssertionsSigned, requested attributes, the IdP sends them by name', async () => {
    const { spEntityId: _e, acsUrls: _a, ...rest } = base;
    const sp = await resolveSp({ ...rest, spMetadata: { xml: metadata } });
    expect(sp.acsUrls).toEqual(['https://sp.example/acs/0', 'https://sp.example/acs/1']);
    expect(sp.wantAssertionsSigned).toBe(true);
    expect(sp.requestedAttributes.map((a) => [a.name, a.required])).toEqual([
      ['email', true],
      ['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname', false],
    ]);
    expect(sp.registration.attributes?.map((a) => a.from)).toEqual(['email', 'givenName']);
    expect(sp.registration.signing).toBe('both');
  });

  it('refuses metadata that is not SP metadata, and a bad target, by code', async () => {
    const { spEntityId: _e, acsUrls: _a, ...rest } = base;
    await expect(resolveSp({ ...rest, spMetadata: { xml: '<nope/>' } })).rejects.toMatchObject({ code: 'certify-saml/bad-metadata' });
    await expect(resolveSp({ ...base, user: 'not-an-email' })).rejects.toMatchObject({ code: 'certify-saml/bad-target' });
  });

  it('stands in for metadata with an entity ID and ACS URLs', async () => {
    const sp = await resolveSp(base);
    expect(sp).toMatchObject({ entityId: 'https://sp.example/saml', defaultAcs: 'https://sp.example/saml/acs', metadataSource: 'options' });
  });
});
