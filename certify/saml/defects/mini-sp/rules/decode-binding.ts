/*
 * - saml-bindings §3.5.4: the HTTP-POST binding carries the Response base64-encoded in the SAMLResponse field
 * - a size cap before anything is decoded or parsed: a response is a few kilobytes, a 2 MB one is an attack
 *   on the parser (binding/too-large)
 */
import { refuse } from '../refusal.ts';
import type { Rule } from '../state.ts';

/** At most this many base64 characters (about 384 KB of XML). */
export const MAX_SAML_RESPONSE_CHARS = 512 * 1024;

export const decodeBinding: Rule = (state) => {
  const posted = state.posted;
  if (typeof posted !== 'string' || posted.length === 0) refuse('binding/malformed');
  if (posted.length > MAX_SAML_RESPONSE_CHARS) refuse('binding/too-large');
  if (!/^[A-Za-z0-9+/=\r\n]+$/.test(posted)) refuse('binding/malformed');
  state.xml = Buffer.from(posted, 'base64').toString('utf8');
};
