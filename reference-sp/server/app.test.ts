import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { harness } from '../saml/test-support/fixture.ts';

const attrs = { email: 'alice@example.com', firstName: 'Alice', lastName: 'Liddell' };

describe('ACS end to end with samlify as the IdP', () => {
  for (const sign of ['response', 'assertion', 'both'] as const) {
    for (const encrypt of [false, true]) {
      it(`accepts a response with ${sign} signed${encrypt ? ', assertion encrypted' : ''}`, async () => {
        const h = await harness({ allowUnsolicited: true, autoProvisioningEnabled: true, wantAssertionsSigned: sign !== 'response', wantResponseSigned: sign !== 'assertion' });
        const SAMLResponse = await h.mint({ sign, encrypt, attributes: attrs });
        const res = await request(h.sp.app).post(`/saml/${h.tenantId}/acs`).set('Accept', 'application/json').type('form').send({ SAMLResponse });
        expect(res.body).toMatchObject({ user: { userName: 'alice@example.com' }, attributes: { email: ['alice@example.com'] } });
        expect(res.status).toBe(200);
      });
    }
  }
});
