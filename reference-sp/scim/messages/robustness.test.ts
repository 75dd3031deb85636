/*
 * Bad input gets a precise typed error and never a crash (preamble, issue 3 "Bad input"): seeded random input
 * into every parser and PatchOp; anything thrown must be a ScimError with a 4xx status. The seed is fixed, so
 * the run is deterministic.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ScimError } from '../types/errors.ts';
import { parseFilter } from '../types/filter/parser.ts';
import { evaluateFilter } from '../types/filter/evaluate.ts';
import { parsePath } from '../types/path.ts';
import type { Json } from '../schemas/json.ts';
import { CORE_USER, ENTERPRISE, registryWithNinjaOne } from '../schemas/test-fixtures.ts';
import { parseBulkRequest } from './bulk-request.ts';
import { PATCH_OP_SCHEMA, PatchOp } from './patch-op.ts';
import { parseSearchBody, SEARCH_REQUEST_SCHEMA } from './search-request.ts';

const registry = registryWithNinjaOne();

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'userName',
  'name',
  'givenName',
  'emails',
  'value',
  'type',
  'active',
  'members',
  'meta',
  'id',
  'eq',
  'ne',
  'co',
  'sw',
  'gt',
  'le',
  'pr',
  'and',
  'or',
  'not',
  'true',
  'False',
  'null',
  '"x"',
  '"work"',
  '12',
  '-1.5e3',
  '(',
  ')',
  '[',
  ']',
  '.',
  ':',
  ENTERPRISE,
  `${ENTERPRISE}:manager`,
  '"unterminated',
  '\\',
  '$ref',
  '""',
  ' ',
];

function randomText(r: () => number): string {
  const n = 1 + Math.floor(r() * 9);
  return Array.from({ length: n }, () => WORDS[Math.floor(r() * WORDS.length)]).join(r() < 0.7 ? ' ' : '');
}

function randomJson(r: () => number, depth = 0): Json {
  const k = Math.floor(r() * (depth > 2 ? 6 : 8));
  switch (k) {
    case 0:
      return null;
    case 1:
      return r() < 0.5;
    case 2:
      return Math.floor(r() * 2000) - 1000;
    case 3:
      return ['True', 'False', 'bjensen', '', 'bulkId:q', 'urn:x'][Math.floor(r() * 6)]!;
    case 4:
      return WORDS[Math.floor(r() * WORDS.length)]!;
    case 5:
      return randomText(r);
    case 6:
      return Array.from({ length: Math.floor(r() * 3) }, () => randomJson(r, depth + 1));
    default: {
      const o: Record<string, Json> = {};
      for (let i = 0; i < 1 + Math.floor(r() * 4); i++) o[WORDS[Math.floor(r() * WORDS.length)]!] = randomJson(r, depth + 1);
      return o;
    }
  }
}

const outcomes = { ok: 0, refused: 0 };

function onlyScimErrors(fn: () => unknown): void {
  try {
    fn();
    outcomes.ok++;
  } catch (e) {
    outcomes.refused++;
    if (!(e instanceof ScimError)) throw e;
    expect(e.status).toBeGreaterThanOrEqual(400);
    expect(e.status).toBeLessThan(500);
  }
}

const USER = {
  schemas: [CORE_USER, ENTERPRISE],
  id: 'u1',
  userName: 'bjensen',
  active: true,
  name: { givenName: 'B' },
  emails: [{ value: 'b@x', type: 'work', primary: true }],
  [ENTERPRISE]: { manager: { value: 'm' } },
};

describe('robustness: random input only ever yields a 4xx ScimError', () => {
  beforeEach(() => {
    outcomes.ok = 0;
    outcomes.refused = 0;
  });
  // the generators must reach both outcomes, or the test proves nothing
  afterEach(() => {
    expect(outcomes.ok).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });

  it('filters (parse and evaluate)', () => {
    const r = rng(7);
    for (let i = 0; i < 3000; i++) {
      const text = randomText(r);
      onlyScimErrors(() => evaluateFilter(parseFilter(text), USER, registry));
    }
  });

  it('PATCH paths', () => {
    const r = rng(11);
    for (let i = 0; i < 3000; i++) onlyScimErrors(() => parsePath(randomText(r)));
  });

  it('POST bodies, strict and lenient', () => {
    const r = rng(13);
    for (let i = 0; i < 1500; i++) {
      const body = randomJson(r);
      const withSchemas = typeof body === 'object' && body !== null && !Array.isArray(body) ? { schemas: [CORE_USER], userName: 'u', ...body } : body;
      onlyScimErrors(() => registry.validate('User', withSchemas, { mode: i % 2 ? 'strict' : 'lenient', operation: 'create' }));
      onlyScimErrors(() => registry.validate('Group', body, { mode: 'strict', operation: 'replace' }));
    }
  });

  it('PatchOp bodies', () => {
    const r = rng(17);
    const ops = ['add', 'remove', 'replace', 'Replace', 'move'];
    const paths = [undefined, 'emails[type eq "work"].value', 'members', 'name.givenName', `${ENTERPRISE}:manager`, 'active', 'id', 'userName', 'emails'];
    for (let i = 0; i < 3000; i++) {
      const operation: Record<string, Json> = { op: ops[Math.floor(r() * ops.length)]! };
      const path = r() < 0.3 ? randomText(r) : paths[Math.floor(r() * paths.length)];
      if (path !== undefined) operation['path'] = path;
      if (r() < 0.8) operation['value'] = randomJson(r);
      const body = { schemas: [PATCH_OP_SCHEMA], Operations: [operation] };
      onlyScimErrors(() => new PatchOp(body, { registry, resourceType: i % 3 ? 'User' : 'Group', mode: i % 2 ? 'strict' : 'lenient' }).apply(USER));
    }
  });

  it('SearchRequest and BulkRequest bodies', () => {
    const r = rng(19);
    for (let i = 0; i < 1500; i++) {
      const v = randomJson(r);
      onlyScimErrors(() =>
        parseSearchBody(typeof v === 'object' && v !== null && !Array.isArray(v) ? { schemas: [SEARCH_REQUEST_SCHEMA], ...v } : v, { defaultCount: 10, maxCount: 100 }),
      );
      onlyScimErrors(() =>
        parseBulkRequest({ schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'], Operations: [v] }, registry, { maxOperations: 10, maxPayloadSize: 1e6 }),
      );
    }
  });
});
