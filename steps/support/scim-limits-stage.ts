/*
 * A reference SP of the scenario's own, for the per-tenant bounds (features/scim/bounded-work.feature): one
 * generic tenant whose `maxScan`, `rateLimit` and `upload` the scenario sets, served in-process exactly as the
 * bundled server is (./reference-sp-server.ts). Requests go out raw (fetch, or a socket for a body that stalls):
 * unlike the SCIM stage's driver they never wait for Retry-After, since the 429 is what the scenario looks at.
 */
import { connect } from 'node:net';
import { systemClock } from '../../reference-sp/clock.ts';
import type { ScimTenantInput } from '../../reference-sp/config/scim-section.ts';
import { placeholderIdp, startReferenceSp, type InProcessReferenceSp } from './reference-sp-server.ts';

const TOKEN = 'bounded-work-scenario-token-0000000001';
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';

export interface LimitsExchange {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Record<string, unknown> | undefined;
  /** The server closed the connection after answering. */
  readonly closed?: boolean;
}

export class ScimLimitsStage {
  #scim: ScimTenantInput = { rateLimit: false };
  #running: InProcessReferenceSp | undefined;
  readonly responses: LimitsExchange[] = [];

  /** Sets the tenant's SCIM options; the server starts on the first request with them. */
  configure(options: ScimTenantInput): void {
    if (this.#running) throw new Error('the tenant is already serving; configure it before its first request');
    this.#scim = { ...this.#scim, ...options };
  }

  get last(): LimitsExchange {
    const last = this.responses.at(-1);
    if (!last) throw new Error('no request has been sent to the tenant yet');
    return last;
  }

  async #base(): Promise<string> {
    this.#running ??= await startReferenceSp({
      clock: systemClock,
      config: (origin) => ({
        baseUrl: origin,
        tenants: [{ id: 'bounded', profile: 'generic', saml: { idp: placeholderIdp(origin, systemClock) }, scim: { ...this.#scim, tokens: [{ value: TOKEN }] } }],
      }),
    });
    return `${this.#running.origin}/scim/v2/bounded`;
  }

  async send(method: string, path: string, body?: unknown): Promise<LimitsExchange> {
    const res = await fetch(`${await this.#base()}${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, ...(body !== undefined ? { 'content-type': 'application/scim+json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    let parsed: Record<string, unknown> | undefined;
    try {
      parsed = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    } catch {
      parsed = undefined;
    }
    const headers: Record<string, string> = {};
    res.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const exchange = { status: res.status, headers, body: parsed };
    this.responses.push(exchange);
    return exchange;
  }

  async createUsers(n: number): Promise<void> {
    for (let i = 0; i < n; i++) {
      const res = await this.send('POST', '/Users', { schemas: [USER], userName: `user${i}@bounded.test`, externalId: `ext-${i}`, name: { familyName: `User ${i}` } });
      if (res.status !== 201) throw new Error(`creating user ${i} answered ${res.status}`);
    }
    this.responses.length = 0;
  }

  /** POST /Users announcing a body, sending its first half, then nothing: what the server answers, and whether it closes. */
  async stallHalfway(): Promise<LimitsExchange> {
    const { host, port, pathname } = new URL(await this.#base());
    const body = JSON.stringify({ schemas: [USER], userName: 'stalled@bounded.test' });
    const exchange = await new Promise<LimitsExchange>((resolve) => {
      const socket = connect(Number(port), host.replace(/:\d+$/, '').replace(/^\[|\]$/g, ''));
      let text = '';
      const done = (closed: boolean) => {
        const [head = '', payload = ''] = text.split('\r\n\r\n');
        const headers = Object.fromEntries(
          head
            .split('\r\n')
            .slice(1)
            .map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
        );
        let parsed: Record<string, unknown> | undefined;
        try {
          parsed = JSON.parse(payload) as Record<string, unknown>;
        } catch {
          parsed = undefined;
        }
        resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), headers, body: parsed, closed });
      };
      socket.on('data', (d) => (text += d.toString('utf8')));
      socket.on('close', () => done(true));
      socket.on('error', () => undefined);
      socket.write(
        `POST ${pathname}/Users HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${TOKEN}\r\n` +
          `Content-Type: application/scim+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, body.length >> 1)}`,
      );
    });
    this.responses.push(exchange);
    return exchange;
  }

  async close(): Promise<void> {
    await this.#running?.close();
    this.#running = undefined;
  }
}
