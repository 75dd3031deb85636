/*
 * Replace(source, oldValue, regexPattern, regexGroupName, replacementValue, replacementAttributeName, template) —
 * "Replaces values within a string in a case-sensitive manner", in the documented modes, tried in this order:
 * 1. oldValue + template: every oldValue in template is replaced with the source value
 * 2. oldValue (+ replacementValue): every oldValue in source is replaced with replacementValue
 * 3. regexPattern + regexGroupName + replacementAttributeName: "If source has a value, source is returned. If
 *    source has no value", the regexPattern is applied to the replacement attribute's value and the named group's
 *    value is returned
 * 4. regexPattern + regexGroupName (+ replacementValue): within each match, the named group's text is replaced
 * 5. regexPattern (+ replacementValue): Regex.Replace, where replacementValue uses .NET substitutions
 *    ($1, ${name}, $$, $&, $`, $', $+, $_)
 * - an omitted replacementValue means "" (removal); a null source → null (except mode 3)
 * - at least one of oldValue and regexPattern must be written (compile time); a regexPattern constant must be a
 *   valid regex (compile time); .NET-only regex syntax (inline options such as (?i)) is expression/value
 */
import type { CallNode } from '../ast.ts';
import { ExpressionError } from '../errors.ts';
import type { Args } from '../runtime.ts';
import type { FunctionDefinition } from './definition.ts';

function compileRegex(pattern: string): RegExp {
  return new RegExp(pattern, 'gd');
}

/** Expands a .NET Regex.Replace substitution template for one match. */
export function expandDotNetReplacement(template: string, m: RegExpExecArray, input: string): string {
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i]!;
    if (c !== '$' || i + 1 >= template.length) {
      out += c;
      continue;
    }
    const next = template[i + 1]!;
    if (next === '$') {
      out += '$';
      i++;
    } else if (next === '&') {
      out += m[0];
      i++;
    } else if (next === '`') {
      out += input.slice(0, m.index);
      i++;
    } else if (next === "'") {
      out += input.slice(m.index + m[0].length);
      i++;
    } else if (next === '_') {
      out += input;
      i++;
    } else if (next === '+') {
      out += m.length > 1 ? (m[m.length - 1] ?? '') : '';
      i++;
    } else if (next === '{') {
      const close = template.indexOf('}', i + 2);
      const name = close > 0 ? template.slice(i + 2, close) : '';
      const group = /^\d+$/.test(name) ? m[Number(name)] : m.groups?.[name];
      const known = /^\d+$/.test(name) ? Number(name) < m.length : m.groups !== undefined && name in m.groups;
      if (close > 0 && known) {
        out += group ?? '';
        i = close;
      } else out += c;
    } else if (/\d/.test(next)) {
      let digits = '';
      let j = i + 1;
      while (j < template.length && /\d/.test(template[j]!) && Number(digits + template[j]) < m.length) digits += template[j++];
      if (digits) {
        out += m[Number(digits)] ?? '';
        i = j - 1;
      } else out += c;
    } else out += c;
  }
  return out;
}

function regex(args: Args): RegExp {
  const pattern = args.string(2, 'regexPattern')!;
  try {
    return compileRegex(pattern);
  } catch (e) {
    return args.fail('expression/value', `invalid regexPattern: ${(e as Error).message}`, 2);
  }
}

function namedGroupSpan(m: RegExpExecArray, name: string): [number, number] | undefined {
  return m.indices?.groups?.[name];
}

export const Replace: FunctionDefinition = {
  name: 'Replace',
  signature: 'Replace(source, oldValue, regexPattern, regexGroupName, replacementValue, replacementAttributeName, template)',
  minArgs: 2,
  maxArgs: 7,
  check(call: CallNode) {
    const given = (i: number): boolean => call.args[i] !== undefined && call.args[i]!.kind !== 'empty';
    if (!given(1) && !given(2)) {
      throw new ExpressionError('expression/arity', 'Replace needs an oldValue (2nd argument) or a regexPattern (3rd argument)', call.pos);
    }
    const pattern = call.args[2];
    if (pattern?.kind === 'string') {
      try {
        compileRegex(pattern.value);
      } catch (e) {
        throw new ExpressionError('expression/value', `Replace: invalid regexPattern: ${(e as Error).message}`, pattern.pos);
      }
    }
  },
  call(args) {
    const source = args.string(0, 'source');
    const replacement = args.given(4) ? (args.string(4, 'replacementValue') ?? '') : '';
    if (args.given(1) && args.value(1) !== null) {
      const oldValue = args.string(1, 'oldValue')!;
      if (source === null) return null;
      if (args.given(6)) {
        const template = args.string(6, 'template');
        return template === null ? null : oldValue === '' ? template : template.split(oldValue).join(source);
      }
      return oldValue === '' ? source : source.split(oldValue).join(replacement);
    }
    if (!args.given(2) || args.value(2) === null) return source;
    const re = regex(args);
    const groupName = args.given(3) ? args.string(3, 'regexGroupName') : null;
    if (groupName !== null && args.given(5)) {
      if (source !== null && source !== '') return source;
      const from = args.string(5, 'replacementAttributeName');
      if (from === null) return null;
      re.lastIndex = 0;
      const m = re.exec(from);
      return m?.groups?.[groupName] ?? null;
    }
    if (source === null) return null;
    if (groupName !== null) {
      let out = '';
      let last = 0;
      for (const m of source.matchAll(re)) {
        const span = namedGroupSpan(m as RegExpExecArray, groupName);
        if (!span) continue;
        out += source.slice(last, span[0]) + replacement;
        last = span[1];
      }
      return out + source.slice(last);
    }
    return source.replace(re, (...params: unknown[]) => {
      // Rebuild the match object String.replace spreads into parameters.
      const hasGroups = typeof params[params.length - 1] === 'object';
      const groups = hasGroups ? (params[params.length - 1] as Record<string, string>) : undefined;
      const offset = params[params.length - (hasGroups ? 3 : 2)] as number;
      const captures = params.slice(0, params.length - (hasGroups ? 3 : 2)) as string[];
      const m = Object.assign([...captures], { index: offset, input: source, groups }) as unknown as RegExpExecArray;
      return expandDotNetReplacement(replacement, m, source);
    });
  },
};
