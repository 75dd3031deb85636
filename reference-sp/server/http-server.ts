/*
 * The node:http server the reference SP (and, in `npm start`, the mock IdP beside it) runs on.
 *
 * - Listen only when ready (issue 8, item 8): the server is created with its request listener installed. Until
 *   `ready(handler)` hands it the application, every request is answered `503 Service Unavailable` with
 *   `Retry-After: 1` (RFC 9110 §15.6.4, §10.2.3), which Entra's and Okta's provisioning clients retry; a request
 *   that arrives during start-up never reaches a handler that does not exist yet. Callers that know their port
 *   listen only after `ready` (nothing is accepted before); a caller that needs the port first (port 0) gets the
 *   503 window instead of a crash.
 * - A handler that throws synchronously answers 500 with a fixed body (nothing of the error is echoed) and the
 *   process stays up; express catches everything else itself (reference-sp/server/app.ts's error handler).
 * - `clientError` (malformed HTTP, a header timeout, a reset): 400 or 408 when the socket is still writable,
 *   else the socket is destroyed; never an exception.
 * - Idle and slow clients are bounded (./http-timeouts.ts): headersTimeout, requestTimeout, keepAliveTimeout.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolveHttpTimeouts, type HttpTimeouts } from './http-timeouts.ts';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface ReadyServer {
  readonly server: Server;
  readonly timeouts: HttpTimeouts;
  /** Hands the server its application; from now on every request reaches it. */
  ready(handler: RequestHandler): void;
  /** Listens on host:port (0: a free port) and resolves to the bound port; rejects on EADDRINUSE and the like. */
  listen(port: number, host: string): Promise<number>;
}

function answer(res: ServerResponse, status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

export function createReadyServer(timeouts: Partial<HttpTimeouts> = {}): ReadyServer {
  const t = resolveHttpTimeouts(timeouts);
  let handler: RequestHandler | undefined;
  const server = createServer(
    {
      headersTimeout: t.headersTimeoutMs,
      requestTimeout: t.requestTimeoutMs,
      // How often node looks for requests past headersTimeout/requestTimeout (default 30 s: too coarse for small limits).
      connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(Math.min(t.headersTimeoutMs, t.requestTimeoutMs) / 4))),
    },
    (req, res) => {
      if (handler === undefined) {
        req.resume();
        answer(res, 503, { error: 'server/starting', detail: { message: 'the server is starting; retry shortly' } }, { 'retry-after': '1' });
        return;
      }
      try {
        handler(req, res);
      } catch {
        req.resume();
        answer(res, 500, { error: 'server/error', detail: { message: 'internal error' } });
      }
    },
  );
  server.keepAliveTimeout = t.keepAliveTimeoutMs;
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || err.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const status = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
  return {
    server,
    timeouts: t,
    ready(h) {
      handler = h;
    },
    listen(port, host) {
      return new Promise<number>((resolve, reject) => {
        const onError = (e: Error) => reject(e);
        server.once('error', onError);
        server.listen(port, host, () => {
          server.off('error', onError);
          // Once listening, an accept failure (EMFILE under a connection flood) is emitted here: the server keeps
          // accepting, and an 'error' without a listener would end the process.
          server.on('error', () => undefined);
          resolve((server.address() as AddressInfo).port);
        });
      });
    },
  };
}
