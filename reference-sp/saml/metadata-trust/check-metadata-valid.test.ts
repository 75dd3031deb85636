/*
 * Past the validUntil of the metadata a tenant imported, the login route sends no AuthnRequest and the ACS
 * accepts nothing (metadata/expired); before it, both work. The samlify-minted response is otherwise valid.
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { harness } from '../test-support/fixture.ts';
import { testIdpKeys } from '../test-support/fixture.ts';
import { metadataDoc } from './test-support.ts';

const VALID_UNTIL = '2099-01-01T00:00:00Z';
const attrs = { email: 'alice@example.com', firstName: 'Alice', lastName: 'Liddell' };

async function tenantAt(now: string) {
  const metadataXml = metadataDoc({ certificates: [testIdpKeys().certificatePem], validUntil: VALID_UNTIL });
  return harness({ idp: { metadataXml }, allowUnsolicited: true, autoProvisioningEnabled: true }, 'generic', now);
}

describe('check-metadata-valid (saml-metadata §2.3.2)', () => {
  it('signs users in while the imported metadata is valid', async () => {
    const h = await tenantAt('2098-12-31T23:59:59Z');
    expect((await request(h.sp.app).get(`/saml/${h.tenantId}/login`).set('Accept', 'application/json')).status).toBe(302);
    const SAMLResponse = await h.mint({ sign: 'both', attributes: attrs });
    const res = await request(h.sp.app).post(`/saml/${h.tenantId}/acs`).set('Accept', 'application/json').type('form').send({ SAMLResponse });
    expect(res.status).toBe(200);
  });

  it('refuses the login route and the ACS with metadata/expired once it has expired', async () => {
    const h = await tenantAt(VALID_UNTIL);
    const login = await request(h.sp.app).get(`/saml/${h.tenantId}/login`).set('Accept', 'application/json');
    expect([login.status, login.body.error]).toEqual([403, 'metadata/expired']);
    const SAMLResponse = await h.mint({ sign: 'both', attributes: attrs });
    const acs = await request(h.sp.app).post(`/saml/${h.tenantId}/acs`).set('Accept', 'application/json').type('form').send({ SAMLResponse });
    expect([acs.status, acs.body.error]).toEqual([403, 'metadata/expired']);
    const page = await request(h.sp.app).post(`/saml/${h.tenantId}/acs`).set('Accept', 'text/html').type('form').send({ SAMLResponse });
    expect(page.text).toContain('data-error-code="metadata/expired"');
  });
});
