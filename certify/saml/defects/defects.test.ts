/*
 * Proof that the verdicts are right (issue 10): `certify saml`'s catalog (features/certify-saml, through
 * runSamlCertification, ../run.ts) against SPs whose behaviour is known.
 * - the strict mini SP (./mini-sp/, independent of reference-sp/) must fail no MUST test;
 * - node-saml (./test-support/node-saml-sp.ts) must fail no MUST test beyond NODE_SAML_KNOWN_GAPS, each a real gap of the
 *   library as configured, explained where it is listed;
 * - each defect SP (the mini SP with one rule replaced, ./index.ts) must fail every test in its `flaggedBy`, and
 *   no MUST test outside `flaggedBy` + `alsoAffects` (a false alarm); a defect marked `catalogGap` is one the
 *   catalog cannot flag yet (said why), and must still show no false alarm.
 * All SPs trust one IdP (keys in a scratch data dir); the runs share one support code library. A table of
 * defect → flagged by / false alarms is printed at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ISupportCodeLibrary } from '@cucumber/cucumber/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockIdp, systemClock } from '../../../mock-idp/index.ts';
import type { SamlCertifyTarget } from '../contract.ts';
import { runSamlCertification, type SamlCertification } from '../run.ts';
import { SAML_DEFECTS, startSamlDefectSp } from './index.ts';
import { NODE_SAML_KNOWN_GAPS, startNodeSamlSp } from './test-support/node-saml-sp.ts';

const IDP_ENTITY_ID = 'https://certify-idp.defects.test/metadata';
const scratch = mkdtempSync(join(tmpdir(), 'ssoh-saml-defects-'));
const idpDataDir = join(scratch, 'idp');
let idpMetadataXml: string;
let support: ISupportCodeLibrary | undefined;
const table: string[] = [];
/** Every test ID the catalog ran, and those some defect SP failed: the difference is proven by no defect yet. */
const catalogIds = new Set<string>();
const flaggedIds = new Set<string>();

interface Endpoints {
  readonly metadataUrl: string;
  readonly loginUrl: string;
  readonly whoamiUrl: string;
  readonly whoamiJsonPath: string;
}

function targetFor(sp: Endpoints): SamlCertifyTarget {
  return {
    spMetadata: { url: sp.metadataUrl },
    loginUrl: sp.loginUrl,
    whoami: { url: sp.whoamiUrl, jsonPath: sp.whoamiJsonPath },
    user: 'alice@example.com',
    victim: 'bob@example.com',
    idp: { dataDir: idpDataDir, port: 0, entityId: IDP_ENTITY_ID },
    timeoutMs: 10_000,
  };
}

async function certify(sp: Endpoints): Promise<SamlCertification> {
  const run = await runSamlCertification({ target: targetFor(sp), profile: 'all', ...(support ? { support } : {}) });
  support = run.support ?? support;
  for (const o of run.outcomes) if (o.id) catalogIds.add(o.id);
  return run;
}

const failed = (run: SamlCertification, level?: string): string[] =>
  run.outcomes.filter((o) => (o.verdict === 'fail' || o.verdict === 'error') && (!level || o.level === level)).map((o) => o.id ?? o.name);

beforeAll(() => {
  // The IdP every SP here trusts: the keys the run's IdP will load from the same data dir, the same entity ID.
  idpMetadataXml = createMockIdp({ baseUrl: 'http://127.0.0.1:7000', entityId: IDP_ENTITY_ID, dataDir: idpDataDir, clock: systemClock }).metadataXml();
});

afterAll(() => {
  const unproven = [...catalogIds].filter((id) => !flaggedIds.has(id)).sort();
  if (table.length > 0) console.log(['defect → flagged by / false alarms', ...table, `tests no defect SP fails (yet): ${unproven.join(', ') || 'none'}`].join('\n'));
  rmSync(scratch, { recursive: true, force: true });
});

describe('compliant SPs', () => {
  it('the strict mini SP fails no MUST test', async () => {
    const sp = await startSamlDefectSp('none', { idpMetadataXml });
    try {
      const run = await certify(sp);
      expect(run.baseline).toEqual({ ok: true, diagnosis: undefined });
      expect(run.runError).toBeUndefined();
      expect(run.outcomes.length).toBeGreaterThan(50);
      table.push(`(strict mini SP) → MUST failures: ${failed(run, 'MUST').join(', ') || 'none'}; SHOULD failures: ${failed(run, 'SHOULD').join(', ') || 'none'}`);
      expect(failed(run, 'MUST')).toEqual([]);
    } finally {
      await sp.close();
    }
  }, 300_000);

  it('node-saml fails no MUST test beyond its known gaps', async () => {
    const sp = await startNodeSamlSp({ idpMetadataXml });
    try {
      const run = await certify(sp);
      expect(run.baseline).toEqual({ ok: true, diagnosis: undefined });
      expect(run.runError).toBeUndefined();
      table.push(`(node-saml) → MUST failures: ${failed(run, 'MUST').join(', ') || 'none'}; SHOULD failures: ${failed(run, 'SHOULD').join(', ') || 'none'}`);
      expect(failed(run, 'MUST').filter((id) => !(id in NODE_SAML_KNOWN_GAPS))).toEqual([]);
      // The list stays true: every gap listed is still one.
      expect(Object.keys(NODE_SAML_KNOWN_GAPS).filter((id) => !failed(run).includes(id))).toEqual([]);
    } finally {
      await sp.close();
    }
  }, 300_000);
});

describe.each(SAML_DEFECTS.map((d) => [d.name, d] as const))('defect %s', (name, defect) => {
  it('is flagged by the tests made for it, and by no unrelated MUST test', async () => {
    const sp = await startSamlDefectSp(name, { idpMetadataXml });
    try {
      const run = await certify(sp);
      expect(run.baseline).toEqual({ ok: true, diagnosis: undefined });
      const all = failed(run);
      for (const id of all) flaggedIds.add(id);
      const falseAlarms = failed(run, 'MUST').filter((id) => !defect.flaggedBy.includes(id) && !defect.alsoAffects.includes(id));
      table.push(`${name} → flagged by: ${all.join(', ') || 'nothing'}; false alarms: ${falseAlarms.join(', ') || 'none'}${defect.catalogGap ? ' (catalog gap)' : ''}`);
      expect(falseAlarms).toEqual([]);
      const missed = defect.flaggedBy.filter((id) => !all.includes(id));
      // A known catalog gap (./defect.ts catalogGap) must still be one: when the catalog flags it, drop the marker.
      if (defect.catalogGap) expect(missed).not.toEqual([]);
      else expect(missed).toEqual([]);
    } finally {
      await sp.close();
    }
  }, 300_000);
});
