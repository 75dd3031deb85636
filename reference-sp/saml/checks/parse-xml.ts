/*
 * - the response must be well-formed XML (xml/malformed)
 * - a DOCTYPE / DTD / entity declaration is refused outright (xml/doctype): SAML needs none, and entity
 *   expansion is the door to XXE and "billion laughs" (saml-core §1.3 uses plain XML Schema documents;
 *   OWASP XXE prevention)
 * - what parsing may cost is bounded before the parser builds anything (xml/too-large: size, element count,
 *   attributes, namespace declarations; xml/too-deep: nesting), see XML_LIMITS in ../xml.ts. This runs
 *   before any cryptography, so a hostile body costs a linear scan, not seconds of signature processing.
 * The message never quotes the parser: its errors copy pieces of the attacker's document.
 */
import { reject, type SamlRejectionCode } from '../rejection.ts';
import { need, type Check } from '../state.ts';
import { XmlParseError, parseXml, type XmlParseFailure } from '../xml.ts';

const ANSWERS: Record<XmlParseFailure, { code: SamlRejectionCode; message: string; spec: string }> = {
  doctype: { code: 'xml/doctype', message: 'the response carries a DTD (DOCTYPE or entity declarations), which is refused', spec: 'saml-core §1.3 (no DTDs)' },
  malformed: { code: 'xml/malformed', message: 'the response is not well-formed XML', spec: 'XML 1.0 §2.1 (well-formed)' },
  'too-large': {
    code: 'xml/too-large',
    message: 'the response exceeds the size, element, attribute or namespace limits of this SP',
    spec: 'saml-bindings §3.5 (bounded processing)',
  },
  'too-deep': { code: 'xml/too-deep', message: 'the response nests elements deeper than this SP allows', spec: 'saml-bindings §3.5 (bounded processing)' },
};

export const parseResponseXml: Check = {
  name: 'parse-xml',
  run(state) {
    const xml = need(state.xml, 'the decoded XML');
    try {
      state.doc = parseXml(xml);
    } catch (e) {
      const answer = ANSWERS[e instanceof XmlParseError ? e.reason : 'malformed'];
      throw reject(answer.code, { message: answer.message, spec: answer.spec });
    }
  },
};
