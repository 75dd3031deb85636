/*
 * A generated directory for runs at scale (`sso-harness provision --synthetic users=100000,groups=10000,members=200000`
 * and bench/provision-initial-cycle.ts): users `user<i>@synthetic.example` with the core attributes Entra's mappings
 * read, groups `Group <g>` each with a contiguous run of members. Built straight into a Directory — no fixture text,
 * no YAML/JSON parse, no schema pass over 100,000 records — in linear time; deterministic, so two runs send the same
 * requests. The Directory is the engine's source of truth (Entra's directory), so it is held in memory: ~1 KB a user.
 */
import type { Clock } from '../../clock.ts';
import { ProvisioningError } from '../errors.ts';
import { Directory } from './directory.ts';

export interface SyntheticSpec {
  users: number;
  groups: number;
  /** Memberships in all (user → group), spread evenly over the groups; at most users × groups. */
  members: number;
}

/** The most objects of each kind a synthetic directory holds (10 million memberships). */
export const SYNTHETIC_LIMIT = 10_000_000;

/** Parses `users=100000,groups=10000,members=200000` (each key at most once; absent keys are 0). */
export function parseSyntheticSpec(text: string): SyntheticSpec {
  const spec: SyntheticSpec = { users: 0, groups: 0, members: 0 };
  const seen = new Set<string>();
  for (const part of text.split(',')) {
    const m = /^\s*(users|groups|members)\s*=\s*(\d{1,8})\s*$/.exec(part);
    if (!m || seen.has(m[1]!)) {
      throw new ProvisioningError('synthetic/invalid', 'expected users=N,groups=N,members=N (each once, whole numbers)', [`"${part.slice(0, 40)}" is not key=N`]);
    }
    seen.add(m[1]!);
    spec[m[1] as keyof SyntheticSpec] = Number(m[2]);
  }
  return checkSyntheticSpec(spec);
}

export function checkSyntheticSpec(spec: SyntheticSpec): SyntheticSpec {
  const problems: string[] = [];
  for (const k of ['users', 'groups', 'members'] as const) {
    if (!Number.isSafeInteger(spec[k]) || spec[k] < 0 || spec[k] > SYNTHETIC_LIMIT) problems.push(`${k} must be a whole number from 0 to ${SYNTHETIC_LIMIT}`);
  }
  if (spec.members > 0 && spec.groups === 0) problems.push('members needs groups');
  if (spec.members > spec.users * spec.groups) problems.push('members cannot exceed users × groups');
  if (problems.length) throw new ProvisioningError('synthetic/invalid', `invalid synthetic directory: ${problems.join('; ')}`, problems);
  return spec;
}

/** A directory of `spec.users` users and `spec.groups` groups holding `spec.members` memberships, all assigned. */
export function syntheticDirectory(spec: SyntheticSpec, clock?: Clock): Directory {
  checkSyntheticSpec(spec);
  const dir = new Directory(clock);
  const ids: string[] = [];
  for (let i = 0; i < spec.users; i++) {
    const name = `user${i}`;
    ids.push(
      dir.addUser({
        userPrincipalName: `${name}@synthetic.example`,
        displayName: `User ${i}`,
        givenName: `Given${i}`,
        surname: `Sur${i}`,
        mail: `${name}@synthetic.example`,
        mailNickname: name,
        jobTitle: i % 10 === 0 ? 'Technician' : 'Engineer',
        department: `Dept ${i % 50}`,
      }).objectId,
    );
  }
  const base = spec.groups ? Math.floor(spec.members / spec.groups) : 0;
  const extra = spec.groups ? spec.members % spec.groups : 0;
  let cursor = 0;
  for (let g = 0; g < spec.groups; g++) {
    const size = base + (g < extra ? 1 : 0);
    const members: string[] = [];
    // A contiguous run of users (wrapping); size ≤ users, so no user is twice in one group.
    for (let k = 0; k < size; k++) members.push(ids[(cursor + k) % spec.users]!);
    cursor = (cursor + size) % Math.max(1, spec.users);
    dir.addGroup({ displayName: `Group ${g}`, members });
  }
  return dir;
}
