/*
 * The authentication context classes a tenant may request (SAML Core §3.3.2.2.1, <RequestedAuthnContext>), by
 * short name or URI, and the order of strength the SP judges the IdP's answer by (./checks/check-authn-context.ts).
 * Core leaves strength to the parties; this SP ranks the classes of the SAML 2.0 Authentication Context spec
 * (saml-authn-context-2.0-os §3.4) as: Password (cleartext) < PasswordProtectedTransport (password over TLS)
 * < X509 = Smartcard = TimeSyncToken = MobileTwoFactorContract (a key or a second factor). A class it does not
 * rank satisfies only an `exact` request that lists it.
 */
const AC = 'urn:oasis:names:tc:SAML:2.0:ac:classes:';

/** Short names a configuration may use instead of the class URI, with their rung. */
export const AUTHN_CONTEXT_CLASSES = {
  Password: 1,
  PasswordProtectedTransport: 2,
  X509: 3,
  Smartcard: 3,
  TimeSyncToken: 3,
  MobileTwoFactorContract: 3,
} as const;
export type AuthnContextClassName = keyof typeof AUTHN_CONTEXT_CLASSES;

export const AUTHN_COMPARISONS = ['exact', 'minimum', 'better', 'maximum'] as const;
export type AuthnComparison = (typeof AUTHN_COMPARISONS)[number];

/** The URI of a class given by short name; a URI stays as it is. */
export function authnContextClassUri(nameOrUri: string): string {
  return Object.hasOwn(AUTHN_CONTEXT_CLASSES, nameOrUri) ? `${AC}${nameOrUri}` : nameOrUri;
}

function rung(uri: string): number | undefined {
  if (!uri.startsWith(AC)) return undefined;
  const name = uri.slice(AC.length);
  return Object.hasOwn(AUTHN_CONTEXT_CLASSES, name) ? AUTHN_CONTEXT_CLASSES[name as AuthnContextClassName] : undefined;
}

/** Core §3.3.2.2.1: whether the class the IdP used meets what was requested (class URIs on both sides). */
export function meetsRequest(used: string, requested: { readonly comparison: AuthnComparison; readonly classes: readonly string[] }): boolean {
  if (requested.comparison === 'exact') return requested.classes.includes(used);
  const have = rung(used);
  if (have === undefined) return false;
  const ranks = requested.classes.map(rung).filter((r): r is number => r !== undefined);
  switch (requested.comparison) {
    case 'minimum':
      return ranks.some((r) => have >= r);
    case 'better':
      return ranks.some((r) => have > r);
    case 'maximum':
      return ranks.some((r) => have <= r);
  }
}
