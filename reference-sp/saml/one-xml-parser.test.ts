/*
 * One XML parser on the trust path (issue 8 item 5). xml-crypto (signatures), xml-encryption (decryption) and
 * our own checks must all read the same bytes with the same parser: a parser differential (two versions that
 * disagree on a comment, an entity or a namespace) is how signature-wrapping attacks are built. package.json
 * pins every copy of @xmldom/xmldom to one version through "overrides"; this test fails if a second copy
 * appears anywhere under node_modules.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

/** Every node_modules/@xmldom/xmldom/package.json below `dir`, however deeply nested. */
function xmldomCopies(dir: string, out: { path: string; version: string }[] = []): { path: string; version: string }[] {
  const modules = join(dir, 'node_modules');
  if (!existsSync(modules)) return out;
  const manifest = join(modules, '@xmldom', 'xmldom', 'package.json');
  if (existsSync(manifest)) out.push({ path: manifest, version: (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version });
  for (const entry of readdirSync(modules, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    if (entry.name.startsWith('@')) {
      for (const scoped of readdirSync(join(modules, entry.name), { withFileTypes: true })) {
        if (scoped.isDirectory()) xmldomCopies(join(modules, entry.name, scoped.name), out);
      }
    } else {
      xmldomCopies(join(modules, entry.name), out);
    }
  }
  return out;
}

describe('one XML parser on the trust path', () => {
  it('exactly one version of @xmldom/xmldom is installed', () => {
    const copies = xmldomCopies(ROOT);
    expect(copies.length).toBeGreaterThan(0);
    expect([...new Set(copies.map((c) => c.version))]).toHaveLength(1);
  });

  it('package.json overrides pin @xmldom/xmldom to the version the dependency declares', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; overrides?: Record<string, string> };
    expect(pkg.overrides?.['@xmldom/xmldom']).toBeDefined();
  });
});
