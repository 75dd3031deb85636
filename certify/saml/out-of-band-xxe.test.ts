/*
 * Proof for SAML-XML-07 (features/certify-saml/xml-parsing.feature): the out-of-band XXE test fails against an SP
 * whose XML parser resolves external entities, and passes against one that refuses DTDs. The resolving SP is the
 * strict mini SP (./defects/mini-sp/) with its DTD rule replaced, in this test only, by what a parser with entity
 * resolution does (Xerces' defaults; libxml2 with NOENT): it fetches every SYSTEM URL the DOCTYPE declares, then
 * goes on. xmldom, which the defect layer's allows-dtd SP parses with, never fetches, so that defect cannot show it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockIdp, systemClock } from '../../mock-idp/index.ts';
import type { SamlCertifyTarget } from './contract.ts';
import { startMiniSp, type RunningMiniSp } from './defects/mini-sp/app.ts';
import { need } from './defects/mini-sp/state.ts';
import { runSamlCertification } from './run.ts';

const IDP_ENTITY_ID = 'https://certify-idp.xxe.test/metadata';
const scratch = mkdtempSync(join(tmpdir(), 'ssoh-saml-xxe-'));
let idpMetadataXml: string;

beforeAll(() => {
  idpMetadataXml = createMockIdp({ baseUrl: 'http://127.0.0.1:7000', entityId: IDP_ENTITY_ID, dataDir: scratch, clock: systemClock }).metadataXml();
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function targetFor(sp: RunningMiniSp): SamlCertifyTarget {
  return {
    spMetadata: { url: sp.metadataUrl },
    loginUrl: sp.loginUrl,
    whoami: { url: sp.whoamiUrl, jsonPath: 'user' },
    user: 'alice@example.com',
    victim: 'bob@example.com',
    idp: { dataDir: scratch, port: 0, entityId: IDP_ENTITY_ID },
    timeoutMs: 10_000,
  };
}

async function verdictOfXml07(sp: RunningMiniSp): Promise<string | undefined> {
  const run = await runSamlCertification({ target: targetFor(sp), profile: 'all', tags: '@id:SAML-XML-07' });
  expect(run.runError).toBeUndefined();
  expect(run.outcomes.map((o) => o.id)).toEqual(['SAML-XML-07']);
  return run.outcomes[0]?.verdict;
}

describe('SAML-XML-07, the out-of-band XXE test', () => {
  it('fails against an SP whose parser fetches the external entities a DOCTYPE declares', async () => {
    const fetched: string[] = [];
    const sp = await startMiniSp({
      idpMetadataXml,
      replacement: {
        acs: 'refuseDtd',
        rule: async (state) => {
          const doctype = /<!DOCTYPE[^[]*\[([\s\S]*?)\]>/.exec(need(state, 'xml'))?.[1] ?? '';
          for (const [, url] of doctype.matchAll(/SYSTEM\s+"([^"]*)"/g)) {
            fetched.push(url!);
            await fetch(url!).catch(() => undefined);
          }
        },
      },
    });
    try {
      expect(await verdictOfXml07(sp)).toBe('fail');
      expect(fetched.length).toBe(2);
    } finally {
      await sp.close();
    }
  }, 60_000);

  it('passes against an SP that refuses any DOCTYPE', async () => {
    const sp = await startMiniSp({ idpMetadataXml });
    try {
      expect(await verdictOfXml07(sp)).toBe('pass');
    } finally {
      await sp.close();
    }
  }, 60_000);
});
