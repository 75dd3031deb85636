import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScimmyServer, type RunningScimServer } from './scimmy-server.ts';

// The scimmy target's storage handlers must behave like a compliant deployment, or the scenarios run against
// it would prove nothing: userName is caseExact false (RFC 7643 §4.1.1) for filters and for uniqueness.
describe('the scimmy target', () => {
  let server: RunningScimServer;
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/scim+json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
  };
  const user = { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'Mixed.Case@example.com' };

  beforeAll(async () => {
    server = await startScimmyServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('refuses a token it did not issue', async () => {
    const response = await fetch(`${server.baseUrl}/Users`, { headers: { authorization: 'Bearer nope' } });
    expect(response.status).toBe(401);
  });

  it('filters userName case-insensitively and keeps userName unique regardless of case', async () => {
    const created = await call('POST', '/Users', user);
    expect(created.status).toBe(201);
    const found = await call('GET', `/Users?filter=${encodeURIComponent('userName eq "MIXED.CASE@EXAMPLE.COM"')}`);
    expect(found.body?.['totalResults']).toBe(1);
    const duplicate = await call('POST', '/Users', { ...user, userName: 'mixed.case@example.com' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body?.['scimType']).toBe('uniqueness');
    expect((await call('DELETE', `/Users/${String(created.body?.['id'])}`)).status).toBe(204);
  });

  it('pages with startIndex and count (the express 5 query pinning)', async () => {
    const ids: string[] = [];
    for (const n of [1, 2, 3]) ids.push(String((await call('POST', '/Users', { ...user, userName: `page-${n}@example.com` })).body?.['id']));
    const page = await call('GET', `/Users?filter=${encodeURIComponent('userName sw "page-"')}&startIndex=2&count=1`);
    expect(page.body?.['totalResults']).toBe(3);
    expect((page.body?.['Resources'] as unknown[] | undefined)?.length).toBe(1);
    for (const id of ids) await call('DELETE', `/Users/${id}`);
  });
});
