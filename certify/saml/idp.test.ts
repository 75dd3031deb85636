import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { certifyIdp, DEFAULT_IDP_ENTITY_ID, serveIdpMetadata } from './idp.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'ssoh-certify-idp-test-'));
const target = { idp: { dataDir, port: 0 }, user: 'alice@example.com', victim: 'bob@example.com' };

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the certify IdP', () => {
  it("has npm start's entity ID by default, the run's two identities, and leaves the data dir's users as they were", () => {
    const idp = certifyIdp(target);
    expect(idp.entityId).toBe(DEFAULT_IDP_ENTITY_ID);
    expect(idp.control.findUser('bob@example.com')?.givenName).toBe('Bob');
    expect(existsSync(join(dataDir, 'users.json'))).toBe(false);
    expect(readdirSync(dataDir).some((f) => f.endsWith('.pem'))).toBe(true);
  });

  it('serves the metadata the SP must trust, signed with the same keys the minting IdP uses', async () => {
    const served = await serveIdpMetadata({ ...target, idp: { ...target.idp, entityId: 'https://idp.example/metadata' } });
    try {
      const xml = await (await fetch(served.metadataUrl)).text();
      expect(served.entityId).toBe('https://idp.example/metadata');
      expect(xml).toContain('entityID="https://idp.example/metadata"');
      const minting = certifyIdp(target);
      const body = minting.keys.signing.certificatePem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
      expect(xml.replace(/\s+/g, '')).toContain(body);
    } finally {
      await served.close();
    }
  });
});
