/*
 * The defect layer: an express app on loopback that forwards every SCIM request to a compliant upstream server
 * and lets one Defect change the request, the response, or both. The upstream is untouched; a defect is the
 * only difference between the proxy and the compliant server, so a test that fails through the proxy but not
 * directly fails because of that defect.
 */
import type { AddressInfo } from 'node:net';
import express from 'express';
import { DEFAULT_RETRY_POLICY, retryWaitMs } from '../../http/retry-after.ts';

export type Json = { [key: string]: unknown };

export interface ProxyRequest {
  method: string;
  /** Path below the SCIM base URL, without the query: `/Users/abc`. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: Json | undefined;
}

export interface ProxyResponse {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON, or the raw text when the body is not JSON. */
  body: Json | string | undefined;
}

export type Forward = (request: ProxyRequest) => Promise<ProxyResponse>;

/**
 * A request a defect makes for itself (to look before it misbehaves), not one it passes on: the client cannot
 * retry it, so a 429 or 503 from the upstream (its per-tenant rate limit) is retried here with the harness's one
 * retry policy (../../http/retry-after.ts). Without this, a throttled look would let the defect pass silently.
 */
export async function probe(forward: Forward, request: ProxyRequest): Promise<ProxyResponse> {
  for (let retry = 1; ; retry++) {
    const response = await forward(request);
    const wait = retryWaitMs(DEFAULT_RETRY_POLICY, response.status, response.headers['retry-after'] ?? null, retry, new Date());
    if (wait === undefined) return response;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

export interface Defect {
  /** Stable name, e.g. `create-returns-200`. */
  readonly name: string;
  readonly description: string;
  /** Tests made for this defect: at least one of them must fail. */
  readonly flaggedBy: readonly string[];
  /** Other tests that legitimately depend on the broken behaviour and may fail too. */
  readonly alsoAffects: readonly string[];
  /** A ServiceProviderConfig feature the upstream must advertise for the defect to be observable. */
  readonly needs?: 'etag' | 'patch' | 'filter';
  handle(request: ProxyRequest, forward: Forward): Promise<ProxyResponse>;
}

export interface RunningProxy {
  readonly baseUrl: string;
  close(): Promise<void>;
}

const HOP_HEADERS = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

export function forwarderTo(upstreamBaseUrl: string): Forward {
  return async (request) => {
    const query = request.query.toString();
    const url = `${upstreamBaseUrl}${request.path}${query ? `?${query}` : ''}`;
    const headers = Object.fromEntries(Object.entries(request.headers).filter(([k]) => !HOP_HEADERS.has(k)));
    const response = await fetch(url, {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      redirect: 'manual',
    });
    const text = await response.text();
    let body: Json | string | undefined = text === '' ? undefined : text;
    try {
      if (text !== '') body = JSON.parse(text) as Json;
    } catch {
      body = text;
    }
    const out: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (!HOP_HEADERS.has(name) && name !== 'content-encoding' && name !== 'date') out[name] = value;
    });
    return { status: response.status, headers: out, body };
  };
}

/** Starts the defect layer on 127.0.0.1 in front of `upstreamBaseUrl`; the base URL keeps the upstream's path. */
export async function startDefectiveServer(upstreamBaseUrl: string, defect: Defect | undefined): Promise<RunningProxy> {
  const forward = forwarderTo(upstreamBaseUrl);
  const mount = new URL(upstreamBaseUrl).pathname.replace(/\/+$/, '');
  const app = express();
  app.use(express.text({ type: () => true, limit: '2mb' }));
  app.use(mount, async (req, res) => {
    const raw = typeof req.body === 'string' && req.body !== '' ? req.body : undefined;
    let body: Json | undefined;
    try {
      body = raw === undefined ? undefined : (JSON.parse(raw) as Json);
    } catch {
      body = undefined;
    }
    const [path = '/', search = ''] = req.url.split('?');
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
    const request: ProxyRequest = { method: req.method, path, query: new URLSearchParams(search), headers, body };
    try {
      // Unparseable bodies go through verbatim so the upstream judges them, not the proxy.
      const response =
        raw !== undefined && body === undefined
          ? await rawForward(upstreamBaseUrl, req.method, req.url, headers, raw)
          : defect
            ? await defect.handle(request, forward)
            : await forward(request);
      res.status(response.status);
      for (const [k, v] of Object.entries(response.headers)) if (k !== 'content-length') res.setHeader(k, v);
      if (response.body === undefined) res.end();
      else res.send(typeof response.body === 'string' ? response.body : JSON.stringify(response.body));
    } catch (error) {
      res
        .status(502)
        .type('application/scim+json')
        .send(
          JSON.stringify({
            schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
            status: '502',
            detail: `defect proxy: ${(error as Error).message}`,
          }),
        );
    }
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}${mount}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function rawForward(base: string, method: string, url: string, headers: Record<string, string>, raw: string): Promise<ProxyResponse> {
  const response = await fetch(`${base}${url}`, {
    method,
    headers: Object.fromEntries(Object.entries(headers).filter(([k]) => !HOP_HEADERS.has(k))),
    body: raw,
  });
  const text = await response.text();
  const out: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!HOP_HEADERS.has(name) && name !== 'content-encoding' && name !== 'date') out[name] = value;
  });
  return { status: response.status, headers: out, body: text === '' ? undefined : text };
}

/** Helpers for defects that look at SCIM bodies. */
export const isJson = (body: ProxyResponse['body']): body is Json => typeof body === 'object' && body !== null;
export const resourcesOf = (body: ProxyResponse['body']): Json[] => (isJson(body) && Array.isArray(body['Resources']) ? (body['Resources'] as Json[]) : []);
export const isCollection = (path: string, kind: 'Users' | 'Groups'): boolean => new RegExp(`^/${kind}/?$`).test(path);
export const isResource = (path: string, kind: 'Users' | 'Groups'): boolean => new RegExp(`^/${kind}/[^/]+$`).test(path);

/** `range('CORE-PATCH', 2, 4)` → ['CORE-PATCH-02', 'CORE-PATCH-03', 'CORE-PATCH-04']. */
export function range(prefix: string, from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => `${prefix}-${String(from + i).padStart(2, '0')}`);
}
