import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import { IdpError } from '../saml/errors.ts';
import { generatedKeyPair } from '../saml/keys/key-store.ts';
import { createMockIdp } from './create-mock-idp.ts';

const clock = { now: () => new Date('2026-05-01T09:00:00Z') };
const keys = { signing: generatedKeyPair('users-file-test', clock) };
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'ssoh-idp-users-'));
  dirs.push(d);
  return d;
};
const dave = { email: 'dave@example.com', login: 'dave@example.com', givenName: 'Dave', surname: 'D', displayName: 'Dave D', groups: ['ops'] };

describe('users added through the control API', () => {
  it('survive a restart on the same data directory, and the file is written without temporary leftovers', async () => {
    const dataDir = tempDir();
    const first = createMockIdp({ baseUrl: 'http://idp.test', clock, keys, dataDir });
    await request(first.app).post('/control/users').send(dave).expect(201);
    expect(readdirSync(dataDir)).toEqual(['users.json']);

    const second = createMockIdp({ baseUrl: 'http://idp.test', clock, keys, dataDir });
    expect(second.control.findUser('dave@example.com')).toEqual(dave);
  });

  it('are not kept without a data directory', async () => {
    const idp = createMockIdp({ baseUrl: 'http://idp.test', clock, keys });
    await request(idp.app).post('/control/users').send(dave).expect(201);
    expect(createMockIdp({ baseUrl: 'http://idp.test', clock, keys }).control.findUser('dave@example.com')).toBeUndefined();
  });

  it('a users file that is not a list of users is refused with directory/bad-file', () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'users.json'), '{"users":[{"login":1}]}');
    let caught: unknown;
    try {
      createMockIdp({ baseUrl: 'http://idp.test', clock, keys, dataDir });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(IdpError);
    expect((caught as IdpError).code).toBe('directory/bad-file');
  });
});
