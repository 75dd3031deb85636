import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProvisioningLog } from './log.ts';

describe('provisioning log reports', () => {
  it('writes JSON and escaped HTML', () => {
    const log = new ProvisioningLog();
    const ref = { type: 'user' as const, sourceId: 'id1', name: '<script>alert(1)</script>@x.test' };
    log.exchange({
      cycle: 1,
      object: ref,
      method: 'POST',
      url: 'http://127.0.0.1/scim/Users',
      requestBody: { userName: '<b>"x"</b>' },
      status: 201,
      responseBody: { id: 's1' },
      attempt: 1,
    });
    log.outcome({ cycle: 1, object: ref, outcome: 'failed', code: 'http/status', reason: 'a & b' });
    const dir = mkdtempSync(join(tmpdir(), 'prov-log-'));
    const { json, html } = log.writeReports(dir);
    const parsed = JSON.parse(readFileSync(json, 'utf8'));
    expect(parsed.summary.failed).toBe(1);
    expect(parsed.exchanges[0].requestBody).toEqual({ userName: '<b>"x"</b>' });
    const page = readFileSync(html, 'utf8');
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;@x.test');
    expect(page).toContain('a &amp; b');
    expect(page).toContain('&lt;b&gt;\\&quot;x\\&quot;&lt;/b&gt;');
  });
});
