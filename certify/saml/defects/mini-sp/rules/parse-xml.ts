/*
 * - the message must be well-formed XML; a parser error or warning of level "error" refuses it (never repaired)
 */
import { refuse } from '../refusal.ts';
import { need, type Rule } from '../state.ts';
import { parseXml } from '../xml.ts';

export const parseResponseXml: Rule = (state) => {
  const doc = parseXml(need(state, 'xml'));
  if (!doc) refuse('xml/malformed');
  state.doc = doc;
};
