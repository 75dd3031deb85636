/*
 * <samlp:RequestedAuthnContext> (SAML Core §3.3.2.2.1): read from an AuthnRequest, and whether a class satisfies it.
 * - Comparison is exact (the default), minimum, better or maximum; any other value is a malformed request
 * - at least one AuthnContextClassRef (this IdP does not evaluate AuthnContextDeclRef: a request naming
 *   declarations only is refused as one it cannot satisfy); at most MAX_CLASSES are read, so the cost is bounded
 * - exact: the class is one of those listed; minimum: at least as strong as one of them; better: stronger than
 *   one of them; maximum: no stronger than one of them (Core: "as strong as possible without exceeding" — the
 *   IdP prefers its strongest satisfying method, ./decide-answer.ts). Strength: ./authn-context-classes.ts
 */
import { idpError } from '../errors.ts';
import { NS } from '../namespaces.ts';
import { childElements, firstChild } from '../xml.ts';
import { strengthOf } from './authn-context-classes.ts';

export const COMPARISONS = ['exact', 'minimum', 'better', 'maximum'] as const;
export type Comparison = (typeof COMPARISONS)[number];

export interface RequestedAuthnContext {
  readonly comparison: Comparison;
  readonly classRefs: readonly string[];
}

const MAX_CLASSES = 16;

export function readRequestedAuthnContext(authnRequest: Element): RequestedAuthnContext | undefined {
  const el = firstChild(authnRequest, NS.protocol, 'RequestedAuthnContext');
  if (!el) return undefined;
  const comparison = el.getAttribute('Comparison') || 'exact';
  if (!(COMPARISONS as readonly string[]).includes(comparison)) {
    throw idpError('request/not-authn-request', 'RequestedAuthnContext Comparison must be exact, minimum, better or maximum');
  }
  const refs = childElements(el, NS.assertion, 'AuthnContextClassRef');
  if (refs.length > MAX_CLASSES) throw idpError('request/not-authn-request', `RequestedAuthnContext lists more than ${MAX_CLASSES} classes`);
  return { comparison: comparison as Comparison, classRefs: refs.map((r) => (r.textContent ?? '').trim()).filter((r) => r !== '') };
}

/** Whether an authentication of class `classRef` meets the request (no request: anything does). */
export function satisfies(classRef: string, requested: RequestedAuthnContext | undefined): boolean {
  if (!requested) return true;
  if (requested.comparison === 'exact') return requested.classRefs.includes(classRef);
  const used = strengthOf(classRef);
  if (used === undefined) return false;
  return requested.classRefs.some((r) => {
    const asked = strengthOf(r);
    if (asked === undefined) return false;
    if (requested.comparison === 'minimum') return used >= asked;
    if (requested.comparison === 'better') return used > asked;
    return used <= asked;
  });
}
