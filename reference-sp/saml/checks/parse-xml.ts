/*
 * - the response must be well-formed XML (xml/malformed)
 * - a DOCTYPE / DTD / entity declaration is refused outright (xml/doctype): SAML needs none, and entity
 *   expansion is the door to XXE and "billion laughs" (saml-core §1.3 uses plain XML Schema documents;
 *   OWASP XXE prevention)
 */
import { reject } from '../rejection.ts';
import { need, type Check } from '../state.ts';
import { XmlParseError, parseXml } from '../xml.ts';

export const parseResponseXml: Check = {
  name: 'parse-xml',
  run(state) {
    const xml = need(state.xml, 'the decoded XML');
    try {
      state.doc = parseXml(xml);
    } catch (e) {
      const reason = e instanceof XmlParseError ? e.reason : 'malformed';
      throw reject(reason === 'doctype' ? 'xml/doctype' : 'xml/malformed', {
        message: e instanceof Error ? e.message : String(e),
        spec: reason === 'doctype' ? 'saml-core §1.3 (no DTDs)' : 'XML 1.0 §2.1 (well-formed)',
      });
    }
  },
};
