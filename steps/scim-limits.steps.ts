/*
 * Bounded work per tenant (features/scim/bounded-work.feature): a tenant of the scenario's own with small
 * limits (./support/scim-limits-stage.ts) — the scan bound on unindexed filters and sortBy (tooMany), the rate
 * limit (429 + Retry-After) and the upload timeout (408). Steps assert statuses, scimTypes and headers, never
 * message text. The stage lives beside the World (one per scenario) and is closed after the scenario.
 */
import assert from 'node:assert/strict';
import { After, Given, Then, When } from '@cucumber/cucumber';
import { ScimLimitsStage, type LimitsExchange } from './support/scim-limits-stage.ts';
import type { HarnessWorld } from './support/world.ts';

const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';
const stages = new WeakMap<HarnessWorld, ScimLimitsStage>();

/** The bounded-work tenant's last answer, when this scenario sent it a request. */
export function lastLimitsExchange(world: HarnessWorld): LimitsExchange | undefined {
  return stages.get(world)?.responses.at(-1);
}

function stage(world: HarnessWorld): ScimLimitsStage {
  let s = stages.get(world);
  if (!s) {
    s = new ScimLimitsStage();
    stages.set(world, s);
  }
  return s;
}

After(async function (this: HarnessWorld) {
  await stages.get(this)?.close();
});

// ---- the tenant ----------------------------------------------------------------------------------------------

Given('a SCIM tenant that examines at most {int} users without an index', function (this: HarnessWorld, maxScan: number) {
  stage(this).configure({ maxScan });
});

Given('the tenant holds {int} users', async function (this: HarnessWorld, n: number) {
  await stage(this).createUsers(n);
});

Given(
  'a SCIM tenant that admits bursts of {int} requests and {int} request(s) every {int} seconds',
  function (this: HarnessWorld, burst: number, requests: number, seconds: number) {
    stage(this).configure({ rateLimit: { burst, requestsPerSecond: requests / seconds } });
  },
);

Given('a SCIM tenant that waits at most {int} ms for the rest of a request body', function (this: HarnessWorld, ms: number) {
  stage(this).configure({ upload: { idleTimeoutMs: ms, timeoutMs: ms * 2 } });
});

// ---- requests ------------------------------------------------------------------------------------------------

When('its client lists users with the filter {string}', async function (this: HarnessWorld, filter: string) {
  await stage(this).send('GET', `/Users?filter=${encodeURIComponent(filter)}`);
});

When('its client lists users sorted by {string}', async function (this: HarnessWorld, sortBy: string) {
  await stage(this).send('GET', `/Users?sortBy=${encodeURIComponent(sortBy)}`);
});

When('its client lists users from index {int}, {int} at a time', async function (this: HarnessWorld, startIndex: number, count: number) {
  await stage(this).send('GET', `/Users?startIndex=${startIndex}&count=${count}`);
});

When('its client sends {int} requests in a row', async function (this: HarnessWorld, n: number) {
  for (let i = 0; i < n; i++) await stage(this).send('GET', '/Users?count=1');
});

When('its client starts creating a user and stops sending halfway', async function (this: HarnessWorld) {
  await stage(this).stallHalfway();
});

// ---- answers -------------------------------------------------------------------------------------------------

Then('the tenant answers {httpStatus} with {int} result(s)', function (this: HarnessWorld, status: number, n: number) {
  const { last } = stage(this);
  assert.equal(last.status, status, JSON.stringify(last.body));
  assert.equal((last.body?.['Resources'] as unknown[] | undefined)?.length, n);
});

Then('the first {int} requests are answered {httpStatus}', function (this: HarnessWorld, n: number, status: number) {
  assert.deepEqual(
    stage(this)
      .responses.slice(0, n)
      .map((r) => r.status),
    Array(n).fill(status),
  );
});

Then('the last is answered {httpStatus} with Retry-After {string} and a SCIM error body', function (this: HarnessWorld, status: number, retryAfter: string) {
  const { last } = stage(this);
  assert.equal(last.status, status);
  assert.equal(last.headers['retry-after'], retryAfter);
  assert.deepEqual(last.body?.['schemas'], [ERROR_SCHEMA]);
  assert.equal(last.body?.['status'], String(status));
});

Then('the tenant answers {httpStatus} with a SCIM error body and closes the connection', function (this: HarnessWorld, status: number) {
  const { last } = stage(this);
  assert.equal(last.status, status);
  assert.deepEqual(last.body?.['schemas'], [ERROR_SCHEMA]);
  assert.equal(last.closed, true);
});
