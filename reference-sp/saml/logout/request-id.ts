/*
 * - a refused LogoutRequest is still answered, InResponseTo its ID (SAML Core §3.2.2: the ID of the request
 *   "to which the response corresponds"), so the IdP can match the refusal and report a partial logout; before
 *   the request is authenticated its ID is repeated only when it has the shape of an xs:ID (an NCName, Core
 *   §1.3.4) of at most MAX_ID_LENGTH characters: anything else the sender wrote is not sent back
 */
export const MAX_ID_LENGTH = 128;
const NCNAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

export function plainId(id: string | undefined): string | undefined {
  return id !== undefined && id.length <= MAX_ID_LENGTH && NCNAME.test(id) ? id : undefined;
}
