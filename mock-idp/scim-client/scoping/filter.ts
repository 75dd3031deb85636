/*
 * Entra attribute-based scoping filters ("Source Object Scope").
 * - clauses within one filter are ANDed; separate filters are ORed; no filter at all means everyone is in scope
 * - operators as listed in "Scoping users or groups to be provisioned with scoping filters"
 *   (learn.microsoft.com/entra/identity/app-provisioning/define-conditional-rules-for-provisioning-user-accounts):
 *   EQUALS / NOT EQUALS (case-sensitive string match), IS TRUE / IS FALSE, IS NULL / IS NOT NULL (null or
 *   empty), REGEX MATCH / NOT REGEX MATCH, Greater_Than / Greater_Than_OR_EQUALS / Less_Than /
 *   Less_Than_OR_EQUALS (integers only), Includes / Not Includes (any of comma-separated values, exact).
 * - filters are validated once at configuration time (unknown operator, bad regex, non-integer bound)
 */
import { ProvisioningError } from '../errors.ts';

export const OPERATORS = [
  'EQUALS',
  'NOT EQUALS',
  'IS TRUE',
  'IS FALSE',
  'IS NULL',
  'IS NOT NULL',
  'REGEX MATCH',
  'NOT REGEX MATCH',
  'GREATER_THAN',
  'GREATER_THAN_OR_EQUALS',
  'LESS_THAN',
  'LESS_THAN_OR_EQUALS',
  'INCLUDES',
  'NOT INCLUDES',
] as const;
export type ScopingOperator = (typeof OPERATORS)[number];

export interface ScopingClauseInput {
  attribute: string;
  operator: string;
  value?: string | number | boolean;
}
export interface ScopingFilterInput {
  name?: string;
  clauses: ScopingClauseInput[];
}

type Predicate = (v: unknown) => boolean;
export interface CompiledScope {
  readonly filters: readonly ScopingFilterInput[];
  inScope(source: Readonly<Record<string, unknown>>): boolean;
}

/** "Greater_Than", "greater than", "NOT_EQUALS" → the canonical operator name, or undefined. */
export function normaliseOperator(op: string): ScopingOperator | undefined {
  const up = op.trim().toUpperCase().replace(/\s+/g, ' ');
  const spaced = up.replace(/_/g, ' ');
  return OPERATORS.find((o) => o === up || o.replace(/_/g, ' ') === spaced);
}

const isNullish = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
const asText = (v: unknown) => (Array.isArray(v) ? v.map(String) : isNullish(v) ? [] : [String(v)]);

function predicate(c: ScopingClauseInput, where: string, problems: string[]): Predicate | undefined {
  const op = normaliseOperator(c.operator);
  if (!op) {
    problems.push(`${where}.operator "${c.operator}" is not an Entra scoping operator (${OPERATORS.join(', ')})`);
    return undefined;
  }
  const needsValue = !['IS TRUE', 'IS FALSE', 'IS NULL', 'IS NOT NULL'].includes(op);
  if (needsValue && c.value === undefined) {
    problems.push(`${where}.value is required for ${op}`);
    return undefined;
  }
  const text = String(c.value);
  switch (op) {
    case 'EQUALS':
      return (v) => asText(v).some((s) => s === text);
    case 'NOT EQUALS':
      return (v) => !asText(v).some((s) => s === text);
    case 'IS TRUE':
      return (v) => v === true || (typeof v === 'string' && v.toLowerCase() === 'true');
    case 'IS FALSE':
      return (v) => v === false || (typeof v === 'string' && v.toLowerCase() === 'false');
    case 'IS NULL':
      return isNullish;
    case 'IS NOT NULL':
      return (v) => !isNullish(v);
    case 'REGEX MATCH':
    case 'NOT REGEX MATCH': {
      let re: RegExp;
      try {
        re = new RegExp(text);
      } catch (e) {
        problems.push(`${where}.value is not a valid regular expression: ${(e as Error).message}`);
        return undefined;
      }
      const hit: Predicate = (v) => asText(v).some((s) => re.test(s));
      return op === 'REGEX MATCH' ? hit : (v) => !hit(v);
    }
    case 'INCLUDES':
    case 'NOT INCLUDES': {
      const options = text.split(',').map((s) => s.trim());
      const hit: Predicate = (v) => asText(v).some((s) => options.includes(s));
      return op === 'INCLUDES' ? hit : (v) => !hit(v);
    }
    default: {
      if (!/^-?\d+$/.test(text)) {
        problems.push(`${where}.value must be an integer for ${op}`);
        return undefined;
      }
      const bound = Number(text);
      const cmp = {
        GREATER_THAN: (n: number) => n > bound,
        GREATER_THAN_OR_EQUALS: (n: number) => n >= bound,
        LESS_THAN: (n: number) => n < bound,
        LESS_THAN_OR_EQUALS: (n: number) => n <= bound,
      }[op];
      return (v) => {
        const s = Array.isArray(v) ? v[0] : v;
        if (isNullish(s) || !/^-?\d+$/.test(String(s))) return false;
        return cmp(Number(s));
      };
    }
  }
}

export function compileScope(filters: readonly ScopingFilterInput[] | undefined, root = 'scoping'): CompiledScope {
  const list = filters ?? [];
  const problems: string[] = [];
  const compiled = list.map((f, i) => {
    if (!Array.isArray(f?.clauses) || f.clauses.length === 0) {
      problems.push(`${root}[${i}].clauses must list at least one clause`);
      return [];
    }
    return f.clauses.map((c, j) => {
      const where = `${root}[${i}].clauses[${j}]`;
      if (typeof c?.attribute !== 'string' || !c.attribute) problems.push(`${where}.attribute is required`);
      const p = predicate(c, where, problems);
      const attr = String(c?.attribute ?? '').toLowerCase();
      return (
        p &&
        ((src: Readonly<Record<string, unknown>>) => {
          const key = Object.keys(src).find((k) => k.toLowerCase() === attr);
          return p(key === undefined ? null : src[key]);
        })
      );
    });
  });
  if (problems.length) throw new ProvisioningError('scoping/invalid', `invalid scoping filters: ${problems.join('; ')}`, problems);
  const checks = compiled as Array<Array<(s: Readonly<Record<string, unknown>>) => boolean>>;
  return Object.freeze({
    filters: list,
    inScope: (source: Readonly<Record<string, unknown>>) => checks.length === 0 || checks.some((clauses) => clauses.every((c) => c(source))),
  });
}
