/*
 * Each defect SP's vulnerability is real: the same attack that the strict mini SP refuses gets through the defect
 * SP (the proof below), and each defect replaces exactly one rule of the strict SP's table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockIdp, registrationFromSpMetadata } from '../../../mock-idp/index.ts';
import { attempt, postToAcs, registerSp, startTestIdp, type SpUnderTest, type TestIdp } from './test-support/drive.ts';
import { SAML_DEFECTS, startSamlDefectSp, type DefectSpEndpoints } from './index.ts';

/** What an attack achieved: who got signed in (or null), and where the browser was sent. */
interface Outcome {
  readonly user: string | null;
  readonly location: string | undefined;
}

/** An attack, what the strict SP makes of it (default: nobody signed in, sent to "/") and what the defect SP does. */
interface Proof {
  readonly attack: (idp: MockIdp, sp: SpUnderTest, entityId: string) => Promise<Outcome>;
  readonly strict?: Outcome;
  readonly vulnerable: Outcome;
}

const REFUSED: Outcome = { user: null, location: undefined };

/** The encryption certificate the SP publishes in its metadata. */
async function encryptionCertificate(sp: SpUnderTest): Promise<string> {
  const pem = registrationFromSpMetadata(await (await fetch(sp.metadataUrl)).text()).encryptionCertPem;
  if (!pem) throw new Error('the SP metadata has no encryption certificate');
  return pem;
}

const VICTIM = 'bob@example.com';
const ATTACKER = 'attacker@evil.example';
const evil =
  (options: Parameters<typeof attempt>[3]) =>
  async (idp: MockIdp, sp: SpUnderTest, entityId: string): Promise<Outcome> => {
    const { user, location } = await attempt(idp, sp, entityId, options);
    return { user, location };
  };

const PROOFS: Record<string, Proof> = {
  'reads-first-assertion': { attack: evil({ deviations: ['signAssertionOnly', { method: 'wrapSignature', args: ['XSW4'] }] }), vulnerable: { user: ATTACKER, location: '/' } },
  'accepts-two-assertions': { attack: evil({ deviations: ['duplicateAssertion'] }), vulnerable: { user: 'alice@example.com', location: '/' } },
  'skips-not-before': { attack: evil({ deviations: [{ method: 'notYetValidFor', args: ['1h'] }] }), vulnerable: { user: 'alice@example.com', location: '/' } },
  'accepts-unsolicited': { attack: evil({ unsolicited: true }), vulnerable: { user: 'alice@example.com', location: '/' } },
  'ignores-required-attributes': { attack: evil({ deviations: [{ method: 'withoutAttribute', args: ['surname'] }] }), vulnerable: { user: 'alice@example.com', location: '/' } },
  // Interoperability defects: the legitimate variant the strict SP accepts is refused.
  'refuses-gcm': {
    attack: async (idp, sp, entityId) =>
      evil({ deviations: [{ method: 'encryptTo', args: [await encryptionCertificate(sp), { dataAlgorithm: 'aes128-gcm', keyAlgorithm: 'rsa-oaep' }] }] })(idp, sp, entityId),
    strict: { user: 'alice@example.com', location: '/' },
    vulnerable: REFUSED,
  },
  'no-clock-skew': {
    attack: evil({ deviations: [{ method: 'notYetValidFor', args: ['20s'] }] }),
    strict: { user: 'alice@example.com', location: '/' },
    vulnerable: REFUSED,
  },
  'accepts-unsigned': { attack: evil({ deviations: ['omitSignature', { method: 'nameId', args: [VICTIM] }] }), vulnerable: { user: VICTIM, location: '/' } },
  'trusts-keyinfo': { attack: evil({ deviations: ['signWithRogueKey', { method: 'nameId', args: [VICTIM] }] }), vulnerable: { user: VICTIM, location: '/' } },
  'accepts-sha1': { attack: evil({ deviations: [{ method: 'signatureAlgorithm', args: ['sha1'] }] }), vulnerable: { user: 'alice@example.com', location: '/' } },
  'skips-audience': { attack: evil({ deviations: [{ method: 'audience', args: ['https://other.example/sp'] }] }), vulnerable: { user: 'alice@example.com', location: '/' } },
  'skips-expiry': { attack: evil({ deviations: [{ method: 'expiredBy', args: ['1h'] }] }), vulnerable: { user: 'alice@example.com', location: '/' } },
  'skips-recipient': { attack: evil({ deviations: [{ method: 'recipient', args: ['https://other.example/acs'] }] }), vulnerable: { user: 'alice@example.com', location: '/' } },
  'skips-destination': { attack: evil({ deviations: [{ method: 'destination', args: ['https://other.example/acs'] }] }), vulnerable: { user: 'alice@example.com', location: '/' } },
  'skips-issuer': { attack: evil({ deviations: [{ method: 'issuer', args: ['https://other.example/idp'] }] }), vulnerable: { user: 'alice@example.com', location: '/' } },
  'no-replay-cache': {
    // The replay's own answer: a session cookie and a redirect (302) means it signed in again.
    attack: async (idp, sp, entityId) => {
      const first = await attempt(idp, sp, entityId);
      const again = await postToAcs(first.browser, sp, first.form);
      return { user: again.status === 302 ? again.user : null, location: again.location };
    },
    vulnerable: { user: 'alice@example.com', location: '/' },
  },
  'nameid-first-text-node': {
    attack: evil({
      deviations: [{ method: 'nameId', args: [`${VICTIM}.evil.example`] }],
      edit: (xml) => xml.replace(`>${VICTIM}.evil.example<`, `>${VICTIM}<!---->.evil.example<`),
    }),
    strict: { user: `${VICTIM}.evil.example`, location: '/' },
    vulnerable: { user: VICTIM, location: '/' },
  },
  'reads-by-prefix': {
    attack: evil({ deviations: ['signAssertionOnly', { method: 'namespacePrefixConfusion', args: [ATTACKER] }] }),
    // the strict SP does not see the look-alike element at all: the genuine signed identity signs in
    strict: { user: 'alice@example.com', location: '/' },
    vulnerable: { user: ATTACKER, location: '/' },
  },
  'open-relay-state': {
    attack: async (idp, sp, entityId) => {
      const result = await attempt(idp, sp, entityId, { relayState: '//evil.example/phish' });
      return { user: null, location: result.location };
    },
    strict: { user: null, location: '/' },
    vulnerable: { user: null, location: '//evil.example/phish' },
  },
  'allows-dtd': { attack: evil({ edit: (xml) => `<!DOCTYPE samlp:Response>${xml.replace(/^<\?xml[^>]*\?>/, '')}` }), vulnerable: { user: 'alice@example.com', location: '/' } },
  'unsolicited-as-solicited': {
    attack: evil({ unsolicited: true, deviations: [{ method: 'inResponseTo', args: ['_never-sent'] }] }),
    vulnerable: { user: 'alice@example.com', location: '/' },
  },
};

let idp: TestIdp;
let strict: DefectSpEndpoints;
let strictEntityId: string;

beforeAll(async () => {
  idp = await startTestIdp();
  strict = await startSamlDefectSp('none', { idpMetadataXml: idp.metadataXml });
  strictEntityId = await registerSp(idp.idp, strict);
});

afterAll(async () => {
  await strict?.close();
  await idp?.close();
});

describe('the SAML defect layer', () => {
  it('has at least ten defects, each replacing exactly one rule, each with a proof and the tests that flag it', () => {
    expect(SAML_DEFECTS.length).toBeGreaterThanOrEqual(10);
    expect(new Set(SAML_DEFECTS.map((d) => d.name)).size).toBe(SAML_DEFECTS.length);
    for (const defect of SAML_DEFECTS) {
      expect(Object.keys(defect.replacement).length === 2 ? 'acs' in defect.replacement : 'relayTarget' in defect.replacement).toBe(true);
      expect(defect.flaggedBy.length).toBeGreaterThan(0);
    }
    expect(Object.keys(PROOFS).sort()).toEqual(SAML_DEFECTS.map((d) => d.name).sort());
  });

  it('refuses an unknown defect name', async () => {
    await expect(startSamlDefectSp('no-such-defect', { idpMetadataXml: idp.metadataXml })).rejects.toThrow();
  });

  describe.each(SAML_DEFECTS.map((d) => [d.name] as const))('%s', (name) => {
    it('lets through the attack the strict mini SP stops', async () => {
      const proof = PROOFS[name]!;
      expect(await proof.attack(idp.idp, strict, strictEntityId)).toEqual(proof.strict ?? REFUSED);
      const defective = await startSamlDefectSp(name, { idpMetadataXml: idp.metadataXml });
      try {
        const entityId = await registerSp(idp.idp, defective);
        expect(await proof.attack(idp.idp, defective, entityId)).toEqual(proof.vulnerable);
        // and a legitimate sign-in still works: the defect broke one rule, not the SP
        expect((await attempt(idp.idp, defective, entityId)).user).toBe('alice@example.com');
      } finally {
        await defective.close();
      }
    });
  });
});
