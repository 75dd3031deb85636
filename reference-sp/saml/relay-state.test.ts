/*
 * RelayState after sign-in: one row per trick a browser would follow off-site, and the same-origin forms that
 * must keep working. Each row names the verdict (follow → the absolute Location, or the reason it is dropped).
 */
import { describe, expect, it } from 'vitest';
import { MAX_RELAY_STATE_LENGTH, resolveRelayState, spOrigins } from './relay-state.ts';

const SP = 'https://sp.example:8443';
const origins = spOrigins([`${SP}/saml/acme/acs`]);

const rows: ReadonlyArray<readonly [string, string | undefined, string]> = [
  // followed: the SP's own pages, always as an absolute same-origin URL
  ['a path', '/home', `${SP}/home`],
  ['a path with query and fragment', '/apps/x?tab=2#top', `${SP}/apps/x?tab=2#top`],
  ['dot segments', '/a/../b/./c', `${SP}/b/c`],
  ['an absolute URL of the SP itself, any case', 'HTTPS://SP.Example:8443/x', `${SP}/x`],
  ['a percent-encoded backslash stays a path', '/%5Cevil.example/', `${SP}/%5Cevil.example/`],
  ['percent-encoded slashes stay a path', '/%2F%2Fevil.example/', `${SP}/%2F%2Fevil.example/`],
  ['a dot segment that normalizes to //evil is pinned to the SP origin', '/.//evil.example/', `${SP}//evil.example/`],
  // dropped: anything a browser would follow to another origin
  ['protocol-relative', '//evil.example/', 'other-origin'],
  ['slash backslash', '/\\evil.example/', 'other-origin'],
  ['two backslashes', '\\\\evil.example', 'other-origin'],
  ['backslash slash', '\\/evil.example', 'other-origin'],
  ['an absolute http URL', 'http://evil.example/', 'other-origin'],
  ['an absolute https URL', 'https://evil.example/', 'other-origin'],
  ['javascript:', 'javascript:alert(document.cookie)', 'other-origin'],
  ['data:', 'data:text/html,<script>alert(1)</script>', 'other-origin'],
  ['the SP host on another port', 'HTTPS://sp.example:9443/', 'other-origin'],
  ['the SP host over http', 'http://sp.example:8443/', 'other-origin'],
  ['userinfo to another host', 'https://sp.example:8443@evil.example/', 'other-origin'],
  ['a tab inside the slashes', '/\t/evil.example/', 'control-character'],
  ['a newline inside the slashes', '/\n/evil.example/', 'control-character'],
  ['a carriage return inside the slashes', '/\r/evil.example/', 'control-character'],
  ['a leading tab', '\t//evil.example/', 'control-character'],
  ['a NUL', '/home\u0000', 'control-character'],
  ['a header-splitting attempt', '/home\r\nSet-Cookie: x=1', 'control-character'],
  ['too long', '/' + 'a'.repeat(MAX_RELAY_STATE_LENGTH), 'too-long'],
  ['empty', '', 'absent'],
  ['absent', undefined, 'absent'],
];

describe('resolveRelayState', () => {
  it.each(rows)('%s: %j → %s', (_name, value, expected) => {
    const verdict = resolveRelayState(value, origins);
    expect(verdict.follow ? verdict.location : verdict.reason).toBe(expected);
  });

  it('follows a value of exactly the maximum length', () => {
    const value = '/' + 'a'.repeat(MAX_RELAY_STATE_LENGTH - 1);
    expect(resolveRelayState(value, origins).follow).toBe(true);
  });

  it('accepts every origin the tenant has an ACS URL on, resolving relative values against the first', () => {
    const two = spOrigins(['https://sp.example/saml/acme/acs', 'https://login.sp.example/saml/acme/acs']);
    expect(resolveRelayState('https://login.sp.example/x', two)).toEqual({ follow: true, location: 'https://login.sp.example/x' });
    expect(resolveRelayState('/x', two)).toEqual({ follow: true, location: 'https://sp.example/x' });
  });
});
