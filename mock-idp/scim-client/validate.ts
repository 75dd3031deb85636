/*
 * One ajv instance for fixtures and configuration. Every problem is collected and named by its full path
 * (`users[2].givenname is not a known attribute`), STYLE.md §7.
 */
import { Ajv } from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';

const ajv = new Ajv({ allErrors: true, strict: false });

function pathOf(root: string, instancePath: string): string {
  // "/users/2/givenName" -> "users[2].givenName"
  let out = root;
  for (const raw of instancePath.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    out += /^\d+$/.test(seg) ? `[${seg}]` : out ? `.${seg}` : seg;
  }
  return out || '(root)';
}

export function describeAjvError(root: string, e: ErrorObject): string {
  const at = pathOf(root, e.instancePath);
  switch (e.keyword) {
    case 'additionalProperties':
      return `${at ? `${at}.` : ''}${String(e.params['additionalProperty'])} is not a known attribute`;
    case 'required':
      return `${at ? `${at}.` : ''}${String(e.params['missingProperty'])} is required`;
    case 'type':
      return `${at} must be ${String(e.params['type'])}`;
    case 'enum':
      return `${at} must be one of ${(e.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return `${at} ${e.message ?? 'is invalid'}`;
  }
}

const cache = new WeakMap<object, ValidateFunction>();

/** Validates `data` against `schema`; returns every problem (empty when valid). */
export function validateAgainst(schema: object, data: unknown, root = ''): string[] {
  const fn = cache.get(schema) ?? ajv.compile(schema);
  cache.set(schema, fn);
  if (fn(data)) return [];
  const problems = (fn.errors ?? [])
    // anyOf/oneOf wrappers repeat what their branches said.
    .filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf')
    .map((e) => describeAjvError(root, e));
  return [...new Set(problems)];
}
