/*
 * Steps that check what Entra sent and what it reported: the requests per object (paths relative to the tenant
 * URL, `{id}` for the object's own SCIM id, `{random GUID}` for Test Connection's), PATCH bodies, retries,
 * Test Connection's verdict, each object's outcome, and the provisioning log written to reports/.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Then, When, type DataTable } from '@cucumber/cucumber';
import type { ScimType } from '../reference-sp/scim/types/errors.ts';
import type { RequestRow } from './support/entra/stage.ts';
import type { HarnessWorld } from './support/world.ts';

const rowsOf = (table: DataTable) =>
  table.hashes().map((r) => ({ method: r['method']!, path: r['path']!, status: Number(r['status']), ...(r['attempt'] ? { attempt: Number(r['attempt']) } : {}) }));
const shown = (rows: readonly RequestRow[], withAttempt: boolean) =>
  rows.map((r) => ({ method: r.method, path: r.path, status: r.status, ...(withAttempt ? { attempt: r.attempt } : {}) }));

/** `{id of <name>}` in an expected body → that object's SCIM id. */
function withIds(world: HarnessWorld, text: string): unknown {
  return JSON.parse(text.replace(/\{id of ([^}]+)\}/g, (_, name: string) => world.entra.targetId(name)));
}

function lastCycle(world: HarnessWorld): number {
  const cycle = world.entra.lastCycle?.cycle;
  assert.ok(cycle, 'no cycle ran');
  return cycle;
}

// ---- requests ----

Then('Entra sent exactly these requests outside any object:', function (this: HarnessWorld, table: DataTable) {
  assert.deepEqual(shown(this.entra.requestsFor(undefined), false), rowsOf(table));
});

Then('Entra sent exactly these requests for {string}:', function (this: HarnessWorld, name: string, table: DataTable) {
  assert.deepEqual(shown(this.entra.requestsFor(name), false), rowsOf(table));
});

Then('Entra sent exactly these requests for {string} in that cycle:', function (this: HarnessWorld, name: string, table: DataTable) {
  assert.deepEqual(shown(this.entra.requestsFor(name, lastCycle(this)), false), rowsOf(table));
});

Then('Entra sent these POST requests for {string}:', function (this: HarnessWorld, name: string, table: DataTable) {
  assert.deepEqual(
    shown(
      this.entra.requestsFor(name).filter((r) => r.method === 'POST'),
      true,
    ),
    rowsOf(table),
  );
});

Then('Entra sent no request for {string}', function (this: HarnessWorld, name: string) {
  assert.ok(this.entra.exchanges.length > 0, 'no request was sent at all');
  assert.deepEqual(this.entra.requestsFor(name), []);
});

Then('Entra sent no request in that cycle', function (this: HarnessWorld) {
  assert.equal(this.entra.lastCycle?.requests, 0);
});

Then('the POST for {string} listed the schema {string}', function (this: HarnessWorld, name: string, urn: string) {
  const [body] = this.entra.bodiesFor(name, 'POST') as Array<{ schemas?: string[] }>;
  assert.ok(body, `no POST for ${name}`);
  assert.ok(body.schemas?.includes(urn), `schemas ${JSON.stringify(body.schemas)} lack ${urn}`);
});

Then('the POST for {string} carried no attribute named {string}', function (this: HarnessWorld, name: string, attribute: string) {
  const [body] = this.entra.bodiesFor(name, 'POST') as Array<Record<string, unknown>>;
  assert.ok(body, `no POST for ${name}`);
  assert.ok(!Object.keys(body).some((k) => k.toLowerCase() === attribute.toLowerCase()), `the POST carried ${attribute}`);
});

Then('the PATCH for {string} in that cycle was:', function (this: HarnessWorld, name: string, expected: string) {
  assert.deepEqual(this.entra.bodiesFor(name, 'PATCH', lastCycle(this)), [withIds(this, expected)]);
});

Then(/^the PATCH for "([^"]+)" added (.+) as \{"\$ref": null, "value": id\}$/, function (this: HarnessWorld, group: string, members: string) {
  const ids = [...members.matchAll(/"([^"]+)"/g)].map((m) => this.entra.targetId(m[1]!));
  const value = ids.map((id) => ({ $ref: null, value: id }));
  const op = this.entra.patch === 'compliant' ? 'add' : 'Add';
  assert.deepEqual(this.entra.bodiesFor(group, 'PATCH'), [{ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op, path: 'members', value }] }]);
});

Then(/^the PATCH for "([^"]+)" in that cycle removed "([^"]+)" with the path members\[value eq "id"\]$/, function (this: HarnessWorld, group: string, member: string) {
  const path = `members[value eq "${this.entra.targetId(member)}"]`;
  assert.deepEqual(this.entra.bodiesFor(group, 'PATCH', lastCycle(this)), [{ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'remove', path }] }]);
});

Then('the server answered the PATCH for {string} with {httpStatus} and scimType {scimType}', function (this: HarnessWorld, name: string, status: number, scimType: ScimType) {
  const patch = this.entra.exchanges.filter((e) => e.object?.name === name && e.method === 'PATCH').at(-1);
  assert.ok(patch, `no PATCH for ${name}`);
  assert.equal(patch.status, status);
  assert.equal((patch.responseBody as { scimType?: string }).scimType, scimType);
  assert.equal((patch.responseBody as { status?: string }).status, String(status));
});

// ---- retries ----

Then('Entra waited {int} ms before retrying', function (this: HarnessWorld, ms: number) {
  assert.deepEqual(this.entra.sleeps, [ms]);
});

Then('Entra waited {int} ms, {int} ms and {int} ms between the attempts', function (this: HarnessWorld, a: number, b: number, c: number) {
  assert.deepEqual(this.entra.sleeps, [a, b, c]);
});

Then('Entra retried Test Connection {int} times before giving up', function (this: HarnessWorld, retries: number) {
  const attempts = this.entra.requestsFor(undefined).map((r) => r.attempt);
  assert.deepEqual(
    attempts,
    Array.from({ length: retries + 1 }, (_, i) => i + 1),
  );
  assert.equal(this.entra.sleeps.length, retries);
});

// ---- Test Connection ----

Then('Test Connection succeeds', function (this: HarnessWorld) {
  assert.ok(this.entra.connectionTested, 'Test Connection did not run');
  assert.equal(this.entra.connectionError, undefined, `Test Connection failed: ${this.entra.connectionError?.message}`);
});

Then('the server answered an empty ListResponse to Test Connection', function (this: HarnessWorld) {
  const [probe] = this.entra.exchanges.filter((e) => !e.object);
  assert.ok(probe, 'Test Connection sent nothing');
  assert.equal(probe.status, 200);
  assert.deepEqual((probe.responseBody as { schemas?: string[] }).schemas, ['urn:ietf:params:scim:api:messages:2.0:ListResponse']);
  assert.equal((probe.responseBody as { totalResults?: number }).totalResults, 0);
});

Then('Test Connection fails with {string} and status {httpStatus}', function (this: HarnessWorld, code: string, status: number) {
  assert.ok(this.entra.connectionError, 'Test Connection succeeded');
  assert.equal(this.entra.connectionError.code, code);
  assert.equal(this.entra.connectionError.status, status);
});

Then('the job is quarantined', async function (this: HarnessWorld) {
  assert.ok((await this.entra.provisioner())?.engine.quarantined, 'the job is not quarantined');
});

Then('the job is not quarantined', async function (this: HarnessWorld) {
  assert.equal((await this.entra.provisioner())?.engine.quarantined, undefined);
});

Then('the next cycle sends no request', async function (this: HarnessWorld) {
  const before = this.entra.received.length;
  const result = await this.entra.runCycle();
  assert.equal(result.requests, 0);
  assert.equal(this.entra.received.length, before);
});

// ---- configuration ----

Then('the configuration is refused with {string} naming {string}', function (this: HarnessWorld, code: string, name: string) {
  assert.ok(this.entra.configError, 'the configuration was accepted');
  assert.equal(this.entra.configError.code, code);
  assert.ok(
    this.entra.configError.problems.some((p) => p.includes(`"${name}"`)),
    `no problem names ${name}: ${this.entra.configError.problems.join('; ')}`,
  );
});

Then('the server received no request', function (this: HarnessWorld) {
  assert.deepEqual(this.entra.received, []);
});

// ---- outcomes ----

Then(/^the provisioning log shows "([^"]+)" as (created|updated|disabled|deleted|unchanged|skipped)$/, function (this: HarnessWorld, name: string, outcome: string) {
  assert.equal(this.entra.outcomeOf(name)?.outcome, outcome);
});

Then(
  /^the provisioning log shows "([^"]+)" as (created|updated|disabled|deleted|unchanged|skipped) because "([^"]+)"$/,
  function (this: HarnessWorld, name: string, outcome: string, reason: string) {
    const o = this.entra.outcomeOf(name);
    assert.deepEqual({ outcome: o?.outcome, reason: o?.reason }, { outcome, reason });
  },
);

Then('the provisioning log shows {string} as failed with {string} and scimType {scimType}', function (this: HarnessWorld, name: string, code: string, scimType: ScimType) {
  const o = this.entra.outcomeOf(name);
  assert.equal(o?.outcome, 'failed');
  assert.equal(o.code, code);
  // The reason carries the server's scimType as a token (RFC 7644 §3.12), not as prose to match.
  assert.ok(o.reason?.split(/[\s:–]+/).includes(scimType), `reason "${o.reason}" does not name ${scimType}`);
});

Then('no object failed in that cycle', function (this: HarnessWorld) {
  assert.deepEqual(this.entra.lastCycle?.failed, []);
});

Then('exactly one object failed in that cycle, with {string}', function (this: HarnessWorld, code: string) {
  assert.deepEqual(
    this.entra.lastCycle?.failed.map((f) => f.code),
    [code],
  );
});

// ---- the provisioning log files ----

When('the provisioning log is written to the reports directory', function (this: HarnessWorld) {
  this.entra.reportFiles = this.entra.writeLog();
});

interface LogFile {
  exchanges: Array<{ method: string; url: string; status: number; cycle: number }>;
  outcomes: Array<{ cycle: number; object: { name: string }; outcome: string; reason?: string }>;
}

function readJsonLog(world: HarnessWorld): LogFile {
  assert.ok(world.entra.reportFiles, 'the log was not written');
  return JSON.parse(readFileSync(world.entra.reportFiles.json, 'utf8')) as LogFile;
}

Then('the JSON log lists every request the server received', function (this: HarnessWorld) {
  const logged = readJsonLog(this).exchanges.map((e) => `${e.method} ${new URL(e.url).pathname}${new URL(e.url).search}`);
  const received = this.entra.received.map((r) => `${r.method} ${r.url}`);
  assert.ok(received.length > 0, 'the server received nothing');
  assert.deepEqual([...logged].sort(), [...received].sort());
});

Then('the JSON log shows these outcomes:', function (this: HarnessWorld, table: DataTable) {
  const outcomes = readJsonLog(this).outcomes.map((o) => ({ cycle: String(o.cycle), object: o.object.name, outcome: o.outcome, reason: o.reason ?? '' }));
  const sort = (rows: Array<Record<string, string>>) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  assert.deepEqual(sort(outcomes), sort(table.hashes()));
});

Then("the HTML log shows every request's method and URL", async function (this: HarnessWorld) {
  assert.ok(this.entra.reportFiles, 'the log was not written');
  const html = readFileSync(this.entra.reportFiles.html, 'utf8');
  const rows = [...html.matchAll(/<tr><td>\d+<\/td><td>\d+<\/td><td>[^<]*<\/td><td>([A-Z]+)<\/td><td><code>([^<]*)<\/code>/g)];
  const shownRows = rows.map((m) => `${m[1]} ${unescapeHtml(m[2]!)}`).sort();
  const { origin } = await this.entra.server();
  const expected = this.entra.received.map((r) => `${r.method} ${decodeURIComponent(`${origin}${r.url}`)}`).sort();
  assert.ok(expected.length > 0, 'the server received nothing');
  assert.deepEqual(shownRows, expected);
});

Then('the HTML log shows each object with its outcome', function (this: HarnessWorld) {
  assert.ok(this.entra.reportFiles, 'the log was not written');
  const html = readFileSync(this.entra.reportFiles.html, 'utf8');
  for (const o of this.entra.outcomes) {
    const row = new RegExp(`<tr class="${o.outcome}"><td>${o.cycle}</td><td>${o.object.type}</td><td>${escapeRegExp(o.object.name)}</td><td>${o.outcome}</td>`);
    assert.match(html, row);
  }
  assert.ok(this.entra.outcomes.length > 0);
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Reverses the HTML escaping of the log (&amp; &lt; &gt; &quot; &#39;). */
function unescapeHtml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);
}
