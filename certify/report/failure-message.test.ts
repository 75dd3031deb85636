import { describe, expect, it } from 'vitest';
import { errorSentence, lastExchange, readableFailure, readableRunError, withoutLocalPaths } from './failure-message.ts';

const STAGE_TRANSCRIPT = [
  '> POST https://scim.example.test/v2/Users',
  '> authorization: Bearer abc…',
  '> {"userName":"ssoh-1-alice@example.com"}',
  '< 201',
  '< content-type: application/scim+json',
  '< {"id":"1","userName":"ssoh-1-alice@example.com"}',
  '',
  '> GET https://scim.example.test/v2/Users?filter=userName%20eq%20%22x%22',
  '> authorization: Bearer abc…',
  '< 500',
  '< content-type: text/plain',
  '< Internal Server Error',
  '',
  '===== cleanup: deleting what this scenario created =====',
  '> DELETE https://scim.example.test/v2/Users/1',
  '< 204',
].join('\n');

const DRIVER_ATTACHMENT = [
  'PATCH https://scim.example.test/v2/Users/1',
  'authorization: Bearer <redacted>',
  '',
  '{ "Operations": [] }',
  '',
  '→ 400 Bad Request',
  'content-type: application/scim+json',
  '',
  '{',
  '  "scimType": "invalidSyntax"',
  '}',
].join('\n');

const STACK = [
  'AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:',
  '',
  '500 !== 200',
  '',
  '    at World.<anonymous> (/home/ci/work/sso-harness/steps/scim-users.steps.ts:42:10)',
  '    at file:///home/ci/work/sso-harness/node_modules/@cucumber/cucumber/lib/runtime/step_runner.js:1:1',
].join('\n');

describe('readable failure messages', () => {
  it('keep the assertion, drop the stack frames and the error class, and add the last exchange before clean-up', () => {
    const text = readableFailure(STACK, [{ name: 'scim-transcript.txt', text: STAGE_TRANSCRIPT }])!;
    expect(text).toBe('got 500, expected 200 (request GET https://scim.example.test/v2/Users?filter=userName%20eq%20%22x%22, response 500 Internal Server Error)');
  });

  it("say node:assert's comparison first, once, before the exchange the message carries", () => {
    const raw = [
      'AssertionError [ERR_ASSERTION]: POST https://scim.example.test/v2/Users → 200 {"id":"1"}',
      '',
      '200 !== 201',
      '',
      '    + expected - actual',
      '',
      '    -200',
      '    +201',
      '',
      '    at HarnessWorld.<anonymous> (/work/main/steps/scim-responses.steps.ts:46:10)',
    ].join('\n');
    expect(readableFailure(raw, [{ name: 't', text: STAGE_TRANSCRIPT }])).toBe('got 200, expected 201: POST https://scim.example.test/v2/Users → 200 {"id":"1"}.');
    const deep = "AssertionError [ERR_ASSERTION]: Expected values to be strictly deep-equal:\n+ actual - expected\n\n  [\n+   'a'\n-   'b'\n  ]\n    at x (/root/a.ts:1:1)";
    expect(errorSentence(deep)).toBe("got 'a', expected 'b'");
  });

  it("keep an assert.ok message that cucumber's formatter replaced by a diff (the catalog puts it first)", () => {
    const raw =
      'expected the Error schema: GET https://scim.example.test/v2/Users/9 → 404 {"error":"Not Found"}\nAssertionError [ERR_ASSERTION]\n    + expected - actual\n\n    -false\n    +true\n\n    at HarnessWorld.<anonymous> (/work/main/steps/scim-responses.steps.ts:119:10)';
    expect(readableFailure(raw)).toBe('expected the Error schema: GET https://scim.example.test/v2/Users/9 → 404 {"error":"Not Found"}.');
    expect(readableFailure('AssertionError [ERR_ASSERTION]\n    + expected - actual\n\n    -false\n    +true\n')).toBe('got false, expected true.');
  });

  it('read the Entra/Okta driver transcript too', () => {
    expect(lastExchange([{ name: '3. PATCH /v2/Users/1 → 400', text: DRIVER_ATTACHMENT }])).toBe(
      'request PATCH https://scim.example.test/v2/Users/1, response 400 Bad Request { "scimType": "invalidSyntax" }',
    );
  });

  it('do not repeat an exchange the message already shows', () => {
    const raw = 'expected 201: POST https://scim.example.test/v2/Users → 409 {"scimType":"uniqueness"}';
    expect(readableFailure(raw, [{ name: 't', text: STAGE_TRANSCRIPT }])).toBe(`${raw}.`);
  });

  it.each([
    ['/home/ci/work/sso-harness/steps/x.ts:12:5 failed', 'x.ts:12:5 failed'],
    ['at (file:///home/ci/repo/a/b.js:1:2)', 'at (b.js:1:2)'],
    ['see C:\\Users\\ci\\repo\\steps\\x.ts', 'see x.ts'],
    ['GET https://scim.example.test/v2/Users/1 → 404', 'GET https://scim.example.test/v2/Users/1 → 404'],
    ['http://127.0.0.1:7100/scim/v2/acme answered', 'http://127.0.0.1:7100/scim/v2/acme answered'],
  ])('leave no local path: %s', (raw, expected) => {
    expect(withoutLocalPaths(raw)).toBe(expected);
  });

  it('are one line, never a stack trace or a path, and bounded', () => {
    const long = `Error: ${'x'.repeat(2000)}\n    at /root/a.ts:1:1`;
    for (const raw of [STACK, long, "TypeError: Cannot read properties of undefined (reading 'id')\n    at /root/steps/a.ts:3:3"]) {
      const text = readableFailure(raw, [{ name: 't', text: STAGE_TRANSCRIPT }])!;
      expect(text).not.toMatch(/\n|\bat \S+ \(|\/root\/|\/home\//);
      expect(text.length).toBeLessThanOrEqual(600);
    }
    expect(errorSentence('TypeError: boom')).toBe('boom');
    expect(readableFailure(undefined)).toBeUndefined();
    expect(readableRunError(`Error: hook failed in /home/ci/steps/hooks.ts\n    at x (/home/ci/steps/hooks.ts:1:1)`)).toBe('hook failed in hooks.ts');
  });
});
