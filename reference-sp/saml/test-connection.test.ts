import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/index.ts';
import { testConnectionPageHtml } from './test-connection-page.ts';
import { testConnectionResult } from './test-connection.ts';
import { IDP_ENTITY_ID, IDP_SSO_URL, testIdpKeys } from './test-support/fixture.ts';

async function samlOf(profile: string, saml: Record<string, unknown> = {}) {
  const config = await resolveConfig({
    baseUrl: 'http://sp.test',
    tenants: [{ id: 't', profile, saml: { idp: { entityId: IDP_ENTITY_ID, ssoUrl: IDP_SSO_URL, signingCertificates: [testIdpKeys().certificatePem] }, ...saml } }],
  });
  return config.tenants[0]!.saml;
}

describe('testConnectionResult', () => {
  it("reads login, name, email and groups through the tenant's mapping (SonarQube's names)", async () => {
    const attributes = { login: ['alice'], name: ['Alice Example'], email: ['alice@example.com'], groups: ['a', 'b'] };
    expect(testConnectionResult('t', await samlOf('sonarqube'), attributes, 'n-1')).toEqual({
      tenant: 't',
      protocol: 'saml',
      login: 'alice',
      name: 'Alice Example',
      email: 'alice@example.com',
      groups: ['a', 'b'],
      nameId: 'n-1',
      attributes,
    });
  });

  it('answers null for what was not sent, the NameID as login when mapped so, and first + last name', async () => {
    const saml = await samlOf('generic', { attributeMapping: { login: 'NameID', firstName: 'fn', lastName: 'ln', email: 'mail' } });
    expect(testConnectionResult('t', saml, { fn: ['Al'], ln: ['Ex'] }, 'alice@example.com')).toMatchObject({
      login: 'alice@example.com',
      name: 'Al Ex',
      email: null,
      groups: [],
    });
  });

  it('escapes everything the IdP sent on the page', async () => {
    const result = testConnectionResult('t', await samlOf('sonarqube'), { login: ['<script>x</script>'] }, undefined);
    const html = testConnectionPageHtml('t', result);
    expect(html).not.toContain('<script>x');
    expect(html).toContain('data-test-connection="received"');
  });
});
