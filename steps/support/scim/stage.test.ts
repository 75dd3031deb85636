import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resourceLedger } from '../../../certify/safety/ledger.ts';
import { runPrefix } from '../../../certify/safety/run-prefix.ts';
import { scimSettings } from './settings.ts';
import { HttpError } from '../../../http/send.ts';
import { ScimStage, readPath } from './stage.ts';

describe('readPath', () => {
  const user = {
    userName: 'a@example.com',
    name: { givenName: 'Ann' },
    emails: [{ type: 'work', value: 'a@example.com' }],
    'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { manager: { value: 'm-1' } },
    active: false,
  };
  it.each([
    ['userName', 'a@example.com'],
    ['USERNAME', 'a@example.com'],
    ['name.givenName', 'Ann'],
    ['emails.0.value', 'a@example.com'],
    ['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.manager.value', 'm-1'],
    ['active', false],
    ['title', undefined],
    ['emails.1.value', undefined],
    ['emails.value', undefined],
  ])('%s → %j', (path, expected) => expect(readPath(user, path)).toEqual(expected));
});

describe('ScimStage.expand', () => {
  const stage = new ScimStage(() => undefined);
  stage.remember('Users', 'alice', { id: 'id-1', userName: 'x-alice@example.com', emails: [{ value: 'w@example.com' }] });

  it('expands aliases, the prefix and random values', () => {
    expect(stage.expand('userName eq "<alice.userName>" and id eq "<alice.id>"')).toBe('userName eq "x-alice@example.com" and id eq "id-1"');
    expect(stage.expand('<alice.emails.0.value>')).toBe('w@example.com');
    expect(stage.expand('<prefix>')).toBe(stage.prefix);
    expect(stage.expand('<random>')).toMatch(new RegExp(`^${stage.prefix}[0-9a-f]{12}$`));
  });

  it('leaves unknown placeholders alone and refuses a missing attribute of a known resource', () => {
    expect(stage.expand('<bob.id>')).toBe('<bob.id>');
    expect(() => stage.expand('<alice.title>')).toThrow(/no title/);
  });

  it('names users and groups with the scenario prefix', () => {
    expect(stage.userName('bob')).toBe(`${stage.prefix}bob@example.com`);
    // The run prefix (certify/safety/run-prefix.ts) then the scenario's own part: the end-of-run sweep by run
    // prefix finds every scenario's resources.
    expect(stage.prefix).toMatch(/^ssoh-[0-9a-f]{8}-[0-9a-f]{6}-$/);
    expect(stage.prefix.startsWith(runPrefix())).toBe(true);
  });
});

/*
 * Behaviour toward the endpoint: a purpose-built slow server holds every list request for a while and counts the
 * requests it holds at once; a stage without the bound would have all six in flight.
 */
describe('ScimStage toward a slow endpoint', () => {
  const TOTAL = 6;
  let server: Server;
  let baseUrl: string;
  let inFlight = 0;
  let maxInFlight = 0;
  let created = 0;
  const settings = (scim: Record<string, unknown>) => scimSettings({ scim });

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url?.startsWith('/hang')) return; // never answers: the stage must give up (timeoutMs)
      if (req.method === 'POST') {
        res.writeHead(201, { 'content-type': 'application/scim+json' }).end(JSON.stringify({ id: `u-${++created}` }));
        return;
      }
      if (req.method === 'DELETE') {
        res.writeHead(204).end();
        return;
      }
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      setTimeout(() => {
        inFlight--;
        res.writeHead(200, { 'content-type': 'application/scim+json' }).end('{"Resources":[]}');
      }, 150);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/scim/v2`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('never has more than `concurrency` requests in flight', async () => {
    const stage = new ScimStage(() => undefined, settings({ concurrency: 2, timeoutMs: 10_000 }));
    stage.use({ baseUrl, token: 't' });
    const answers = await Promise.all(Array.from({ length: TOTAL }, (_, i) => stage.send('GET', `/Users?i=${i}`)));
    expect(answers.map((a) => a.status)).toEqual(Array(TOTAL).fill(200));
    expect(maxInFlight).toBe(2);
  });

  it('gives up on a request after `timeoutMs` with a typed error', async () => {
    const stage = new ScimStage(() => undefined, settings({ timeoutMs: 300 }));
    stage.use({ baseUrl, token: 't' });
    const error = await stage.send('GET', `${baseUrl.replace('/scim/v2', '')}/hang`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ code: 'http/timeout', timeoutMs: 300 });
  });

  it('records what it creates in the process-wide ledger and removes it when close() deletes it', async () => {
    const stage = new ScimStage(() => undefined);
    stage.use({ baseUrl, token: 't' });
    const created = await stage.send('POST', '/Users', { body: { userName: stage.userName('ann') } });
    const id = String(created.body?.['id']);
    expect(resourceLedger().outstanding()).toContainEqual({ kind: 'Users', id, baseUrl, token: 't' });
    await stage.close();
    expect(
      resourceLedger()
        .outstanding()
        .filter((e) => e.id === id),
    ).toEqual([]);
  });
});
