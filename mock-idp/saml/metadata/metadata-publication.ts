/*
 * How the mock IdP publishes its metadata: what an IdP adds to the bare document (./idp-metadata.ts) for the
 * relying parties that follow it.
 * - ID on the EntityDescriptor (what an enveloped signature references), and, when set, validUntil (the instant
 *   past which the document must not be used) and cacheDuration (how long a copy may be cached) — saml-metadata
 *   §2.3.2;
 * - a KeyDescriptor use="signing" for every other key the key ring publishes, right after the active key's
 *   (saml-metadata §2.4.1.1; the rollover of ../keys/signing-key-ring.ts);
 * - when `signed`, an enveloped signature over the EntityDescriptor by the active signing key, the first child of
 *   the root as the schema requires (saml-metadata §3; ../sign/sign-element.ts: exclusive c14n, RSA-SHA256) —
 *   Entra signs its federation metadata the same way, with its token-signing key.
 * Settings change through the control API (PUT /control/metadata { signed, validUntil, cacheDuration }): each is
 * optional, null clears one, and a value that is not a boolean, an xs:dateTime or an xs:duration is refused with
 * control/bad-body before anything changes. Hand-written rather than a library: the point is to publish exactly
 * the shapes (and the deviations) a test asks for.
 */
import { createHash } from 'node:crypto';
import { idpError } from '../errors.ts';
import type { IdpKeys } from '../keys/key-store.ts';
import { NS } from '../namespaces.ts';
import { signElement } from '../sign/sign-element.ts';
import { childElements, descendants, parseXml, pemBody, serialize } from '../xml.ts';

export interface MetadataPublicationSettings {
  readonly signed: boolean;
  /** xs:dateTime, e.g. 2026-01-08T00:00:00Z; null: none. */
  readonly validUntil: string | null;
  /** xs:duration, e.g. PT6H; null: none. */
  readonly cacheDuration: string | null;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
const DURATION = /^P(?!$)(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?!$)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$/;

function checked(body: unknown): Partial<MetadataPublicationSettings> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw idpError('control/bad-body', 'expected a JSON object { signed, validUntil, cacheDuration }');
  const input = body as Record<string, unknown>;
  const unknown = Object.keys(input).filter((k) => !['signed', 'validUntil', 'cacheDuration'].includes(k));
  if (unknown.length > 0) throw idpError('control/bad-body', `unknown metadata setting(s): ${unknown.join(', ')}`);
  const out: { signed?: boolean; validUntil?: string | null; cacheDuration?: string | null } = {};
  if ('signed' in input) {
    if (typeof input['signed'] !== 'boolean') throw idpError('control/bad-body', 'signed must be true or false');
    out.signed = input['signed'];
  }
  if ('validUntil' in input) {
    const v = input['validUntil'];
    if (v !== null && !(typeof v === 'string' && DATE_TIME.test(v) && !Number.isNaN(Date.parse(v)))) {
      throw idpError('control/bad-body', 'validUntil must be an xs:dateTime with a time zone (e.g. 2026-01-08T00:00:00Z) or null');
    }
    out.validUntil = v;
  }
  if ('cacheDuration' in input) {
    const v = input['cacheDuration'];
    if (v !== null && !(typeof v === 'string' && DURATION.test(v))) throw idpError('control/bad-body', 'cacheDuration must be an xs:duration (e.g. PT6H) or null');
    out.cacheDuration = v;
  }
  return out;
}

export class MetadataPublication {
  #settings: MetadataPublicationSettings = { signed: false, validUntil: null, cacheDuration: null };

  get settings(): MetadataPublicationSettings {
    return this.#settings;
  }

  /** Changes the settings the body names (null clears one); refuses the whole body when one value is bad. */
  update(body: unknown): MetadataPublicationSettings {
    this.#settings = { ...this.#settings, ...checked(body) };
    return this.#settings;
  }

  /** The published document: the base metadata with the ID, validity, rollover keys and (when signed) signature. */
  publish(baseXml: string, keys: IdpKeys): string {
    const doc = parseXml(baseXml, 'IdP metadata');
    const root = doc.documentElement as Element;
    const id = `_metadata-${createHash('sha256')
      .update(root.getAttribute('entityID') ?? '')
      .digest('hex')
      .slice(0, 24)}`;
    root.setAttribute('ID', id);
    if (this.#settings.validUntil !== null) root.setAttribute('validUntil', this.#settings.validUntil);
    if (this.#settings.cacheDuration !== null) root.setAttribute('cacheDuration', this.#settings.cacheDuration);
    const descriptor = childElements(root, NS.metadata, 'IDPSSODescriptor')[0];
    const activeKey = descriptor && childElements(descriptor, NS.metadata, 'KeyDescriptor').find((k) => k.getAttribute('use') === 'signing');
    if (activeKey) {
      let after: Element = activeKey;
      const active = pemBody(keys.signing.certificatePem);
      for (const key of keys.ring?.published ?? []) {
        const body = pemBody(key.certificatePem);
        if (body === active) continue;
        const copy = activeKey.cloneNode(true) as Element;
        const certificate = descendants(copy, NS.ds, 'X509Certificate')[0];
        if (certificate) certificate.textContent = body;
        after.parentNode!.insertBefore(copy, after.nextSibling);
        after = copy;
      }
    }
    const xml = serialize(doc);
    return this.#settings.signed ? signElement(xml, { id, localName: 'EntityDescriptor', key: keys.signing, algorithm: 'sha256' }) : xml;
  }
}
