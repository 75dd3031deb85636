/*
 * Markup the IdP did not build itself but puts inside an element it signs — the saml:EncryptedAssertion that
 * xml-encryption writes (saml-core §2.3.4) — as a raw node the template signer (./template-signer.ts) can still
 * sign over (issue 15: otherwise the Response around an encrypted assertion went back to xml-crypto):
 * - it is parsed once (../xml.ts parseXml: no DOCTYPE, well-formed or refused) and canonicalised by xml-crypto's
 *   own ExclusiveCanonicalization, not by the hand-written ./exc-c14n.ts, which only sees trees the IdP built
 * - its wire form inside a signed element is xmldom's serialisation of that parse, as it was when xml-crypto
 *   signed the whole Response (carriage returns as &#xD;, as xml-crypto writes them); unsigned, the markup as given
 * The canonical form holds for the subtree when no output ancestor has rendered a prefix it declares; exc-c14n.ts
 * checks that where it embeds it and otherwise leaves the element to xml-crypto.
 */
import { ExclusiveCanonicalization } from 'xml-crypto';
import { parseXml, serialize } from '../xml.ts';
import type { XmlRaw } from './xml-node.ts';

/** The markup with its parsed and canonical forms; markup that does not parse stays plain raw (xml-crypto's). */
export function opaqueElement(markup: string): XmlRaw {
  let element: Element;
  try {
    element = parseXml(markup, 'encrypted assertion').documentElement!;
  } catch {
    return { kind: 'raw', markup };
  }
  return {
    kind: 'raw',
    markup,
    parsedMarkup: serialize(element).replace(/\r/g, '&#xD;'),
    canonical: new ExclusiveCanonicalization().process(element, {}).toString(),
  };
}
