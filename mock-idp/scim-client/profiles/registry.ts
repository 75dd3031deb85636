/*
 * Looks a profile up by name: an exact dated name (`entra-2024`), or a family name (`entra`) meaning the family's
 * newest profile by date. Unknown names answer `config/invalid` with one problem naming the path and every accepted name.
 */
import { ProvisioningError } from '../errors.ts';
import type { ClientProfile } from './profile.ts';

export class ProfileRegistry {
  readonly #byName = new Map<string, ClientProfile>();
  readonly #newest = new Map<string, ClientProfile>();

  constructor(profiles: readonly ClientProfile[]) {
    for (const p of profiles) {
      if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*-\d{4}$/.test(p.name)) throw new Error(`profile name ${p.name} is not <family>-<year>`);
      if (this.#byName.has(p.name)) throw new Error(`profile ${p.name} is registered twice`);
      this.#byName.set(p.name, p);
      const newest = this.#newest.get(p.family);
      if (!newest || p.date > newest.date) this.#newest.set(p.family, p);
    }
    for (const family of this.#newest.keys()) {
      if (this.#byName.has(family)) throw new Error(`family ${family} collides with a profile name`);
    }
  }

  /** Every dated profile, oldest first within a family. */
  get profiles(): ClientProfile[] {
    return [...this.#byName.values()].sort((a, b) => a.family.localeCompare(b.family) || a.date.localeCompare(b.date));
  }

  /** Every accepted name: family aliases first, then the dated names. */
  get names(): string[] {
    return [...[...this.#newest.keys()].sort(), ...this.profiles.map((p) => p.name)];
  }

  /** The family a name belongs to (`okta-aiw-2024` → `okta-aiw`), or undefined when unknown. */
  familyOf(name: string): string | undefined {
    return this.find(name)?.family;
  }

  find(name: string): ClientProfile | undefined {
    const key = name.trim().toLowerCase();
    return this.#byName.get(key) ?? this.#newest.get(key);
  }

  resolve(name: string, path = 'client'): ClientProfile {
    const found = this.find(name);
    if (found) return found;
    const problem = `${path} must be one of ${this.names.join(', ')} (got ${JSON.stringify(name)})`;
    throw new ProvisioningError('config/invalid', `unknown provisioning client profile: ${problem}`, [problem]);
  }
}
