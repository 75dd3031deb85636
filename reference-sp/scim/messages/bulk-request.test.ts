import { describe, expect, it } from 'vitest';
import { ScimError, type ScimType } from '../types/errors.ts';
import { CORE_GROUP, CORE_USER, registryWithNinjaOne } from '../schemas/test-fixtures.ts';
import { BULK_REQUEST_SCHEMA, BULK_RESPONSE_SCHEMA, bulkResponse, parseBulkRequest, referencedBulkIds, resolveBulkIds } from './bulk-request.ts';

const registry = registryWithNinjaOne();
const limits = { maxOperations: 3, maxPayloadSize: 1_000_000 };
const bulk = (Operations: unknown[], extra: Record<string, unknown> = {}) => ({ schemas: [BULK_REQUEST_SCHEMA], Operations, ...extra });

function failure(fn: () => unknown): [number, ScimType | undefined] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ScimError) return [e.status, e.scimType];
    throw e;
  }
  throw new Error('expected a ScimError');
}

describe('parseBulkRequest (RFC 7644 §3.7)', () => {
  it('parses the §3.7.1 shape', () => {
    const req = parseBulkRequest(
      bulk(
        [
          { method: 'POST', path: '/Users', bulkId: 'qwerty', data: { schemas: [CORE_USER], userName: 'alice' } },
          { method: 'post', path: '/Groups', bulkId: 'ytrewq', data: { schemas: [CORE_GROUP], displayName: 'G', members: [{ type: 'User', value: 'bulkId:qwerty' }] } },
          { method: 'DELETE', path: '/Users/b7c14771', version: 'W/"0ee8add0a938e1a"' },
        ],
        { failOnErrors: 1 },
      ),
      registry,
      limits,
    );
    expect(req.failOnErrors).toBe(1);
    expect(req.operations.map((o) => [o.method, o.resourceType, o.resourceId, o.bulkId, o.error])).toEqual([
      ['POST', 'User', undefined, 'qwerty', undefined],
      ['POST', 'Group', undefined, 'ytrewq', undefined],
      ['DELETE', 'User', 'b7c14771', undefined, undefined],
    ]);
    expect(req.operations[2]!.version).toBe('W/"0ee8add0a938e1a"');
    expect(referencedBulkIds(req.operations[1]!)).toEqual(['qwerty']);
  });

  it.each<[string, unknown, number, ScimType | undefined]>([
    ['not an object', [], 400, 'invalidSyntax'],
    ['wrong schemas', { schemas: ['x'], Operations: [{}] }, 400, 'invalidSyntax'],
    ['no operations', bulk([]), 400, 'invalidSyntax'],
    ['too many operations', bulk([1, 2, 3, 4]), 413, undefined],
    ['failOnErrors zero', bulk([{ method: 'DELETE', path: '/Users/x' }], { failOnErrors: 0 }), 400, 'invalidValue'],
    ['failOnErrors a string', bulk([{ method: 'DELETE', path: '/Users/x' }], { failOnErrors: '1' }), 400, 'invalidValue'],
  ])('envelope: %s → %i', (_name, body, status, scimType) => {
    expect(failure(() => parseBulkRequest(body, registry, limits))).toEqual([status, scimType]);
  });

  it('refuses a payload over maxPayloadSize with 413', () => {
    expect(failure(() => parseBulkRequest(bulk([]), registry, { ...limits, payloadBytes: 2_000_000 }))).toEqual([413, undefined]);
  });

  it.each<[string, unknown, ScimType]>([
    ['unknown method', { method: 'GET', path: '/Users/x' }, 'invalidSyntax'],
    ['POST without bulkId', { method: 'POST', path: '/Users', data: { userName: 'a' } }, 'invalidSyntax'],
    ['POST to a resource', { method: 'POST', path: '/Users/x', bulkId: 'b', data: {} }, 'invalidPath'],
    ['PUT without an id', { method: 'PUT', path: '/Users', data: {} }, 'invalidPath'],
    ['unknown endpoint', { method: 'DELETE', path: '/Devices/x' }, 'invalidPath'],
    ['no path', { method: 'DELETE' }, 'invalidPath'],
    ['PATCH without data', { method: 'PATCH', path: '/Users/x' }, 'invalidSyntax'],
    ['not an object', 'DELETE /Users/x', 'invalidSyntax'],
  ])('operation: %s → its own error, the others still run', (_name, op, scimType) => {
    const req = parseBulkRequest(bulk([op, { method: 'DELETE', path: '/Users/ok' }]), registry, limits);
    expect(req.operations[0]!.error?.scimType).toBe(scimType);
    expect(req.operations[1]!.error).toBeUndefined();
  });

  it('refuses a duplicate bulkId on the second use', () => {
    const req = parseBulkRequest(
      bulk([
        { method: 'POST', path: '/Users', bulkId: 'a', data: {} },
        { method: 'POST', path: '/Users', bulkId: 'a', data: {} },
      ]),
      registry,
      limits,
    );
    expect([req.operations[0]!.error, req.operations[1]!.error?.scimType]).toEqual([undefined, 'invalidSyntax']);
  });
});

describe('resolveBulkIds (§3.7.2)', () => {
  it('replaces references anywhere in the value, leaving the input alone', () => {
    const data = { members: [{ value: 'bulkId:qwerty' }, { value: 'u2' }], manager: { value: 'bulkId:boss' }, note: 'bulkId is a word' };
    const out = resolveBulkIds(
      data,
      new Map([
        ['qwerty', 'id-1'],
        ['boss', 'id-2'],
      ]),
    );
    expect(out).toEqual({ members: [{ value: 'id-1' }, { value: 'u2' }], manager: { value: 'id-2' }, note: 'bulkId is a word' });
    expect(data.members[0]!.value).toBe('bulkId:qwerty');
    expect(resolveBulkIds('bulkId:qwerty', { qwerty: 'id-1' })).toBe('id-1');
  });

  it('an unresolvable reference is 409 Conflict', () => {
    expect(failure(() => resolveBulkIds({ members: [{ value: 'bulkId:nope' }] }, new Map()))).toEqual([409, undefined]);
  });
});

describe('deeply nested data (issue 8, item 9): a 400, never a stack overflow', () => {
  const deep = (levels: number): Record<string, unknown> => {
    let v: unknown = 'bulkId:qwerty';
    for (let i = 0; i < levels; i++) v = [v];
    return { schemas: [CORE_USER], userName: 'deep', x: v };
  };

  it('parseBulkRequest marks an operation whose data nests too deep as 400 invalidSyntax, and parses the rest', () => {
    const req = parseBulkRequest(
      bulk([
        { method: 'POST', path: '/Users', bulkId: 'a', data: deep(50_000) },
        { method: 'POST', path: '/Users', bulkId: 'b', data: { schemas: [CORE_USER], userName: 'fine' } },
      ]),
      registry,
      limits,
    );
    expect([req.operations[0]!.error?.status, req.operations[0]!.error?.scimType]).toEqual([400, 'invalidSyntax']);
    expect(req.operations[1]!.error).toBeUndefined();
  });

  it('referencedBulkIds walks any depth iteratively; resolveBulkIds refuses nesting past MAX_JSON_DEPTH', () => {
    expect(referencedBulkIds({ index: 0, data: deep(50_000) as never })).toEqual(['qwerty']);
    expect(failure(() => resolveBulkIds(deep(50_000) as never, new Map([['qwerty', 'id-1']])))).toEqual([400, 'invalidSyntax']);
  });
});

describe('bulkResponse (§3.7.3)', () => {
  it('reports status as a string and errors as §3.12 bodies', () => {
    expect(
      bulkResponse([
        { method: 'POST', bulkId: 'q', location: 'https://x/Users/1', version: 'W/"1"', status: 201 },
        { method: 'DELETE', status: 404, error: ScimError.notFound('no such user') },
      ]),
    ).toEqual({
      schemas: [BULK_RESPONSE_SCHEMA],
      Operations: [
        { method: 'POST', bulkId: 'q', location: 'https://x/Users/1', version: 'W/"1"', status: '201' },
        { method: 'DELETE', status: '404', response: { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '404', detail: 'no such user' } },
      ],
    });
  });
});
