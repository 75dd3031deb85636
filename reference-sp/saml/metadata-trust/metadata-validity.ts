/*
 * How long a metadata document may be relied on (saml-metadata §2.3.1 EntitiesDescriptor, §2.3.2
 * EntityDescriptor: optional `validUntil`, an xs:dateTime, and `cacheDuration`, an xs:duration):
 * - the IdP's EntityDescriptor and every enclosing EntitiesDescriptor count; where several carry a value, the
 *   smallest applies (SAML 2.0 errata E76: a nested element can only narrow what encloses it);
 * - validUntil is the instant after which the metadata must not be used at all (errata E94: metadata past its
 *   cacheDuration is stale, not invalid; past validUntil it is invalid) — ./refuse-expired.ts;
 * - cacheDuration is how long a copy may be used before it is fetched again — ./refresh-schedule.ts;
 * - a value that does not parse is refused (metadata/validity-malformed), never ignored: ignoring a validUntil
 *   would trust a document longer than its publisher allowed.
 * xs:duration (XML Schema Part 2 §3.2.6) counts a year as 365 days and a month as 30 days here: metadata
 * durations are hours or days in practice, and a calendar is not needed to bound a cache.
 */
import { NS, attr } from '../xml.ts';
import { MetadataTrustError } from './errors.ts';

export interface MetadataValidity {
  readonly validUntil?: Date | undefined;
  readonly cacheDurationSeconds?: number | undefined;
}

const DURATION = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?!$)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
const DATE_TIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?$/;

/** Seconds in a non-negative xs:duration, or undefined when it is not one. */
export function parseXsDuration(text: string): number | undefined {
  const m = DURATION.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map((v) => (v === undefined ? 0 : Number(v)));
  const seconds = (y ?? 0) * 365 * 86_400 + (mo ?? 0) * 30 * 86_400 + (d ?? 0) * 86_400 + (h ?? 0) * 3600 + (mi ?? 0) * 60 + (s ?? 0);
  return Number.isFinite(seconds) ? seconds : undefined;
}

/** The instant of an xs:dateTime (no time zone: UTC, as SAML times are), or undefined when it is not one. */
export function parseXsDateTime(text: string): Date | undefined {
  const trimmed = text.trim();
  if (!DATE_TIME.test(trimmed)) return undefined;
  const zoned = /(?:Z|[+-]\d{2}:\d{2})$/.test(trimmed) ? trimmed : `${trimmed}Z`;
  const instant = new Date(zoned);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}

/** validUntil and cacheDuration that apply to `entity`: its own and its enclosing EntitiesDescriptors', smallest wins. */
export function readMetadataValidity(entity: Element): MetadataValidity {
  let validUntil: Date | undefined;
  let cacheDurationSeconds: number | undefined;
  for (let e: Node | null = entity; e && e.nodeType === 1; e = e.parentNode) {
    const el = e as Element;
    if (el.namespaceURI !== NS.md || (el.localName !== 'EntityDescriptor' && el.localName !== 'EntitiesDescriptor')) continue;
    const until = attr(el, 'validUntil');
    if (until !== undefined) {
      const instant = parseXsDateTime(until);
      if (!instant) throw new MetadataTrustError('metadata/validity-malformed', `the ${el.localName} validUntil is not an xs:dateTime`, 'saml-metadata §2.3.2');
      if (!validUntil || instant < validUntil) validUntil = instant;
    }
    const cache = attr(el, 'cacheDuration');
    if (cache !== undefined) {
      const seconds = parseXsDuration(cache);
      if (seconds === undefined)
        throw new MetadataTrustError('metadata/validity-malformed', `the ${el.localName} cacheDuration is not a non-negative xs:duration`, 'saml-metadata §2.3.2');
      if (cacheDurationSeconds === undefined || seconds < cacheDurationSeconds) cacheDurationSeconds = seconds;
    }
  }
  return { validUntil, cacheDurationSeconds };
}
