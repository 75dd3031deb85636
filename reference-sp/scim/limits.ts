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
 * - MAX_FILTER_DEPTH / MAX_FILTER_NODES: nesting and size of a filter (query, SearchRequest, PATCH path) →
 *   invalidFilter
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
 * POST or PUT). What a value costs is paid synchronously in one transaction (validation, the PATCH, the store
 * write, the response): at 1,000 a PATCH adding 1,000 emails to a user with 1,000 holds the event loop about
 * 20 ms on the bench machine, at 10,000 about 250 ms (bench/scim-hostile.ts). Entra and Okta send group members
 * in batches far smaller than this; a client with more splits them over several requests.
 */
export const MAX_VALUES_PER_ATTRIBUTE = 1_000;

/**
 * Value-filter evaluations one PATCH may make: an operation with a value filter (`emails[type eq "work"].value`)
 * tests every value of its attribute. 20,000 is 1,000 such operations on a user with 20 emails, or 20 on a list
 * of 1,000; it keeps a PATCH's filters to a few milliseconds of the event loop (bench/scim-hostile.ts, goal: a
 * concurrent GET's p99 < 50 ms); more is refused with nothing written. A run of `remove members[value eq "…"]`
 * operations (Okta's shape, one per member) is looked up in an index instead: one pass over the members plus one
 * evaluation per match, whatever the run's length. On the server, a group PATCH made only of member adds and
 * removes never builds the member list at all (the membership delta path, messages/patch-op.ts memberDelta):
 * each value named is one primary-key lookup, and counts one evaluation when it is a member.
 */
export const MAX_PATCH_SCAN = 20_000;

/**
 * Parentheses and `not (…)` nesting in one filter (types/filter/parser.ts recurses once per level). Entra and Okta
 * send flat filters (`userName eq "…"`, `externalId eq "…"`); 64 is far beyond any hand-written one.
 */
export const MAX_FILTER_DEPTH = 64;

/** Expressions in one filter: bounds parsing and the per-resource cost of evaluating it. */
export const MAX_FILTER_NODES = 1000;
