/*
 * A small purpose-built express 5 server in front of the reference SCIM server, on its own loopback port, for the
 * failure scenarios the reference server never produces by itself:
 * - throttling: 429 Too Many Requests with a Retry-After header (RFC 6585 §4, RFC 9110 §10.2.3)
 * - a broken server: 500, or a Test Connection filter on a random GUID that matches users
 * - a server strict about schema URNs: a POST or PUT whose `schemas` lists a URN it does not know gets 400
 *   invalidSyntax (RFC 7644 §3.12: "The request body message structure was invalid or did not conform to the
 *   request schema"), as a vendor server that refuses Entra's ADSCIM Group URN answers real Entra
 * A scripted answer replaces the next `times` requests that match its method and path prefix (relative to the
 * tenant base); every other request is forwarded unchanged, so what the client provisions lands in the real store.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';

export interface ScriptedAnswer {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

interface Script {
  readonly method: string;
  readonly pathPrefix: string;
  remaining: number;
  /** How many requests it answered. */
  used: number;
  readonly answer: ScriptedAnswer;
  /** Only requests whose body contains this text (e.g. the userName a POST creates). */
  readonly bodyIncludes: string | undefined;
}

export interface ScimGateway {
  /** The tenant URL clients use: the gateway's origin + the upstream base path. */
  readonly url: string;
  /** Requests the gateway answered itself. */
  readonly answered: Array<{ method: string; path: string; status: number }>;
  script(method: string, pathPrefix: string, answer: ScriptedAnswer, times?: number, bodyIncludes?: string): void;
  /** From now on, refuses any POST or PUT whose `schemas` lists a URN outside `known` (compared case-insensitively). */
  refuseSchemaUrnsOtherThan(known: readonly string[]): void;
  /**
   * Scripted answers no request consumed: a finite script with answers left, or an "every request" script never
   * used. A scenario that scripts a failure nobody meets tests nothing (steps/support/hooks.ts fails it).
   */
  unconsumed(): string[];
  close(): Promise<void>;
}

const FORWARDED_RESPONSE_HEADERS = ['content-type', 'location', 'etag', 'retry-after', 'www-authenticate'];

/** Starts a gateway in front of `upstream`, a tenant base URL such as http://127.0.0.1:4000/ws/scim/v2. */
export async function startScimGateway(upstream: string): Promise<ScimGateway> {
  const base = new URL(upstream);
  const basePath = base.pathname.replace(/\/+$/, '');
  const scripts: Script[] = [];
  const answered: ScimGateway['answered'] = [];
  let knownUrns: Set<string> | undefined;
  const app = express();
  app.disable('x-powered-by');
  app.use(express.raw({ type: () => true, limit: '2mb' }));
  app.use(async (req, res) => {
    const path = req.originalUrl.startsWith(basePath) ? req.originalUrl.slice(basePath.length) : req.originalUrl;
    const text = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    const script = scripts.find(
      (s) => s.remaining > 0 && s.method === req.method && path.startsWith(s.pathPrefix) && (s.bodyIncludes === undefined || text.includes(s.bodyIncludes)),
    );
    const unknownUrn = knownUrns && (req.method === 'POST' || req.method === 'PUT') ? firstUnknownUrn(text, knownUrns) : undefined;
    if (unknownUrn !== undefined) {
      answered.push({ method: req.method, path, status: 400 });
      // The URN is not echoed back: a rejection names the rule, not the client's input.
      const error = {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
        status: '400',
        scimType: 'invalidSyntax',
        detail: "'schemas' lists a schema URN this server does not know",
      };
      res.status(400).type('application/scim+json').send(JSON.stringify(error));
      return;
    }
    if (script) {
      script.remaining--;
      script.used++;
      answered.push({ method: req.method, path, status: script.answer.status });
      res.status(script.answer.status).set(script.answer.headers ?? {});
      if (script.answer.body === undefined) res.end();
      else res.type('application/scim+json').send(JSON.stringify(script.answer.body));
      return;
    }
    const headers: Record<string, string> = {};
    for (const name of ['authorization', 'content-type', 'accept', 'if-match', 'if-none-match']) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const body = Buffer.isBuffer(req.body) && req.body.length ? req.body : undefined;
    const upstreamRes = await fetch(`${base.origin}${req.originalUrl}`, { method: req.method, headers, ...(body ? { body: new Uint8Array(body) } : {}) });
    res.status(upstreamRes.status);
    for (const name of FORWARDED_RESPONSE_HEADERS) {
      const value = upstreamRes.headers.get(name);
      if (value !== null) res.set(name, value);
    }
    res.send(Buffer.from(await upstreamRes.arrayBuffer()));
  });
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}${basePath}`,
    answered,
    refuseSchemaUrnsOtherThan(known) {
      knownUrns = new Set(known.map((u) => u.toLowerCase()));
    },
    script(method, pathPrefix, answer, times = 1, bodyIncludes) {
      scripts.push({ method: method.toUpperCase(), pathPrefix, remaining: times, used: 0, answer, bodyIncludes });
    },
    unconsumed() {
      return scripts
        .filter((s) => (Number.isFinite(s.remaining) ? s.remaining > 0 : s.used === 0))
        .map((s) => {
          const left = Number.isFinite(s.remaining) ? `${s.remaining} of ${s.remaining + s.used} answers` : 'every answer';
          return `${s.method} ${s.pathPrefix}${s.bodyIncludes === undefined ? '' : ` for "${s.bodyIncludes}"`} → ${s.answer.status}: ${left} never given`;
        });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The first entry of a JSON body's `schemas` that is not in `known`, or undefined (also for a body that is not JSON). */
function firstUnknownUrn(text: string, known: ReadonlySet<string>): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  const schemas = body && typeof body === 'object' ? (body as { schemas?: unknown }).schemas : undefined;
  if (!Array.isArray(schemas)) return undefined;
  return schemas.find((u): u is string => typeof u === 'string' && !known.has(u.toLowerCase()));
}
