import { describe, expect, it } from 'vitest';
import { compareRequests, judge } from './compare.ts';
import type { DocumentedRequest } from './documented-request.ts';
import { normaliseDocumented, normaliseSent } from './normalise.ts';

const entry = (over: Partial<DocumentedRequest> & Pick<DocumentedRequest, 'documented'>): DocumentedRequest => ({
  id: 'test/example',
  client: 'entra',
  step: 'step',
  behaviour: 'legacy',
  summary: 'example',
  source: { article: 'A', url: 'https://example.test/a', section: 'S', articleDate: '2025-01-01' },
  ...over,
});

describe('normalising a request', () => {
  it.each([
    ['GET /Users?filter=userName eq "a" HTTP/1.1', { method: 'GET', path: '/Users', query: { filter: 'userName eq "a"' } }],
    ['GET https://.../scim/Users?filter=externalId eq jyoung HTTP/1.1', { method: 'GET', path: '/Users', query: { filter: 'externalId eq jyoung' } }],
    ['DELETE ~/scim/Users/a0a0a0a0-bbbb-cccc-dddd-e1e1e1e1e1e1 HTTP/1.1', { method: 'DELETE', path: '/Users/{id}', query: {} }],
    ['GET /Groups/40734ae655284ad3abcc?excludedAttributes=members HTTP/1.1', { method: 'GET', path: '/Groups/{id}', query: { excludedAttributes: 'members' } }],
    ['post /Groups', { method: 'POST', path: '/Groups', query: {} }],
  ])('%s', (requestLine, expected) => {
    expect(normaliseDocumented({ requestLine, requestLinePrinted: true }, ['40734ae655284ad3abcc'])).toEqual({ ...expected, body: undefined });
  });

  it('reads an encoded query like a literal one and replaces the ids a server assigned', () => {
    expect(normaliseSent({ method: 'get', path: '/Groups?excludedAttributes=members&filter=displayName+eq+%22Ops%22' })).toEqual({
      method: 'GET',
      path: '/Groups',
      query: { excludedAttributes: 'members', filter: 'displayName eq "Ops"' },
      body: undefined,
    });
    expect(normaliseSent({ method: 'PATCH', path: '/Groups/g7', body: { Operations: [{ path: 'members[value eq "u9"]' }] } }, ['g7', 'u9']).body).toEqual({
      Operations: [{ path: `members[value eq "{id}"]` }],
    });
  });
});

describe('comparing requests', () => {
  const doc = normaliseDocumented(
    { requestLine: 'PATCH /Users/1', requestLinePrinted: true, body: { schemas: ['p'], Operations: [{ op: 'Replace', path: 'active', value: 'False' }] } },
    ['1'],
  );

  it('finds no difference in key order', () => {
    const sent = normaliseSent({ method: 'PATCH', path: '/Users/x', body: { Operations: [{ value: 'False', path: 'active', op: 'Replace' }], schemas: ['p'] } }, ['x']);
    expect(compareRequests(doc, sent)).toEqual([]);
  });

  it.each([
    [
      'a boolean for a string',
      { schemas: ['p'], Operations: [{ op: 'Replace', path: 'active', value: false }] },
      [{ at: '/body/Operations/0/value', documented: 'False', sent: false }],
    ],
    [
      'a lower-case op',
      { schemas: ['p'], Operations: [{ op: 'replace', path: 'active', value: 'False' }] },
      [{ at: '/body/Operations/0/op', documented: 'Replace', sent: 'replace' }],
    ],
    ['an extra key', { schemas: ['p'], Operations: [{ op: 'Replace', path: 'active', value: 'False' }], meta: {} }, [{ at: '/body/meta', documented: undefined, sent: {} }]],
    ['a missing array item', { schemas: [], Operations: [{ op: 'Replace', path: 'active', value: 'False' }] }, [{ at: '/body/schemas/0', documented: 'p', sent: undefined }]],
  ])('reports %s with its pointer', (_name, body, expected) => {
    expect(compareRequests(doc, normaliseSent({ method: 'PATCH', path: '/Users/x', body }, ['x']))).toEqual(expected);
  });

  it('reports a request the simulator does not send at the root', () => {
    expect(compareRequests(doc, undefined)).toEqual([{ at: '', documented: 'PATCH /Users/{id}', sent: undefined }]);
  });
});

describe('judging against the deliberate differences', () => {
  const documented = { requestLine: 'POST /Groups', requestLinePrinted: true, body: { schemas: ['core', 'ms'], displayName: 'x' } };

  it('passes a difference listed as deliberate, at its pointer or below it', () => {
    const v = judge(entry({ documented, deliberate: [{ at: '/body/schemas', reason: 'r' }] }), { method: 'POST', path: '/Groups', body: { schemas: ['core'], displayName: 'x' } });
    expect(v.unexplained).toEqual([]);
    expect(v.stale).toEqual([]);
  });

  it('fails a difference not listed', () => {
    const v = judge(entry({ documented }), { method: 'POST', path: '/Groups', body: { schemas: ['core'], displayName: 'x' } });
    expect(v.unexplained.map((d) => d.at)).toEqual(['/body/schemas/1']);
  });

  it('flags a deliberate difference that no longer exists as stale', () => {
    const v = judge(entry({ documented, deliberate: [{ at: '/body/displayName', reason: 'r' }] }), {
      method: 'POST',
      path: '/Groups',
      body: { schemas: ['core', 'ms'], displayName: 'x' },
    });
    expect(v.stale.map((d) => d.at)).toEqual(['/body/displayName']);
  });
});
