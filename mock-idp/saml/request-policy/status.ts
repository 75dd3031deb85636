/*
 * The status codes a request policy refuses with (SAML Core §3.2.2.2) and the refusal that carries them. A
 * refusal is not an HTTP error: the IdP answers the SP's ACS with a signed Response whose Status says why
 * (./status-response.ts), because that is what the SP is waiting for and what real IdPs do.
 * - top level: Requester (the request was at fault) or Responder (the IdP cannot do what was asked)
 * - second level: NoPassive (§3.4.1 IsPassive), InvalidNameIDPolicy (§3.4.1.1), NoAuthnContext (§3.3.2.2.1)
 */
const STATUS = 'urn:oasis:names:tc:SAML:2.0:status:';

export const TOP_STATUS = { Requester: `${STATUS}Requester`, Responder: `${STATUS}Responder` } as const;
export type TopStatus = keyof typeof TOP_STATUS;

export const SUB_STATUS = {
  NoPassive: `${STATUS}NoPassive`,
  InvalidNameIDPolicy: `${STATUS}InvalidNameIDPolicy`,
  NoAuthnContext: `${STATUS}NoAuthnContext`,
} as const;
export type SubStatus = keyof typeof SUB_STATUS;

/** Which top-level code each second-level refusal goes with. */
const TOP_OF: Record<SubStatus, TopStatus> = { NoPassive: 'Responder', InvalidNameIDPolicy: 'Requester', NoAuthnContext: 'Responder' };

export class PolicyRefusal extends Error {
  override readonly name = 'PolicyRefusal';
  readonly top: TopStatus;
  constructor(readonly sub: SubStatus) {
    super(`the IdP answers ${TOP_OF[sub]} / ${sub}`);
    this.top = TOP_OF[sub];
  }
}

export const refuse = (sub: SubStatus): PolicyRefusal => new PolicyRefusal(sub);
