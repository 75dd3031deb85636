/*
 * Scoping a filter to one scenario's resources: `<filter> and userName sw "<prefix>"`, so that whatever else
 * lives on the endpoint never changes a result. `and` binds tighter than `or` (RFC 7644 §3.4.2.2), so
 * parentheses are added only when the filter has a top-level `or`; the filter sent stays the one the scenario
 * names whenever it can.
 */
export function scopeFilter(prefix: string, filter?: string): string {
  const scope = `userName sw "${prefix}"`;
  if (filter === undefined) return scope;
  return hasTopLevelOr(filter) ? `(${filter}) and ${scope}` : `${filter} and ${scope}`;
}

/** Whether `or` appears outside parentheses, value-path brackets and quoted strings. */
export function hasTopLevelOr(filter: string): boolean {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < filter.length; i++) {
    const char = filter[i]!;
    if (quoted) {
      if (char === '\\') i++;
      else if (char === '"') quoted = false;
      continue;
    }
    if (char === '"') quoted = true;
    else if (char === '(' || char === '[') depth++;
    else if (char === ')' || char === ']') depth--;
    else if (depth === 0 && /^\sor\s/i.test(filter.slice(i, i + 4))) return true;
  }
  return false;
}
