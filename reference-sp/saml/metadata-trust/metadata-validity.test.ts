import { describe, expect, it } from 'vitest';
import { parseXml } from '../xml.ts';
import { MetadataTrustError } from './errors.ts';
import { parseXsDateTime, parseXsDuration, readMetadataValidity } from './metadata-validity.ts';
import { metadataDoc } from './test-support.ts';

const entityOf = (xml: string): Element => {
  const root = parseXml(xml).documentElement as Element;
  return root.localName === 'EntityDescriptor' ? root : (root.getElementsByTagNameNS('urn:oasis:names:tc:SAML:2.0:metadata', 'EntityDescriptor')[0] as Element);
};

describe('parseXsDuration (XML Schema Part 2 §3.2.6)', () => {
  it.each([
    ['PT1H', 3600],
    ['PT30M', 1800],
    ['PT0S', 0],
    ['P1D', 86_400],
    ['P1DT12H', 129_600],
    ['PT1.5S', 1.5],
    ['P1M', 30 * 86_400],
    ['P1Y', 365 * 86_400],
  ])('%s is %d seconds', (text, seconds) => {
    expect(parseXsDuration(text)).toBe(seconds);
  });
  it.each(['', 'P', 'PT', '1H', '-PT1H', 'PT1H30', 'P1H', 'one hour'])('refuses %j', (text) => {
    expect(parseXsDuration(text)).toBeUndefined();
  });
});

describe('parseXsDateTime', () => {
  it('reads UTC, offsets and zone-less values (as UTC)', () => {
    expect(parseXsDateTime('2026-01-01T00:00:00Z')?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(parseXsDateTime('2026-01-01T02:00:00+02:00')?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(parseXsDateTime('2026-01-01T00:00:00.250')?.toISOString()).toBe('2026-01-01T00:00:00.250Z');
  });
  it.each(['2026-01-01', 'tomorrow', '2026-13-01T00:00:00Z', '1767225600'])('refuses %j', (text) => {
    expect(parseXsDateTime(text)).toBeUndefined();
  });
});

describe('readMetadataValidity (saml-metadata §2.3.1/§2.3.2, errata E76)', () => {
  it('reads validUntil and cacheDuration of the EntityDescriptor', () => {
    const v = readMetadataValidity(entityOf(metadataDoc({ certificates: [], validUntil: '2026-02-01T00:00:00Z', cacheDuration: 'PT6H' })));
    expect(v).toEqual({ validUntil: new Date('2026-02-01T00:00:00Z'), cacheDurationSeconds: 21_600 });
  });

  it('takes the smallest of the entity and its enclosing EntitiesDescriptor', () => {
    const xml = metadataDoc({
      certificates: [],
      validUntil: '2026-03-01T00:00:00Z',
      cacheDuration: 'PT1H',
      enclosing: { validUntil: '2026-02-01T00:00:00Z', cacheDuration: 'PT6H' },
    });
    expect(readMetadataValidity(entityOf(xml))).toEqual({ validUntil: new Date('2026-02-01T00:00:00Z'), cacheDurationSeconds: 3600 });
  });

  it('has neither when the document says nothing', () => {
    expect(readMetadataValidity(entityOf(metadataDoc({ certificates: [] })))).toEqual({ validUntil: undefined, cacheDurationSeconds: undefined });
  });

  it.each([[{ validUntil: 'next week' }], [{ cacheDuration: '6 hours' }], [{ enclosing: { validUntil: 'soon' } }]])(
    'refuses a value that does not parse (metadata/validity-malformed): %j',
    (bad) => {
      const error = (() => {
        try {
          readMetadataValidity(entityOf(metadataDoc({ certificates: [], ...bad })));
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(MetadataTrustError);
      expect((error as MetadataTrustError).code).toBe('metadata/validity-malformed');
    },
  );
});
