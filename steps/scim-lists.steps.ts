/*
 * SCIM list queries: filters (RFC 7644 §3.4.2.2), sorting (§3.4.2.3), pagination (§3.4.2.4) and attribute
 * selection on lists (§3.4.2.5). "This scenario's users" scopes a query with `userName sw "<prefix>"`, so that
 * whatever else lives on the endpoint never changes a result; the transcript shows the exact filter sent.
 */
import assert from 'node:assert/strict';
import { Then, When } from '@cucumber/cucumber';
import { assertAbsent, assertAttribute, describeExchange, jsonBody, listed } from './support/scim/assertions.ts';
import { scopeFilter } from './support/scim/scope-filter.ts';
import type { Json } from './support/scim/target.ts';
import type { HarnessWorld } from './support/world.ts';

function scoped(world: HarnessWorld, filter?: string): string {
  return scopeFilter(world.scim.prefix, filter === undefined ? undefined : world.scim.expand(filter));
}

const query = (parameters: Record<string, string | number>): string =>
  Object.entries(parameters)
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
    .join('&');

When('the client lists Users with the filter {string}', async function (this: HarnessWorld, filter: string) {
  await this.scim.send('GET', `/Users?${query({ filter: this.scim.expand(filter) })}`);
});

When('the client searches Users with POST .search and the filter {string}', async function (this: HarnessWorld, filter: string) {
  await this.scim.send('POST', '/Users/.search', {
    body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'], filter: this.scim.expand(filter) },
  });
});

When('the client filters Users on the userName of {string} written in upper case', async function (this: HarnessWorld, alias: string) {
  const userName = this.scim.known(alias).body['userName'];
  assert.equal(typeof userName, 'string');
  await this.scim.send('GET', `/Users?${query({ filter: `userName eq "${(userName as string).toUpperCase()}"` })}`);
});

When("the client lists this scenario's users with the filter {string}", async function (this: HarnessWorld, filter: string) {
  await this.scim.send('GET', `/Users?${query({ filter: scoped(this, filter) })}`);
});

When("the client lists this scenario's users with the attributes {string}", async function (this: HarnessWorld, attributes: string) {
  await this.scim.send('GET', `/Users?${query({ filter: scoped(this), attributes })}`);
});

When("the client lists this scenario's users sorted by {string} in {sortOrder} order", async function (this: HarnessWorld, sortBy: string, sortOrder: string) {
  await this.scim.send('GET', `/Users?${query({ filter: scoped(this), sortBy, sortOrder })}`);
});

When("the client lists this scenario's users from index {int} with a page size of {int}", async function (this: HarnessWorld, startIndex: number, count: number) {
  await this.scim.send('GET', `/Users?${query({ filter: scoped(this), startIndex, count })}`);
});

When("the client pages through this scenario's users {int} at a time", async function (this: HarnessWorld, count: number) {
  this.scim.pages = [];
  for (let startIndex = 1; this.scim.pages.length < 50; startIndex += count) {
    const exchange = await this.scim.send('GET', `/Users?${query({ filter: scoped(this), startIndex, count })}`);
    assert.equal(exchange.status, 200, describeExchange(exchange));
    const page = jsonBody(exchange);
    this.scim.pages.push(page);
    if (listed(exchange).length === 0 || startIndex + count > Number(page['totalResults'])) break;
  }
});

// ---- assertions ------------------------------------------------------------------------------------------------

function idsOf(world: HarnessWorld, aliases: string[]): string[] {
  return aliases.map((alias) => world.scim.known(alias).id);
}

function aliasOf(world: HarnessWorld, id: unknown): string {
  for (const [alias, resource] of world.scim.resources) if (resource.id === id) return alias;
  return `<unknown ${String(id)}>`;
}

Then('the list response holds exactly the users {aliases}', function (this: HarnessWorld, aliases: string[]) {
  const exchange = this.scim.last;
  assert.equal(exchange.status, 200, describeExchange(exchange));
  const found = listed(exchange)
    .map((resource) => aliasOf(this, resource['id']))
    .sort();
  assert.deepEqual(found, [...aliases].sort(), describeExchange(exchange));
  assert.equal(jsonBody(exchange)['totalResults'], aliases.length, `totalResults: ${describeExchange(exchange)}`);
});

Then('the list response holds exactly the users {aliases}, unless the filter is refused as invalidFilter', function (this: HarnessWorld, aliases: string[]) {
  const exchange = this.scim.last;
  if (exchange.status === 400) {
    // RFC 7644 §3.12: a filter the endpoint does not accept is a 400 invalidFilter error, nothing else.
    const error = jsonBody(exchange);
    assert.equal(error['status'], '400', describeExchange(exchange));
    assert.equal(error['scimType'], 'invalidFilter', describeExchange(exchange));
    this.log('the endpoint refused the filter as invalidFilter');
    return;
  }
  assert.equal(exchange.status, 200, describeExchange(exchange));
  const found = listed(exchange)
    .map((resource) => aliasOf(this, resource['id']))
    .sort();
  assert.deepEqual(found, [...aliases].sort(), describeExchange(exchange));
  this.log('the endpoint answered the filter');
});

Then('the list response holds no resources', function (this: HarnessWorld) {
  const exchange = this.scim.last;
  assert.equal(exchange.status, 200, describeExchange(exchange));
  assert.equal(jsonBody(exchange)['totalResults'], 0, describeExchange(exchange));
  assert.equal(listed(exchange).length, 0, describeExchange(exchange));
});

Then('the list response holds the users {aliases} in that order', function (this: HarnessWorld, aliases: string[]) {
  const exchange = this.scim.last;
  assert.equal(exchange.status, 200, describeExchange(exchange));
  assert.deepEqual(
    listed(exchange).map((resource) => resource['id']),
    idsOf(this, aliases),
    describeExchange(exchange),
  );
});

Then('the listed user {string} has {string} equal to {string}', function (this: HarnessWorld, alias: string, path: string, expected: string) {
  const resource = listed(this.scim.last).find((entry) => entry['id'] === this.scim.known(alias).id);
  assert.ok(resource, `"${alias}" is not listed: ${describeExchange(this.scim.last)}`);
  assertAttribute(resource, path, this.scim.expand(expected), describeExchange(this.scim.last));
});

Then('no listed resource has {string}', function (this: HarnessWorld, path: string) {
  for (const resource of listed(this.scim.last)) assertAbsent(resource, path, describeExchange(this.scim.last));
});

Then(
  'the list response has totalResults {int}, startIndex {int} and itemsPerPage {int}',
  function (this: HarnessWorld, totalResults: number, startIndex: number, itemsPerPage: number) {
    const page = jsonBody(this.scim.last);
    const context = describeExchange(this.scim.last);
    assert.equal(page['totalResults'], totalResults, `totalResults: ${context}`);
    assert.equal(page['startIndex'], startIndex, `startIndex: ${context}`);
    assert.equal(page['itemsPerPage'], itemsPerPage, `itemsPerPage: ${context}`);
    assert.equal(listed(this.scim.last).length, itemsPerPage, `the page holds itemsPerPage resources: ${context}`);
  },
);

Then('every page reported totalResults {int}', function (this: HarnessWorld, totalResults: number) {
  assert.ok(this.scim.pages.length > 1, 'the walk should span several pages');
  for (const page of this.scim.pages) assert.equal(page['totalResults'], totalResults, JSON.stringify(page).slice(0, 400));
});

Then("the pages together hold each of this scenario's users exactly once", function (this: HarnessWorld) {
  const seen = this.scim.pages.flatMap((page) => ((page['Resources'] as Json[] | undefined) ?? []).map((resource) => resource['id']));
  const expected = [...this.scim.resources.values()].filter((resource) => resource.kind === 'Users').map((resource) => resource.id);
  assert.deepEqual([...seen].sort(), [...expected].sort(), 'each user appears on exactly one page');
});
