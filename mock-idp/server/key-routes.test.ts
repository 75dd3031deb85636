import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createMockIdp } from './create-mock-idp.ts';
import { generatedKeyPair } from '../saml/keys/key-store.ts';

const clock = { now: () => new Date('2026-01-01T00:00:00Z') };
const certificatesOf = (xml: string) => [...xml.matchAll(/<ds:X509Certificate>([^<]+)</g)].map((m) => m[1]);

describe('control API: key rollover and metadata publication', () => {
  it('rolls the signing key over through the control API, and GET /metadata follows every phase', async () => {
    const idp = createMockIdp({ baseUrl: 'http://127.0.0.1:7000', clock, keys: { signing: generatedKeyPair('signing', clock) } });
    const app = request(idp.app);
    expect((await app.get('/metadata').expect(200)).text).toContain('ID="_metadata-');
    expect(certificatesOf((await app.get('/metadata')).text)).toHaveLength(1);
    const rolled = await app.post('/control/keys/rollover').expect(200);
    expect(rolled.body).toMatchObject({ phase: 'rolling', published: [{ role: 'active' }, { role: 'next' }] });
    expect(certificatesOf((await app.get('/metadata')).text)).toHaveLength(2);
    expect((await app.post('/control/keys/rollover').expect(409)).body.error).toBe('keys/rollover-in-progress');
    expect((await app.post('/control/keys/activate').expect(200)).body.active).toBe(rolled.body.published[1].fingerprint);
    expect((await app.post('/control/keys/retire').expect(200)).body).toMatchObject({ phase: 'steady', published: [{ role: 'active' }] });
    expect(certificatesOf((await app.get('/metadata')).text)).toHaveLength(1);
    expect((await app.post('/control/keys/retire').expect(409)).body.error).toBe('keys/nothing-to-retire');
    expect((await app.get('/control/keys').expect(200)).body.phase).toBe('steady');
  });

  it('publishes signed metadata with validUntil and cacheDuration once asked, and refuses a bad setting', async () => {
    const idp = createMockIdp({ baseUrl: 'http://127.0.0.1:7000', clock });
    const app = request(idp.app);
    const settings = { signed: true, validUntil: '2026-01-08T00:00:00Z', cacheDuration: 'PT6H' };
    expect((await app.put('/control/metadata').send(settings).expect(200)).body).toEqual(settings);
    const xml = (await app.get('/metadata').expect(200)).text;
    expect(xml).toMatch(/<md:EntityDescriptor [^>]*validUntil="2026-01-08T00:00:00Z"[^>]*cacheDuration="PT6H"/);
    expect(xml).toMatch(/<md:EntityDescriptor [^>]*><ds:Signature /);
    expect((await app.put('/control/metadata').send({ cacheDuration: 'six hours' }).expect(400)).body.error).toBe('control/bad-body');
    expect((await app.get('/control/metadata').expect(200)).body).toEqual(settings);
  });

  it('MockIdp.metadataXml() is what GET /metadata serves: the rollover key and the signature included', async () => {
    const idp = createMockIdp({ baseUrl: 'http://127.0.0.1:7000', clock, keys: { signing: generatedKeyPair('signing', clock) } });
    const app = request(idp.app);
    await app.post('/control/keys/rollover').expect(200);
    await app.put('/control/metadata').send({ signed: true, validUntil: '2026-01-08T00:00:00Z' }).expect(200);
    const served = (await app.get('/metadata').expect(200)).text;
    expect(certificatesOf(served)).toHaveLength(3); // two KeyDescriptors and the signature's KeyInfo
    expect(idp.metadataXml()).toBe(served);
  });
});
