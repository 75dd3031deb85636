/*
 * Authentication context classes the mock IdP knows, in the order of strength it compares them by, and the two
 * ways a user can authenticate at it.
 * SAML Core §3.3.2.2.1 leaves the strength of a class to the responder ("as determined by the responder"); the
 * order here follows the class definitions of the SAML 2.0 Authentication Context spec (saml-authn-context-2.0-os
 * §3.4): a password sent in the clear (Password) < a password over a protected session (PasswordProtectedTransport)
 * < proof of a key or a second factor (X509, Smartcard, TimeSyncToken, MobileTwoFactorContract). Classes on one
 * rung are equally strong; a class the IdP does not know has no strength and matches only `exact`.
 * The IdP signs users in with a password over TLS (PasswordProtectedTransport) or "with MFA"
 * (MobileTwoFactorContract: a password plus a one-time code from the user's phone).
 */
const AC = 'urn:oasis:names:tc:SAML:2.0:ac:classes:';

export const AUTHN_CLASS = {
  Password: `${AC}Password`,
  PasswordProtectedTransport: `${AC}PasswordProtectedTransport`,
  X509: `${AC}X509`,
  Smartcard: `${AC}Smartcard`,
  TimeSyncToken: `${AC}TimeSyncToken`,
  MobileTwoFactorContract: `${AC}MobileTwoFactorContract`,
  unspecified: `${AC}unspecified`,
} as const;

const STRENGTH: ReadonlyMap<string, number> = new Map([
  [AUTHN_CLASS.Password, 1],
  [AUTHN_CLASS.PasswordProtectedTransport, 2],
  [AUTHN_CLASS.X509, 3],
  [AUTHN_CLASS.Smartcard, 3],
  [AUTHN_CLASS.TimeSyncToken, 3],
  [AUTHN_CLASS.MobileTwoFactorContract, 3],
]);

/** The strength of a class, or undefined for one the IdP does not rank (including `unspecified`). */
export function strengthOf(classRef: string): number | undefined {
  return STRENGTH.get(classRef);
}

/** How a user authenticates at the mock IdP: its login page's "Sign in" or "Sign in with MFA". */
export const AUTHN_METHODS = ['password', 'mfa'] as const;
export type AuthnMethod = (typeof AUTHN_METHODS)[number];

export const CLASS_OF_METHOD: Readonly<Record<AuthnMethod, string>> = {
  password: AUTHN_CLASS.PasswordProtectedTransport,
  mfa: AUTHN_CLASS.MobileTwoFactorContract,
};

export function isAuthnMethod(v: unknown): v is AuthnMethod {
  return typeof v === 'string' && (AUTHN_METHODS as readonly string[]).includes(v);
}
