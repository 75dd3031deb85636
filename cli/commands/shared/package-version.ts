/*
 * The version `sso-harness --version` prints: from the package's own package.json, found by walking up from this
 * module's directory. That works wherever the module runs from: the source tree (cli/commands/shared/), the
 * compiled tree (dist/cli/commands/shared/) and an installed package (node_modules/sso-harness/…).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'sso-harness';

/** The nearest package.json above `fromUrl` whose name is sso-harness; throws when there is none. */
export function packageJsonPath(fromUrl: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(fromUrl));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string };
      if (pkg.name === PACKAGE_NAME) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json named ${PACKAGE_NAME} above ${fileURLToPath(fromUrl)}`);
    dir = parent;
  }
}

export function packageVersion(fromUrl?: string): string {
  return (JSON.parse(readFileSync(packageJsonPath(fromUrl), 'utf8')) as { version: string }).version;
}
