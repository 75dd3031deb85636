/*
 * Assertion helpers shared by the SCIM step files: every failure message carries the exchange it is about, so a
 * failed scenario explains itself without opening the transcript.
 */
import assert from 'node:assert/strict';
import { readPath, type ScimExchange } from './stage.ts';
import type { Json } from './target.ts';

export const describeExchange = (exchange: ScimExchange): string => `${exchange.method} ${exchange.url} → ${exchange.status} ${exchange.text.slice(0, 400)}`;

/** The JSON body of a response; a missing or non-JSON body fails the step. */
export function jsonBody(exchange: ScimExchange): Json {
  assert.ok(exchange.body, `expected a JSON body: ${describeExchange(exchange)}`);
  return exchange.body;
}

/** The Resources of a list response (RFC 7644 §3.4.2); absent means none (allowed when totalResults is 0). */
export function listed(exchange: ScimExchange): Json[] {
  const resources = jsonBody(exchange)['Resources'];
  if (resources === undefined) return [];
  assert.ok(Array.isArray(resources), `Resources must be an array: ${describeExchange(exchange)}`);
  return resources as Json[];
}

/** Compares an attribute with its textual form: strings as they are, booleans and numbers as JSON (`false`, `3`). */
export function assertAttribute(resource: Json, path: string, expected: string, context: string): void {
  const actual = readPath(resource, path);
  assert.notEqual(actual, undefined, `expected ${path}: ${context}`);
  assert.equal(typeof actual === 'string' ? actual : JSON.stringify(actual), expected, `${path}: ${context}`);
}

export function assertAbsent(resource: Json, path: string, context: string): void {
  const value = readPath(resource, path);
  assert.ok(value === undefined || value === null || (Array.isArray(value) && value.length === 0), `expected no ${path}: ${context}`);
}
