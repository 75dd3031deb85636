/*
 * Lenient-mode acceptances (issue 3, "Strict vs lenient per tenant").
 *
 * A tenant in lenient mode accepts the shapes Microsoft Entra's provisioning service sends in its legacy
 * (non-"aadOptscim062020") mode, and a few neighbours; each acceptance is recorded with a stable code so a
 * report can say exactly what was tolerated. A strict tenant refuses the same input with a precise 400.
 */

export type ToleranceCode =
  /** "True"/"False" (any case) where a boolean is defined — strict: 400 invalidValue. */
  | 'lenient/string-boolean'
  /** PATCH op "Replace"/"Add"/"Remove" (any case other than lower) — strict: 400 invalidSyntax. */
  | 'lenient/op-case'
  /** `{op:"remove", path:"members", value:[{value:id}]}` removes just those members — strict: 400 invalidSyntax. */
  | 'lenient/remove-members-by-value'
  /** Path-less add/replace keyed by a dotted name `{"name.givenName": "x"}` — strict: 400 invalidPath. */
  | 'lenient/dotted-key'
  /** A single value where a multi-valued attribute expects an array — strict: 400 invalidValue. */
  | 'lenient/single-value-as-array'
  /** An extension used in the body but missing from `schemas` (or core missing) — strict: 400 invalidSyntax. */
  | 'lenient/missing-schema-urn'
  /** A URN in `schemas` that is not a schema of the resource type (and names no attribute sent), dropped — strict: 400 invalidSyntax. */
  | 'lenient/unknown-schema-urn'
  /** A top-level key that is a URN-qualified attribute (`"urn:…:User:department": "x"`) — strict: 400 invalidSyntax. */
  | 'lenient/flat-urn-attribute'
  /** A bare string for a complex attribute with a `value` sub-attribute (Entra's legacy `manager: "id"`) — strict: 400 invalidValue. */
  | 'lenient/complex-as-value'
  /** PATCH replace through a value filter matching nothing creates the value, like add — strict: 400 noTarget. */
  | 'lenient/replace-creates-value'
  /**
   * A filter `emails[type eq "work"].value eq "x"` (a sub-attribute after a value filter: a PATCH path form,
   * outside the §3.4.2.2 filter ABNF) read as `emails[type eq "work" and value eq "x"]` — strict: 400 invalidFilter.
   */
  | 'lenient/value-path-sub-attribute-filter';

export interface Tolerance {
  readonly code: ToleranceCode;
  readonly detail: string;
}

export type ValidationMode = 'strict' | 'lenient';

/** Collects tolerances, one per code and detail. */
export class ToleranceLog {
  readonly list: Tolerance[] = [];
  add(code: ToleranceCode, detail: string): void {
    if (!this.list.some((t) => t.code === code && t.detail === detail)) this.list.push({ code, detail });
  }
}
