/*
 * junit.xml for CI: one <testsuite> per profile, one <testcase> per test named by its ID. A MUST failure is a
 * <failure>; a SHOULD/MAY failure is reported too but as <skipped> with the reason "not met (SHOULD)", so a CI
 * that fails on any junit failure agrees with the command's exit code. A test an interrupted run did not finish
 * is an <error type="Interrupted">.
 */
import type { CertificationDocument } from './document.ts';

export function escapeXml(text: string): string {
  // XML 1.0 §2.2: control characters other than tab, LF, CR are not allowed even escaped.
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

export function renderJunit(doc: CertificationDocument): string {
  const profiles = [...new Set(doc.tests.map((t) => t.profile))];
  const suites = profiles.map((profile) => {
    const tests = doc.tests.filter((t) => t.profile === profile);
    const failures = tests.filter((t) => (t.verdict === 'fail' || t.verdict === 'error') && t.level === 'MUST').length;
    const errors = tests.filter((t) => t.verdict === 'interrupted').length;
    const skipped = tests.length - failures - errors - tests.filter((t) => t.verdict === 'pass').length;
    const cases = tests.map((t) => {
      const name = escapeXml(`${t.id} ${t.name}`);
      const head = `    <testcase classname="scim.${escapeXml(profile)}.${escapeXml(t.level.toLowerCase())}" name="${name}" time="${(t.durationMs / 1000).toFixed(3)}"`;
      const out = t.transcript.length ? `\n      <system-out>${escapeXml(t.transcript.map((e) => `--- ${e.name}\n${e.text}`).join('\n'))}</system-out>` : '';
      if (t.verdict === 'pass') return `${head}>${out}\n    </testcase>`;
      if (t.verdict === 'interrupted')
        return `${head}>\n      <error type="Interrupted" message="${escapeXml((t.failure ?? 'interrupted').split('\n')[0]!)}"/>${out}\n    </testcase>`;
      if (t.verdict === 'skip') return `${head}>\n      <skipped message="${escapeXml(t.skipReason ?? '')}"/>${out}\n    </testcase>`;
      if (t.level !== 'MUST') return `${head}>\n      <skipped message="${escapeXml(`not met (${t.level}): ${t.failure ?? ''}`)}"/>${out}\n    </testcase>`;
      const type = t.verdict === 'error' ? 'HarnessError' : 'AssertionError';
      return `${head}>\n      <failure type="${type}" message="${escapeXml((t.failure ?? '').split('\n')[0]!)}">${escapeXml(t.failure ?? '')}</failure>${out}\n    </testcase>`;
    });
    return `  <testsuite name="scim-certification-${escapeXml(profile)}" tests="${tests.length}" failures="${failures}" errors="${errors}" skipped="${skipped}" timestamp="${escapeXml(doc.startedAt)}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="sso-harness certify scim">\n${suites.join('\n')}\n</testsuites>\n`;
}
