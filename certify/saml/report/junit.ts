/*
 * junit.xml for CI, as for certify scim (certify/report/junit.ts): one <testsuite> per profile, one <testcase> per
 * test named by its ID. A MUST failure is a <failure> whose message says what the SP did and how to fix it; a
 * SHOULD/MAY failure is reported as <skipped> "not met (SHOULD)", so a CI that fails on any junit failure agrees
 * with the command's exit code. A test an interrupted run did not finish is an <error type="Interrupted">. A failed
 * baseline is one failing testcase, SAML-BASELINE, since no other test ran.
 */
import { escapeXml } from '../../report/junit.ts';
import type { SamlCertificationDocument, SamlTestRecord } from './document.ts';
import { describeVerdict } from './facts.ts';

function failureText(t: SamlTestRecord): string {
  return [
    t.failure,
    t.spVerdict ? `The SP: ${describeVerdict(t.spVerdict)}.` : undefined,
    t.family ? `Family: ${t.family}.` : undefined,
    t.remediation ? `Remediation: ${t.remediation}` : undefined,
  ]
    .filter(Boolean)
    .join('\n');
}

function testcase(t: SamlTestRecord): string {
  const head = `    <testcase classname="saml.${escapeXml(t.profile)}.${escapeXml(t.area.toLowerCase())}" name="${escapeXml(`${t.id} ${t.name}`)}" time="${(t.durationMs / 1000).toFixed(3)}"`;
  const out = t.spAnswer ? `\n      <system-out>${escapeXml(`--- the SP's answer\n${t.spAnswer}`)}</system-out>` : '';
  if (t.verdict === 'pass') return `${head}>${out}\n    </testcase>`;
  if (t.verdict === 'interrupted') return `${head}>\n      <error type="Interrupted" message="${escapeXml((t.failure ?? 'interrupted').split('\n')[0]!)}"/>${out}\n    </testcase>`;
  if (t.verdict === 'skip') return `${head}>\n      <skipped message="${escapeXml(t.skipReason ?? '')}"/>${out}\n    </testcase>`;
  if (t.level !== 'MUST') return `${head}>\n      <skipped message="${escapeXml(`not met (${t.level}): ${t.failure ?? ''}`)}"/>${out}\n    </testcase>`;
  const type = t.verdict === 'error' ? 'HarnessError' : 'AssertionError';
  const text = failureText(t);
  return `${head}>\n      <failure type="${type}" message="${escapeXml(text.split('\n')[0]!)}">${escapeXml(text)}</failure>${out}\n    </testcase>`;
}

export function renderSamlJunit(doc: SamlCertificationDocument): string {
  const suites: string[] = [];
  if (doc.baseline && !doc.baseline.ok) {
    const message = doc.baseline.diagnosis ?? 'the baseline did not sign the user in';
    suites.push(
      `  <testsuite name="saml-certification-baseline" tests="1" failures="1" errors="0" skipped="0" timestamp="${escapeXml(doc.startedAt)}">
    <testcase classname="saml.baseline" name="SAML-BASELINE a legitimate response signs the user in" time="0.000">
      <failure type="BaselineFailed" message="${escapeXml(message.split('\n')[0]!)}">${escapeXml(message)}</failure>
    </testcase>
  </testsuite>`,
    );
  }
  for (const profile of [...new Set(doc.tests.map((t) => t.profile))]) {
    const tests = doc.tests.filter((t) => t.profile === profile);
    const failures = tests.filter((t) => (t.verdict === 'fail' || t.verdict === 'error') && t.level === 'MUST').length;
    const errors = tests.filter((t) => t.verdict === 'interrupted').length;
    const skipped = tests.length - failures - errors - tests.filter((t) => t.verdict === 'pass').length;
    suites.push(
      `  <testsuite name="saml-certification-${escapeXml(profile)}" tests="${tests.length}" failures="${failures}" errors="${errors}" skipped="${skipped}" timestamp="${escapeXml(doc.startedAt)}">\n${tests.map(testcase).join('\n')}\n  </testsuite>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="sso-harness certify saml">\n${suites.join('\n')}\n</testsuites>\n`;
}
