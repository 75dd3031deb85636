import { describe, expect, it } from 'vitest';
import { PARAMETER_TYPE_DESCRIPTIONS, enumParameterType } from './enum-parameter-type.ts';
import { StepArgumentError } from './step-error.ts';

const profile = enumParameterType('profileForTest', 'a vendor profile', { generic: 'generic', Particle: 'particle', 'Okta (legacy)': 'okta' });
const regexp = profile.regexp as RegExp;
const transform = (text: string): unknown => profile.transformer!(text);

function matchesWhole(text: string): boolean {
  return new RegExp(`^(?:${regexp.source})$`).test(text);
}

describe('enum parameter types', () => {
  it('matches only the allowed values, in any letter case', () => {
    for (const text of ['generic', 'Particle', 'particle', 'PARTICLE', 'Okta (legacy)']) expect(matchesWhole(text)).toBe(true);
  });

  it('does not swallow ordinary words', () => {
    for (const text of ['the', 'tenant', 'Particles', 'Okta legacy', 'uniqueness']) expect(matchesWhole(text)).toBe(false);
  });

  it('converts an allowed value', () => {
    expect(transform('Particle')).toBe('particle');
  });

  it('refuses a near miss with parameter/unknown-value', () => {
    let caught: unknown;
    try {
      transform('particle');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(StepArgumentError);
    expect((caught as StepArgumentError).code).toBe('parameter/unknown-value');
  });

  it('stays out of snippets when a value is a plain lower-case word', () => {
    expect(profile.useForSnippets).toBe(false);
    expect(enumParameterType('xswForTest', 'an attack', { XSW1: 1, XSW2: 2 }).useForSnippets).toBe(true);
    expect(enumParameterType('idpForTest', 'an IdP', { Entra: 'entra', 'RSA-SHA256': 'sha256' }).useForSnippets).toBe(true);
  });

  it('describes the type for the step catalog', () => {
    expect(PARAMETER_TYPE_DESCRIPTIONS.get('profileForTest')?.values).toEqual(['generic', 'Particle', 'Okta (legacy)']);
  });
});
