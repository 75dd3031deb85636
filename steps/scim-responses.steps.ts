/*
 * SCIM responses: status, SCIM error bodies (RFC 7644 §3.12), headers, attributes of the returned resource,
 * discovery documents (RFC 7644 §4) and authentication (RFC 7644 §2). Steps assert statuses, scimTypes and
 * fields — never error message text.
 */
import assert from 'node:assert/strict';
import { Then, When } from '@cucumber/cucumber';
import { UNEXPOSED_DETAIL, type ScimType } from '../reference-sp/scim/types/errors.ts';
import { assertAbsent, assertAttribute, describeExchange as describe, jsonBody as body, listed } from './support/scim/assertions.ts';
import { ERROR_SCHEMA, readPath, type ScimExchange } from './support/scim/stage.ts';
import type { Json } from './support/scim/target.ts';
import type { HarnessWorld } from './support/world.ts';
import { lastCertifyExchange } from './certify-endpoint.steps.ts';
import { lastLimitsExchange } from './scim-limits.steps.ts';
import type { Exchange } from '../certify/driver/endpoint.ts';

// ---- requests ------------------------------------------------------------------------------------------------

When('the client reads {string}', async function (this: HarnessWorld, path: string) {
  await this.scim.send('GET', path);
});

When('the client lists Users without a token', async function (this: HarnessWorld) {
  const { baseUrl } = await this.scim.endpoint();
  await this.scim.send('GET', '/Users', { endpoint: { baseUrl, token: null } });
});

When('the client lists Users with a wrong token', async function (this: HarnessWorld) {
  const { baseUrl, token } = await this.scim.endpoint();
  await this.scim.send('GET', '/Users', { endpoint: { baseUrl, token: `wrong-${(token ?? 'none').split('').reverse().join('')}` } });
});

/** A path from the server's origin (`/scim/v2//Users`): what lies under the SCIM base but outside any tenant. */
When('the client requests {string} on the server', async function (this: HarnessWorld, path: string) {
  const { baseUrl } = await this.scim.endpoint();
  await this.scim.send('GET', `${new URL(baseUrl).origin}${path}`);
});

When('the client sends {word} to {string}', async function (this: HarnessWorld, method: string, path: string) {
  await this.scim.send(method, path, ['GET', 'HEAD', 'DELETE', 'OPTIONS'].includes(method) ? {} : { raw: '{}' });
});

// ---- status and errors ---------------------------------------------------------------------------------------

Then('the response status is {httpStatus}', function (this: HarnessWorld, status: number) {
  assert.equal(this.scim.last.status, status, describe(this.scim.last));
});

/** PATCH answers 200 with the resource or 204 No Content (RFC 7644 §3.5.2); other writes 200. */
Then('the request succeeds', function (this: HarnessWorld) {
  assert.ok([200, 204].includes(this.scim.last.status), `expected 200 or 204: ${describe(this.scim.last)}`);
});

/** An answer a SCIM error is asserted on, whichever driver got it. */
interface Answer {
  readonly status: number;
  readonly body: Json | undefined;
  /** The request and the response, for the failure message. */
  readonly described: string;
}

const answerOf = (exchange: ScimExchange | Exchange): Answer => ({ status: exchange.status, body: exchange.body, described: describe(exchange as ScimExchange) });

/**
 * The last answer of the scenario: the certification driver's (features/certify), the bounded-work tenant's
 * (features/scim/bounded-work.feature) or the SCIM stage's. One sentence asserts an error, whichever sent it.
 */
function lastAnswer(world: HarnessWorld): Answer {
  const certify = lastCertifyExchange(world);
  if (certify) return answerOf(certify);
  const limits = lastLimitsExchange(world);
  if (limits) return { status: limits.status, body: limits.body as Json | undefined, described: `${limits.status} ${JSON.stringify(limits.body ?? null).slice(0, 400)}` };
  return answerOf(world.scim.last);
}

function assertScimError(answer: Answer, status: number, scimType?: ScimType): void {
  assert.equal(answer.status, status, answer.described);
  const error = answer.body;
  assert.ok(error, `expected a JSON body: ${answer.described}`);
  assert.ok(Array.isArray(error['schemas']) && error['schemas'].includes(ERROR_SCHEMA), `expected the Error schema: ${answer.described}`);
  // RFC 7644 §3.12: "status" is the HTTP status code expressed as a JSON string.
  assert.equal(error['status'], String(status), `status must be the string "${status}": ${answer.described}`);
  if (scimType !== undefined) assert.equal(error['scimType'], scimType, answer.described);
}

Then('the response is a SCIM error with status {httpStatus}', function (this: HarnessWorld, status: number) {
  assertScimError(lastAnswer(this), status);
});

Then('the response is a SCIM error with status {httpStatus} and scimType {scimType}', function (this: HarnessWorld, status: number, scimType: ScimType) {
  assertScimError(lastAnswer(this), status, scimType);
});

/** A 501 names what is not implemented (RFC 7644 §3.12 Table 8), instead of the hidden detail of a 500. */
Then('the error names what is not implemented', function (this: HarnessWorld) {
  const detail = body(this.scim.last)['detail'];
  assert.ok(typeof detail === 'string' && detail !== '' && detail !== UNEXPOSED_DETAIL, `expected a detail naming the feature: ${describe(this.scim.last)}`);
});

Then('the response reveals no resources', function (this: HarnessWorld) {
  const response = this.scim.last.body ?? {};
  for (const key of ['Resources', 'totalResults', 'id', 'userName']) {
    assert.ok(!(key in response), `a refused request must not reveal "${key}": ${describe(this.scim.last)}`);
  }
});

Then('the response content type is {string}', function (this: HarnessWorld, mediaType: string) {
  const contentType = this.scim.last.headers.get('content-type') ?? '';
  assert.equal(contentType.split(';')[0]!.trim().toLowerCase(), mediaType, describe(this.scim.last));
});

// ---- the returned resource -----------------------------------------------------------------------------------

Then('the response has the schema {string}', function (this: HarnessWorld, schema: string) {
  const schemas = body(this.scim.last)['schemas'];
  assert.ok(Array.isArray(schemas) && schemas.includes(schema), `expected "${schema}" in schemas: ${describe(this.scim.last)}`);
});

Then('the response has {string} equal to {string}', function (this: HarnessWorld, path: string, expected: string) {
  assertAttribute(body(this.scim.last), path, this.scim.expand(expected), describe(this.scim.last));
});

Then('the response has {string} equal to the string {string}', function (this: HarnessWorld, path: string, expected: string) {
  assert.equal(readPath(body(this.scim.last), path), expected, `${path} must be the JSON string "${expected}": ${describe(this.scim.last)}`);
});

Then('the response has no {string}', function (this: HarnessWorld, path: string) {
  assertAbsent(body(this.scim.last), path, describe(this.scim.last));
});

Then("the response carries the new resource's id and meta of type {string}", function (this: HarnessWorld, resourceType: string) {
  const created = body(this.scim.last);
  assert.ok(typeof created['id'] === 'string' && created['id'] !== '', `expected an id: ${describe(this.scim.last)}`);
  assert.equal(readPath(created, 'meta.resourceType'), resourceType, describe(this.scim.last));
  for (const field of ['meta.created', 'meta.lastModified']) {
    const value = readPath(created, field);
    assert.ok(typeof value === 'string' && !Number.isNaN(Date.parse(value)), `expected ${field} as a date-time: ${describe(this.scim.last)}`);
  }
  const location = readPath(created, 'meta.location');
  assert.ok(typeof location === 'string' && location.endsWith(`/${created['id']}`), `expected meta.location ending in the id: ${describe(this.scim.last)}`);
});

Then("the Location header is the new resource's meta.location", function (this: HarnessWorld) {
  const location = this.scim.last.headers.get('location');
  assert.ok(location, `expected a Location header: ${describe(this.scim.last)}`);
  assert.equal(location, readPath(body(this.scim.last), 'meta.location'), describe(this.scim.last));
});

// ---- discovery -----------------------------------------------------------------------------------------------

Then('the configuration states whether {aliases} are supported', function (this: HarnessWorld, features: string[]) {
  const config = body(this.scim.last);
  for (const feature of features) {
    assert.equal(typeof readPath(config, `${feature}.supported`), 'boolean', `${feature}.supported must be a boolean: ${describe(this.scim.last)}`);
  }
});

Then('the configuration names at least one authentication scheme', function (this: HarnessWorld) {
  const schemes = body(this.scim.last)['authenticationSchemes'];
  assert.ok(Array.isArray(schemes) && schemes.length > 0, describe(this.scim.last));
  for (const scheme of schemes as Json[]) {
    assert.ok(typeof scheme['type'] === 'string' && typeof scheme['name'] === 'string', `each scheme has a type and a name: ${describe(this.scim.last)}`);
  }
});

Then('the resource type {string} is served at {string} with the schema {string}', function (this: HarnessWorld, name: string, endpoint: string, schema: string) {
  const type = listed(this.scim.last).find((entry) => entry['name'] === name);
  assert.ok(type, `no resource type "${name}": ${describe(this.scim.last)}`);
  assert.equal(type['endpoint'], endpoint);
  assert.equal(type['schema'], schema);
});

Then('the schemas listed include {aliases}', function (this: HarnessWorld, ids: string[]) {
  const present = listed(this.scim.last).map((schema) => schema['id']);
  for (const id of ids) assert.ok(present.includes(id), `"${id}" is not among ${JSON.stringify(present)}`);
});

Then('the schema defines the attribute {string}', function (this: HarnessWorld, name: string) {
  const attributes = body(this.scim.last)['attributes'];
  assert.ok(Array.isArray(attributes), describe(this.scim.last));
  assert.ok(
    (attributes as Json[]).some((attribute) => attribute['name'] === name),
    `no attribute "${name}": ${describe(this.scim.last)}`,
  );
});
