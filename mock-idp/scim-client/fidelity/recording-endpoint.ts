/*
 * Test support: an in-memory SCIM endpoint served through an injected `fetch` (no socket), for replaying a
 * provisioning step and capturing the request the client built. It answers just enough for a client to go on:
 * - GET /Users|/Groups?filter=<attr> eq "<value>": a ListResponse of the stored resources whose top-level <attr>
 *   equals the value (userName case-insensitively, RFC 7643 §4.1.1 caseExact false); any other query: all of them
 * - POST: 201 with the resource, a server-assigned `id` and `meta`; GET /<type>/{id}: 200 or 404
 * - PATCH: 204, the stored resource unchanged (the replayed steps read what was created, never what was patched)
 * - DELETE: 204; anything else: 404
 * Ids look like the ones in Microsoft's examples (20 hex digits) and are listed in `issued`, so a comparison can
 * treat them as per-run values.
 */
export interface RecordingEndpoint {
  /** The tenant URL to give the client. */
  readonly url: string;
  readonly fetch: typeof fetch;
  /** Ids the endpoint assigned, in order. */
  readonly issued: string[];
}

type Json = Record<string, unknown>;

const LIST = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

export function startRecordingEndpoint(url = 'https://scim.fidelity.test/scim'): RecordingEndpoint {
  const store = { Users: new Map<string, Json>(), Groups: new Map<string, Json>() };
  const issued: string[] = [];
  const json = (status: number, body?: unknown): Response =>
    new Response(body === undefined ? null : JSON.stringify(body), { status, headers: body === undefined ? {} : { 'content-type': 'application/scim+json' } });

  const handle = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const u = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const method = (init?.method ?? 'GET').toUpperCase();
    const rel = u.pathname.slice(new URL(url).pathname.length);
    const [, type, id] = /^\/(Users|Groups)(?:\/([^/]+))?$/.exec(rel) ?? [];
    if (type !== 'Users' && type !== 'Groups') return json(404);
    const table = store[type];
    if (method === 'GET' && !id) {
      const m = /^(\S+) eq "(.*)"$/.exec(u.searchParams.get('filter') ?? '');
      const hits = [...table.values()].filter((r) => {
        if (!m) return true;
        const have = r[m[1]!];
        return m[1]!.toLowerCase() === 'username' ? String(have).toLowerCase() === m[2]!.toLowerCase() : have === m[2];
      });
      return json(200, { schemas: [LIST], totalResults: hits.length, startIndex: 1, itemsPerPage: hits.length, Resources: hits });
    }
    if (method === 'POST' && !id) {
      const newId = (issued.length + 1).toString(16).padStart(4, '0').padStart(20, 'a');
      issued.push(newId);
      const body = JSON.parse(String(init?.body ?? '{}')) as Json;
      const stored = { ...body, id: newId, meta: { resourceType: type.slice(0, -1) } };
      table.set(newId, stored);
      return json(201, stored);
    }
    if (!id) return json(404);
    const found = table.get(decodeURIComponent(id));
    if (method === 'GET') return found ? json(200, found) : json(404, { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '404' });
    if (method === 'PATCH') return found ? json(204) : json(404);
    if (method === 'DELETE') {
      table.delete(decodeURIComponent(id));
      return json(204);
    }
    return json(404);
  };
  return { url, fetch: handle as typeof fetch, issued };
}
