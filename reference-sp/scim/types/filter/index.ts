/* Public entry of the SCIM filter (RFC 7644 §3.4.2.2): AST types, parser, evaluator. */
export * from './ast.ts';
export { parseFilter, parseAttrPath } from './parser.ts';
export { evaluateFilter, evaluateValueFilter, filterPredicate, checkFilter } from './evaluate.ts';
