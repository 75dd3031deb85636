/*
 * The message as the report shows it (SAML_ATTACHMENTS.message): the XML the SP received, except that an XML
 * comment longer than ELIDE_OVER bytes — the padding of an oversized-message test (mock-idp/saml/attacks/pad-to.ts)
 * — keeps only its start and end, the cut marked with the number of bytes left out. The SP still receives every
 * byte; only the report stays small (a 2 MB test would otherwise make a 2 MB report). Comments are outside what
 * a signature covers (xmldsig-core1 §4.4.3.3), so nothing the report highlights is cut.
 */

/** Comments up to this many UTF-8 bytes are shown whole. */
export const ELIDE_OVER = 4096;
/** Characters kept at each end of an elided comment. */
const KEEP = 64;

export function messageForReport(xml: string): string {
  return xml.replace(/<!--([\s\S]*?)-->/g, (whole, text: string) => {
    if (Buffer.byteLength(text, 'utf8') <= ELIDE_OVER) return whole;
    const head = text.slice(0, KEEP);
    const tail = text.slice(-KEEP);
    const cut = Buffer.byteLength(text, 'utf8') - Buffer.byteLength(head + tail, 'utf8');
    return `<!--${head}[… ${cut} bytes elided …]${tail}-->`;
  });
}
