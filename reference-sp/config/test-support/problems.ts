/* The problems a configuration is refused with (each naming its exact path), or none: for the config tests. */
import { ConfigError } from '../errors.ts';
import { resolveConfig } from '../resolve.ts';

export async function problems(input: unknown): Promise<readonly string[]> {
  try {
    await resolveConfig(input);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}
