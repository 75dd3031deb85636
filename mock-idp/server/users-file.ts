/*
 * The IdP directory users added at run time (control API, a full user in a queued next sign-in), kept in
 * `users.json` in the IdP's data directory so they survive a restart like the keys do.
 * - written atomically: a temporary file in the same directory, then rename (a crash leaves the old file or
 *   the new one, never half of one)
 * - read once at start; a file that is not a list of users is refused with `directory/bad-file` rather than
 *   silently starting with an empty directory
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { idpError } from '../saml/errors.ts';
import type { DirectoryUser } from '../saml/presets/directory-user.ts';

export const USERS_FILE = 'users.json';

export interface UsersFile {
  readonly path: string;
  /** The users read at start (and every one added since). */
  list(): DirectoryUser[];
  /** Adds or replaces (by login, case-insensitive) and writes the file. */
  keep(user: DirectoryUser): void;
}

export function openUsersFile(dataDir: string, isUser: (u: unknown) => u is DirectoryUser): UsersFile {
  const path = join(dataDir, USERS_FILE);
  const users = new Map<string, DirectoryUser>();
  if (existsSync(path)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      throw idpError('directory/bad-file', `${path} is not JSON`, 500);
    }
    const list = (parsed as { users?: unknown })?.users;
    if (!Array.isArray(list) || !list.every(isUser)) throw idpError('directory/bad-file', `${path} must be { "users": [ directory users ] }`, 500);
    for (const u of list) users.set(u.login.toLowerCase(), u);
  }
  return {
    path,
    list: () => [...users.values()],
    keep(user) {
      users.set(user.login.toLowerCase(), user);
      mkdirSync(dataDir, { recursive: true });
      const tmp = join(dataDir, `.${USERS_FILE}.${randomBytes(6).toString('hex')}.tmp`);
      writeFileSync(tmp, `${JSON.stringify({ users: [...users.values()] }, null, 2)}\n`, { mode: 0o600 });
      renameSync(tmp, path);
    },
  };
}
