/*
 * The one cucumber loop behind both certifications: a SCIM run and then a SAML run in the same process (the
 * package's API allows it) both find their steps — ES modules are imported once, so the second run must reuse
 * the library the first one loaded.
 */
import { describe, expect, it } from 'vitest';
import { runCertification } from './run.ts';
import { runSamlCertification } from './saml/run.ts';

describe('runFeatures', () => {
  it('runs SCIM then SAML certifications in one process, each finding its steps', async () => {
    const scim = await runCertification({ url: undefined, token: undefined, profile: 'core', tags: '@id:CORE-USERS-01', concurrency: 1, timeoutMs: 10_000 });
    expect(scim.outcomes.map((o) => [o.id, o.verdict])).toEqual([['CORE-USERS-01', 'pass']]);
    const saml = await runSamlCertification({ profile: 'core', tags: '@id:SAML-SIG-01' });
    expect(saml.outcomes.map((o) => [o.id, o.verdict])).toEqual([['SAML-SIG-01', 'pass']]);
  }, 60_000);
});
