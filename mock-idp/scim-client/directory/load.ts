/*
 * Loads a directory fixture from YAML or JSON text.
 * - the shape is validated with ajv; every problem is reported with its path (`users[1].givenname …`)
 * - `manager` and group `members` may name a user/group by objectId, userPrincipalName or group displayName;
 *   a reference to nothing is `fixture/unknown-reference` naming the path.
 */
import { parse as parseYaml } from 'yaml';
import type { Clock } from '../../clock.ts';
import { ProvisioningError } from '../errors.ts';
import { validateAgainst } from '../validate.ts';
import { Directory } from './directory.ts';
import { fixtureSchema } from './fixture-schema.ts';
import type { DirectoryFixture, DirectoryUser } from './types.ts';

export function parseFixtureText(text: string, fileName = 'fixture.yaml'): unknown {
  try {
    return fileName.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new ProvisioningError('fixture/invalid', `${fileName} is not valid ${fileName.endsWith('.json') ? 'JSON' : 'YAML'}: ${(e as Error).message}`, [(e as Error).message]);
  }
}

/** Builds a Directory from an already-parsed fixture object; `root` prefixes problem paths (e.g. "directory"). */
export function directoryFromFixture(data: unknown, clock?: Clock, root = ''): Directory {
  const problems = validateAgainst(fixtureSchema, data ?? {}, root);
  if (problems.length) throw new ProvisioningError('fixture/invalid', `invalid directory fixture: ${problems.join('; ')}`, problems);
  const fx = (data ?? {}) as DirectoryFixture;
  const dir = new Directory(clock);
  const p = (s: string) => (root ? `${root}.${s}` : s);
  const refProblems: string[] = [];

  (fx.users ?? []).forEach((raw) => {
    const extensions: DirectoryUser['extensions'] = {};
    const core: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(raw)) {
      if (k.startsWith('extension_')) extensions[k] = v as DirectoryUser['extensions'][string];
      else if (k !== 'manager') core[k] = v;
    }
    dir.addUser({ ...(core as Partial<DirectoryUser> & { userPrincipalName: string }), extensions });
  });
  (fx.groups ?? []).forEach((raw) => {
    dir.addGroup({ ...(raw as { displayName: string }), members: [] });
  });

  (fx.users ?? []).forEach((raw, i) => {
    if (raw.manager == null) return;
    const m = dir.user(raw.manager as string);
    if (!m) refProblems.push(`${p(`users[${i}].manager`)} names no user: "${raw.manager}"`);
    else dir.user(raw.userPrincipalName as string)!.manager = m.objectId;
  });
  (fx.groups ?? []).forEach((raw, i) => {
    const g = dir.group(raw.displayName as string)!;
    const members = raw.members ?? [];
    for (const j of dir.addMembers(g.objectId, members)) refProblems.push(`${p(`groups[${i}].members[${j}]`)} names no user or group: "${members[j]}"`);
  });
  if (refProblems.length) throw new ProvisioningError('fixture/unknown-reference', `invalid directory fixture: ${refProblems.join('; ')}`, refProblems);
  return dir;
}

export function loadDirectory(text: string, fileName?: string, clock?: Clock): Directory {
  return directoryFromFixture(parseFixtureText(text, fileName), clock);
}
