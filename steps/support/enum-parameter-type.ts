/*
 * Custom parameter types whose text is one of a fixed set of values (STYLE.md §6), and the description of every
 * custom parameter type for the step catalog (docs/steps.md, tools/steps-catalog.ts).
 * - the regexp matches only the allowed values, in any letter case: an ordinary word never becomes a parameter,
 *   so cucumber's snippet for an undefined step stays readable;
 * - a type one of whose values is a plain lower-case word is not used in snippets;
 * - a value written in the wrong case still reaches the transformer, which fails with `parameter/unknown-value`
 *   naming the value meant ("particle" is not a profile: did you mean "Particle"?), instead of "undefined step".
 */
import type { defineParameterType } from '@cucumber/cucumber';
import { StepArgumentError } from './step-error.ts';

type ParameterTypeDefinition = Parameters<typeof defineParameterType>[0];

export interface ParameterTypeDescription {
  readonly name: string;
  readonly description: string;
  /** The allowed values, as written in a feature, when the type is a fixed set. */
  readonly values?: readonly string[] | undefined;
}

/** Every custom parameter type, by name, as the step catalog describes it. */
export const PARAMETER_TYPE_DESCRIPTIONS = new Map<string, ParameterTypeDescription>();

export function describeParameterType(description: ParameterTypeDescription): void {
  PARAMETER_TYPE_DESCRIPTIONS.set(description.name, description);
}

function anyCase(value: string): string {
  return [...value].map((c) => (c.toLowerCase() !== c.toUpperCase() ? `[${c.toUpperCase()}${c.toLowerCase()}]` : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
}

/** The definition of a parameter type whose text is one of `table`'s keys, converted to the key's value. */
export function enumParameterType<T>(name: string, description: string, table: Readonly<Record<string, T>>): ParameterTypeDefinition {
  const keys = Object.keys(table);
  describeParameterType({ name, description, values: keys });
  return {
    name,
    // Longest first, so "response and assertion" wins over "response".
    regexp: new RegExp(
      [...keys]
        .sort((a, b) => b.length - a.length)
        .map(anyCase)
        .join('|'),
    ),
    // A type with a plain lower-case word among its values ("response", "uniqueness", "generic") would turn that
    // word into a parameter in every snippet cucumber suggests; such a type is left out of snippets.
    useForSnippets: !keys.some((key) => /^[a-z]+(?: [a-z]+)*$/.test(key)),
    transformer: (text: string): T => {
      if (Object.hasOwn(table, text)) return table[text]!;
      const meant = keys.find((key) => key.toLowerCase() === text.toLowerCase());
      throw new StepArgumentError('parameter/unknown-value', `"${text}" is not a ${name}${meant === undefined ? '' : `: did you mean "${meant}"?`} (${keys.join(', ')})`);
    },
  };
}

/** A table whose keys are its values. */
export function identity<T extends string>(values: readonly T[]): Readonly<Record<string, T>> {
  return Object.fromEntries(values.map((v) => [v, v]));
}
