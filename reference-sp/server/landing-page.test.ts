import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { harness } from '../saml/test-support/fixture.ts';

describe('landing page', () => {
  it('lists the tenant with its sign-in link, metadata and SCIM URL, and says users must be provisioned first', async () => {
    const h = await harness({}, 'particle');
    const page = await request(h.sp.app).get('/').set('Accept', 'text/html').expect(200);
    expect(page.type).toBe('text/html');
    expect(page.text).toContain(`data-tenant="${h.tenantId}"`);
    expect(page.text).toContain(`href="${h.spEntityId.replace(/metadata$/, 'login')}"`);
    expect(page.text).toContain(`/scim/v2/${h.tenantId}`);
    expect(page.text).toContain('data-provision-first="true"');

    const before = await request(h.sp.app).get('/').set('Accept', 'application/json').expect(200);
    expect(before.body.tenants[0]).toMatchObject({ id: h.tenantId, provisionFirst: true, users: 0, idpInitiated: false });
    h.store.createUser(h.tenantId, { userName: 'alice@example.com' });
    const after = await request(h.sp.app).get('/').set('Accept', 'application/json').expect(200);
    expect(after.body.tenants[0].users).toBe(1);
  });

  it('a just-in-time tenant does not need users provisioned first', async () => {
    const h = await harness({ autoProvisioningEnabled: true, allowUnsolicited: true });
    const res = await request(h.sp.app).get('/').set('Accept', 'application/json').expect(200);
    expect(res.body.tenants[0]).toMatchObject({ provisionFirst: false, idpInitiated: true });
  });
});

describe('landing page: SSO not enabled yet (NinjaOne, seed 002, step 7)', () => {
  it('says so, with where to enable it, until the admin enables it', async () => {
    const h = await harness({ ssoEnabled: false }, 'ninjaone');
    const page = await request(h.sp.app).get('/').set('Accept', 'text/html').expect(200);
    expect(page.text).toContain('data-sso-enabled="false"');
    expect(page.text).toContain(`/admin/v1/tenants/${h.tenantId}/sso/enable`);
    expect((await request(h.sp.app).get('/').set('Accept', 'application/json').expect(200)).body.tenants[0].ssoEnabled).toBe(false);
    h.store.setSsoEnabled(h.tenantId, true, new Date());
    const after = await request(h.sp.app).get('/').set('Accept', 'text/html').expect(200);
    expect(after.text).not.toContain('data-sso-enabled="false"');
  });
});

describe('stylesheet', () => {
  it('is served by the SP itself as text/css', async () => {
    const h = await harness({});
    const res = await request(h.sp.app).get('/style.css').expect(200);
    expect(res.type).toBe('text/css');
  });
});
