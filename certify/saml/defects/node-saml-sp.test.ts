/*
 * node-saml behind its tiny express app signs in a legitimate SP-initiated response from the mock IdP, and refuses
 * the plain attacks (unsigned, rogue key, expired, another audience, unsolicited).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviationInput } from '../../../mock-idp/index.ts';
import { attempt, registerSp, startTestIdp, type TestIdp } from './test-support/drive.ts';
import { startNodeSamlSp, type NodeSamlSp } from './test-support/node-saml-sp.ts';

let idp: TestIdp;
let sp: NodeSamlSp;
let entityId: string;

beforeAll(async () => {
  idp = await startTestIdp();
  sp = await startNodeSamlSp({ idpMetadataXml: idp.metadataXml });
  entityId = await registerSp(idp.idp, sp);
});

afterAll(async () => {
  await sp?.close();
  await idp?.close();
});

describe('node-saml as an SP', () => {
  it('publishes metadata the IdP registers from, with WantAssertionsSigned', async () => {
    const metadata = await (await fetch(sp.metadataUrl)).text();
    expect(metadata).toContain('WantAssertionsSigned="true"');
    expect(entityId).toBe(sp.entityId);
  });

  it('signs in a legitimate SP-initiated response', async () => {
    const result = await attempt(idp.idp, sp, entityId, { relayState: '/home' });
    expect(result.status).toBe(302);
    expect(result.location).toBe('/home');
    expect(result.user).toBe('alice@example.com');
  });

  it.each<[string, DeviationInput[]]>([
    ['unsigned', ['omitSignature']],
    ['signed by a rogue key', ['signWithRogueKey']],
    ['expired', [{ method: 'expiredBy', args: ['10m'] }]],
    ['for another audience', [{ method: 'audience', args: ['https://other.example/sp'] }]],
  ])('refuses a response %s', async (_name, deviations) => {
    const result = await attempt(idp.idp, sp, entityId, { deviations });
    expect(result.status).toBe(403);
    expect(result.user).toBeNull();
  });

  it('refuses an unsolicited response', async () => {
    const result = await attempt(idp.idp, sp, entityId, { unsolicited: true });
    expect(result.status).toBe(403);
    expect(result.user).toBeNull();
  });
});
