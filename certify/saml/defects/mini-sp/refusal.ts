/*
 * A refusal by the mini SP: a stable code (`area/what`) and nothing else. The ACS answers 403 with the code only,
 * so no refusal ever echoes what the message carried.
 */
export type MiniSpCode =
  | 'binding/malformed'
  | 'binding/too-large'
  | 'xml/doctype'
  | 'xml/malformed'
  | 'response/invalid'
  | 'status/not-success'
  | 'destination/mismatch'
  | 'assertion/count'
  | 'encryption/algorithm'
  | 'decryption/failed'
  | 'signature/algorithm'
  | 'signature/invalid'
  | 'signature/missing'
  | 'issuer/mismatch'
  | 'audience/mismatch'
  | 'conditions/expired'
  | 'conditions/not-yet-valid'
  | 'recipient/mismatch'
  | 'in-response-to/unknown'
  | 'unsolicited/refused'
  | 'replay/detected'
  | 'attributes/missing'
  | 'name-id/missing';

export class MiniSpRefusal extends Error {
  constructor(readonly code: MiniSpCode) {
    super(code);
    this.name = 'MiniSpRefusal';
  }
}

export function refuse(code: MiniSpCode): never {
  throw new MiniSpRefusal(code);
}
