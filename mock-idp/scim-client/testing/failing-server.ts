/*
 * Test helper: a small purpose-built SCIM endpoint on express 5 (loopback, ephemeral port) whose answers a test
 * scripts per request, for failure behaviour only: 429 with Retry-After, 5xx, a broken Test Connection.
 * Requests not scripted get a minimal in-memory SCIM behaviour.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';

export interface Scripted {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface FailingServer {
  url: string;
  seen: Array<{ method: string; url: string; body: unknown }>;
  /** Answers the next requests matching `method path-prefix` with these responses, in order. */
  script(method: string, pathPrefix: string, ...answers: Scripted[]): void;
  close(): Promise<void>;
}

export async function startFailingServer(): Promise<FailingServer> {
  const seen: FailingServer['seen'] = [];
  const queue: Array<{ method: string; prefix: string; answer: Scripted }> = [];
  const users = new Map<string, Record<string, unknown>>();
  let next = 1;
  const app = express();
  app.use(express.json({ type: ['application/json', 'application/scim+json'] }));
  app.use((req, res, nextFn) => {
    seen.push({ method: req.method, url: req.originalUrl, body: req.body });
    const i = queue.findIndex((q) => q.method === req.method && req.originalUrl.startsWith(`/scim${q.prefix}`));
    if (i === -1) return nextFn();
    const { answer } = queue.splice(i, 1)[0]!;
    res.status(answer.status).set(answer.headers ?? {});
    if (answer.body === undefined) res.end();
    else res.type('application/scim+json').send(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
  });
  const list = (r: unknown[]) => ({ schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'], totalResults: r.length, Resources: r });
  app.get('/scim/Users', (req, res) => {
    const m = /userName eq "(.*)"/.exec(String(req.query['filter'] ?? ''));
    res.json(list([...users.values()].filter((u) => !m || u['userName'] === m[1])));
  });
  app.get('/scim/Users/:id', (req, res) => {
    const u = users.get(req.params.id);
    if (u) res.json(u);
    else res.status(404).json({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '404' });
  });
  app.post('/scim/Users', (req, res) => {
    const id = `f${next++}`;
    users.set(id, { ...req.body, id });
    res.status(201).json(users.get(id));
  });
  app.patch('/scim/Users/:id', (_req, res) => {
    res.status(204).end();
  });
  app.delete('/scim/Users/:id', (req, res) => {
    users.delete(req.params.id);
    res.status(204).end();
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/scim`,
    seen,
    script: (method, prefix, ...answers) => {
      for (const answer of answers) queue.push({ method, prefix, answer });
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
