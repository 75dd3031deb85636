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

describe('provisioning log at scale', () => {
  const ref = (i: number) => ({ type: 'user' as const, sourceId: `id${i}`, name: `u${i}` });
  const fill = (log: ProvisioningLog, n: number) => {
    for (let i = 1; i <= n; i++) {
      log.exchange({ cycle: 1, object: ref(i), method: i % 2 ? 'POST' : 'GET', url: `http://127.0.0.1/Users/${i}`, status: 201, attempt: 1 });
      log.outcome({ cycle: i <= n / 2 ? 1 : 2, object: ref(i), outcome: i % 10 === 0 ? 'failed' : 'created', ...(i % 10 === 0 ? { code: 'http/status' } : {}) });
    }
  };

  it('keeps a window of the latest exchanges and outcomes but counts every one', () => {
    const log = new ProvisioningLog({ keep: 8 });
    fill(log, 100);
    expect(log.exchanges.length).toBeGreaterThanOrEqual(8);
    expect(log.exchanges.length).toBeLessThanOrEqual(10);
    expect(log.exchanges.at(-1)!.seq).toBe(100);
    expect(log.outcomes.at(-1)!.object.sourceId).toBe('id100');
    expect(log.requestCount).toBe(100);
    expect(log.requestsByMethod()).toEqual({ POST: 50, GET: 50 });
    expect(log.summary()).toMatchObject({ created: 90, failed: 10 });
    expect(log.summary(1)).toMatchObject({ created: 45, failed: 5 });
    expect(log.failures(2).map((o) => o.object.sourceId)).toEqual(['id60', 'id70', 'id80', 'id90', 'id100']);
    const page = readFileSync(log.writeReports(mkdtempSync(join(tmpdir(), 'prov-log-'))).html, 'utf8');
    expect(page).toContain(`of 100 requests`);
  });

  it('streams every exchange to a JSON Lines file when asked', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'prov-log-')), 'nested', 'exchanges.jsonl');
    const log = new ProvisioningLog({ keep: 4, streamTo: file });
    fill(log, 30);
    log.close();
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { seq: number });
    expect(lines.map((l) => l.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });
});
