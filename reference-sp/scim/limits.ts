/*
 * What one SCIM request may cost the reference SP — every bound in one place, each with why it is where it is.
 * The body size (tenant `maxBodyBytes`, default 1 MiB), /Bulk maxOperations / maxPayloadSize (RFC 7644 §3.7.4)
 * and filter.maxResults are per-tenant settings (reference-sp/config/scim-section.ts), advertised in
 * /ServiceProviderConfig (RFC 7643 §5). The bounds below have no field there (RFC 7643 §5 defines none for PATCH),
 * so they are documented in docs/reference-scim.md ("Limits") instead.
 *
 * Every one of them answers 400 with a stable scimType (RFC 7644 §3.12 Table 9 pairs), never a 500:
 * - MAX_JSON_DEPTH: nesting of a request body → invalidSyntax ("the request body message structure was invalid")
 * - MAX_PATCH_OPERATIONS: operations of one PATCH → tooMany (Table 9 lists tooMany for PATCH: "more than the
 *   server is willing to … process")
 * - MAX_VALUES_PER_ATTRIBUTE: values one request gives one multi-valued attribute → invalidValue (Table 9 allows
 *   it for POST, PUT and PATCH, where tooMany is only for filters)
 * - MAX_PATCH_SCAN: value-filter evaluations one PATCH may make → tooMany (a PATCH path filter, Table 9)
 */

/**
 * Deepest nesting of objects and arrays in a request body. The deepest SCIM message is a /Bulk operation's data
 * holding an extension's complex multi-valued attribute: BulkRequest → Operations → [i] → data → extension →
 * attribute → [j] → sub-attribute, 8 levels; 32 leaves room and still bounds every recursive walk far below the
 * stack (a 4,000-level body used to overflow it in bulkId resolution: a 500).
 */
export const MAX_JSON_DEPTH = 32;

/**
 * Operations in one PATCH request. Entra sends one operation per changed attribute and batches group member
 * changes (a few dozen at most); Okta sends one per member. 1,000 is /Bulk's default maxOperations too.
 */
export const MAX_PATCH_OPERATIONS = 1_000;

/**
 * Values one request may give one multi-valued attribute (summed over a PATCH's operations on it; the array of a
 * POST or PUT). A 1 MiB body holds about 20,000 `{"value":"<uuid>"}` members; 10,000 covers a group push from
 * Entra or Okta and bounds the work of one request.
 */
export const MAX_VALUES_PER_ATTRIBUTE = 10_000;

/**
 * Value-filter evaluations one PATCH may make (each operation with a value filter, such as
 * `members[value eq "…"]`, tests every value of its attribute). 1,000,000 is 50 such operations on a group of
 * 20,000 members, about 100 ms of CPU on the bench machine; more is refused before anything is written.
 */
export const MAX_PATCH_SCAN = 1_000_000;
