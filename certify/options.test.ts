import { describe, expect, it } from 'vitest';
import { CertifyOptionsError, parseCertifyOptions } from './options.ts';

describe('parseCertifyOptions', () => {
  it('applies defaults', () => {
    expect(parseCertifyOptions([], {})).toEqual({
      url: undefined,
      token: undefined,
      profile: 'core',
      tags: undefined,
      reportDir: 'reports',
      concurrency: 1,
      timeoutMs: 10_000,
    });
  });

  it('reads flags over environment variables', () => {
    const o = parseCertifyOptions(['--url', 'https://x.test/scim/v2/', '--profile=entra', '--concurrency', '3'], {
      SCIM_BASE_URL: 'https://env.test',
      SCIM_TOKEN: 't',
      SCIM_TIMEOUT_MS: '2500',
      CERTIFY_TAGS: '@must',
    });
    expect(o).toMatchObject({ url: 'https://x.test/scim/v2', token: 't', profile: 'entra', concurrency: 3, timeoutMs: 2500, tags: '@must' });
  });

  it('collects every problem at once', () => {
    try {
      parseCertifyOptions(['--url', 'ftp://x', '--profile', 'azure', '--concurrency', '0', '--bogus'], {});
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CertifyOptionsError);
      const err = e as CertifyOptionsError;
      expect(err.code).toBe('certify/invalid-options');
      expect(err.problems).toHaveLength(5);
      expect(err.problems.map((p) => p.split(' ')[0])).toEqual(['unknown', '--url', '--token', '--profile', '--concurrency']);
    }
  });
});
