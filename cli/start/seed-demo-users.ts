/*
 * `npm start` seeds the IdP's demo users into every tenant that signs in only users who already exist (no
 * just-in-time creation: Particle, DatoCMS, NinjaOne by default), so "Sign in" works out of the box instead of
 * answering user/unknown. Once per data directory (a marker file): users deleted over SCIM stay deleted after a
 * restart, and a tenant added later to the config is seeded at its first start. Users that already exist are
 * left alone.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DirectoryUser } from '../../mock-idp/index.ts';
import type { ReferenceSpConfig } from '../../reference-sp/config/index.ts';
import type { SsoDirectory } from '../../reference-sp/store/sso-directory.ts';

/** Tenant id → the userNames created in it by this start (empty when nothing was seeded). */
export type SeededUsers = Readonly<Record<string, readonly string[]>>;

export function seedDemoUsers(args: {
  readonly config: ReferenceSpConfig;
  readonly directory: SsoDirectory;
  readonly users: readonly DirectoryUser[];
  /** Where the per-tenant markers live. */
  readonly dataDir: string;
}): SeededUsers {
  const seeded: Record<string, string[]> = {};
  for (const tenant of args.config.tenants) {
    if (tenant.saml.autoProvisioningEnabled) continue;
    const marker = join(args.dataDir, `demo-users-seeded.${tenant.id}`);
    if (existsSync(marker)) continue;
    const created: string[] = [];
    for (const u of args.users) {
      if (args.directory.findUserByUserName(tenant.id, u.login)) continue;
      args.directory.createUser(tenant.id, { userName: u.login, email: u.email, givenName: u.givenName, familyName: u.surname, displayName: u.displayName });
      created.push(u.login);
    }
    mkdirSync(args.dataDir, { recursive: true });
    writeFileSync(marker, `${created.join('\n')}\n`);
    seeded[tenant.id] = created;
  }
  return seeded;
}
