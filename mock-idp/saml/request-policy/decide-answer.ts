/*
 * How the IdP answers an AuthnRequest, before it knows who signs in (SAML Core §3.4.1, §3.3.2.2.1):
 * - a RequestedAuthnContext no sign-in method of this IdP satisfies → Responder/NoAuthnContext, at once; so is a
 *   NameIDPolicy the IdP cannot honour for this SP whoever signs in (./name-id-policy.ts) → Requester/InvalidNameIDPolicy
 *   (AllowCreate depends on the user, so it is checked when the Response is issued)
 * - a queued next sign-in (the control API's stand-in for a user at the login page) answers, unless the request
 *   is passive: IsPassive="true" forbids the IdP to "visibly take control of the user interface", so a passive
 *   request never uses it (it stays queued)
 * - a live IdP session answers without the login page when the request does not say ForceAuthn="true" and the
 *   session's authentication class satisfies the RequestedAuthnContext
 * - otherwise the user must authenticate: IsPassive="true" → Responder/NoPassive (also with ForceAuthn="true":
 *   the IdP must re-authenticate and may not show anything, so it cannot do both), else the login page, offering
 *   only the sign-in methods that satisfy the request (a weaker session is stepped up by signing in again)
 */
import { AUTHN_CLASS, AUTHN_METHODS, CLASS_OF_METHOD, type AuthnMethod } from './authn-context-classes.ts';
import { type RequestedAuthnContext, satisfies } from './requested-authn-context.ts';
import type { NameIdFormatName } from '../namespaces.ts';
import { formatForPolicy, type NameIdPolicyRequest } from './name-id-policy.ts';
import { PolicyRefusal, refuse } from './status.ts';

export type Answer =
  | { readonly kind: 'refuse'; readonly refusal: PolicyRefusal }
  | { readonly kind: 'queued' }
  | { readonly kind: 'session' }
  | { readonly kind: 'login'; readonly methods: readonly AuthnMethod[] };

export interface AnswerInput {
  readonly request: {
    readonly forceAuthn: boolean;
    readonly isPassive: boolean;
    readonly requestedAuthnContext?: RequestedAuthnContext | undefined;
    readonly nameIdPolicy?: NameIdPolicyRequest | undefined;
  };
  /** The requesting SP as registered (its NameID format), to judge the NameIDPolicy by. */
  readonly sp?: { readonly entityId: string; readonly nameIdFormat: NameIdFormatName | undefined } | undefined;
  /** The live IdP session of the browser, with the class it authenticated with (absent: a password sign-in). */
  readonly session: { readonly authnContextClassRef?: string | undefined } | undefined;
  /** A next sign-in is queued with a user. */
  readonly queued: boolean;
}

/** The sign-in methods whose class satisfies the request. */
export function methodsFor(requested: RequestedAuthnContext | undefined): AuthnMethod[] {
  return AUTHN_METHODS.filter((m) => satisfies(CLASS_OF_METHOD[m], requested));
}

export function decideAnswer({ request, session, queued, sp }: AnswerInput): Answer {
  if (sp) {
    try {
      formatForPolicy(request.nameIdPolicy, sp);
    } catch (e) {
      if (e instanceof PolicyRefusal) return { kind: 'refuse', refusal: e };
      throw e;
    }
  }
  const methods = methodsFor(request.requestedAuthnContext);
  if (methods.length === 0) return { kind: 'refuse', refusal: refuse('NoAuthnContext') };
  if (queued && !request.isPassive) return { kind: 'queued' };
  const sessionClass = session?.authnContextClassRef ?? AUTHN_CLASS.PasswordProtectedTransport;
  if (session && !request.forceAuthn && satisfies(sessionClass, request.requestedAuthnContext)) return { kind: 'session' };
  if (request.isPassive) return { kind: 'refuse', refusal: refuse('NoPassive') };
  return { kind: 'login', methods };
}
