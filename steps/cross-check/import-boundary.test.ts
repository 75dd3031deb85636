/*
 * mock-idp/ and reference-sp/ are the two sides of the wire and never import each other: shared code would hide
 * shared bugs (DEVELOPERS.md, non-negotiable 5). This test reads every TypeScript file of each side and fails on
 * any import or dynamic import that reaches into the other.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : tsFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function crossings(side: string, other: string): string[] {
  const found: string[] = [];
  for (const file of tsFiles(join(root, side))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)) {
      const specifier = match[1]!;
      if (!specifier.startsWith('.')) continue;
      const target = relative(root, resolve(join(file, '..'), specifier));
      if (target === other || target.startsWith(`${other}/`)) found.push(`${relative(root, file)} imports ${specifier}`);
    }
  }
  return found;
}

describe('the two sides of the wire', () => {
  it('mock-idp/ imports nothing from reference-sp/', () => {
    expect(crossings('mock-idp', 'reference-sp')).toEqual([]);
  });

  it('reference-sp/ imports nothing from mock-idp/', () => {
    expect(crossings('reference-sp', 'mock-idp')).toEqual([]);
  });

  it('the check itself sees an import when there is one', () => {
    // steps/ imports both sides on purpose, so scanning it must find crossings: the scan is not vacuous.
    expect(crossings('steps/support/saml', 'mock-idp').length).toBeGreaterThan(0);
  });
});
