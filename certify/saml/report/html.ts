/*
 * certification-saml.html: one self-contained page (inline CSS, no scripts, no external assets) a vendor can hand
 * to a customer's security team:
 * - the verdict, how the SP was driven (SP- or IdP-initiated, HTTP or Chromium) and how verdicts were read (whoami,
 *   or inferred from the baseline — then every verdict says so), the IdP metadata URL the SP trusted;
 * - a matrix by area (the middle of the test ID: SIG, XSW, REPLAY…) × level, each cell the tests' chips;
 * - every test: what the SP did (the oracle's verdict), its family (CVE/paper) and the one-line remediation, the
 *   message posted — decoded, pretty-printed, the mutation marked — and the SP's answer, one click away.
 * Everything taken from the run is escaped (certify/report/html.ts escapeHtml).
 */
import { chipsCell, escapeHtml, failureLines, testAnchor, verdictClass, verdictLabel } from '../../report/html-parts.ts';
import type { SamlCertificationDocument, SamlTestRecord } from './document.ts';
import { describeVerdict } from './facts.ts';
import { highlightedMessage } from './highlight.ts';

const LEVELS = ['MUST', 'SHOULD', 'MAY'] as const;

function matrix(doc: SamlCertificationDocument): string {
  const levels = LEVELS.filter((l) => doc.tests.some((t) => t.level === l));
  const areas = [...new Set(doc.tests.map((t) => t.area))];
  const rows = areas.map((area) => {
    const cells = levels.map((level) => {
      const tests = doc.tests.filter((t) => t.area === area && t.level === level);
      return chipsCell(tests);
    });
    return `<tr><th scope="row">${escapeHtml(area)}</th>${cells.join('')}</tr>`;
  });
  return `<table class="matrix"><thead><tr><th>Area</th>${levels.map((l) => `<th>${l}</th>`).join('')}</tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

function testDetail(t: SamlTestRecord): string {
  const parts: string[] = [];
  if (t.spVerdict) parts.push(`<p><strong>The SP:</strong> ${escapeHtml(describeVerdict(t.spVerdict))}</p>`);
  if (t.failure) parts.push(`<pre class="failure">${escapeHtml(t.failure)}</pre>`);
  if (t.skipReason) parts.push(`<p class="reason">Skipped: ${escapeHtml(t.skipReason)}</p>`);
  if (t.family) parts.push(`<p><strong>Family:</strong> ${escapeHtml(t.family)}</p>`);
  if (t.remediation) parts.push(`<p><strong>Remediation:</strong> ${escapeHtml(t.remediation)}</p>`);
  if (t.mutation) parts.push(`<p><strong>What the test changed:</strong> ${escapeHtml(t.mutation.summary)}</p>`);
  if (t.message !== null) {
    const shown = highlightedMessage(t.message, t.mutation?.highlight ?? []);
    const note = shown.pretty ? 'decoded and re-indented' : 'decoded, as posted';
    if (shown.excerpt !== undefined) parts.push(`<p><strong>The change, in context:</strong></p><pre class="message excerpt">${shown.excerpt}</pre>`);
    const open = shown.excerpt === undefined ? ' open' : '';
    parts.push(
      `<details${open}><summary>The whole message posted (${note}${shown.excerpt === undefined ? '' : '; the change is marked'})</summary><pre class="message">${shown.html}</pre></details>`,
    );
  }
  if (t.spAnswer !== null) parts.push(`<details><summary>The SP's answer</summary><pre>${escapeHtml(t.spAnswer)}</pre></details>`);
  for (const e of t.transcript) parts.push(`<details><summary>${escapeHtml(e.name)}</summary><pre>${escapeHtml(e.text)}</pre></details>`);
  parts.push(`<p class="source">${escapeHtml(t.source)} · ${escapeHtml(t.tags.join(' '))}</p>`);
  return parts.join('');
}

function testRow(t: SamlTestRecord): string {
  const sp = t.spVerdict ? `<br><span class="sp">${escapeHtml(describeVerdict(t.spVerdict))}</span>` : '';
  return `<tr id="${testAnchor(t.id)}" class="${verdictClass(t)}"><td><code>${escapeHtml(t.id)}</code></td><td>${escapeHtml(t.level)}</td><td>${escapeHtml(t.sections.join(', '))}</td>
<td><details><summary>${escapeHtml(t.name)}</summary>${testDetail(t)}</details></td><td class="verdict">${verdictLabel(t)}${sp}</td></tr>`;
}

function banner(doc: SamlCertificationDocument): string {
  const s = doc.summary;
  if (doc.baseline && !doc.baseline.ok) {
    return `<p class="banner fail">Not certified: the baseline — a legitimate response — did not sign the user in, so no test ran.</p>
<pre class="failure">${escapeHtml(doc.baseline.diagnosis ?? 'no diagnosis')}</pre>`;
  }
  if (doc.certified) return `<p class="banner pass">Certified: no MUST test failed (${s.pass} passed, ${s.fail + s.error} failed, ${s.skip} skipped).</p>`;
  if (doc.interrupted !== null)
    return `<p class="banner interrupted">Not certified: the run was interrupted (${escapeHtml(doc.interrupted)}); ${s.interrupted} test(s) did not finish.</p>`;
  if (s.total === 0) return `<p class="banner fail">Not certified: no test matched the profile and tags${doc.runError ? ` — ${escapeHtml(doc.runError)}` : ''}.</p>`;
  return `<p class="banner fail">Not certified: ${s.mustFailures.length} MUST test(s) failed${doc.runError ? ` — ${escapeHtml(doc.runError)}` : ''}.</p>`;
}

function howItRan(doc: SamlCertificationDocument): string {
  const t = doc.target;
  const mode =
    t.mode === 'sp-initiated'
      ? 'SP-initiated: each test started at the SP’s login URL and answered the AuthnRequest it issued.'
      : '<strong>IdP-initiated</strong>: no login URL was given, so every response was unsolicited. Tests of InResponseTo and of the SP’s own requests did not apply.';
  const oracle =
    t.oracle === 'whoami'
      ? 'Verdicts were read from the SP’s whoami URL after each post (who is signed in, or nobody).'
      : '<strong>Inferred verdicts</strong>: no whoami URL was given, so each verdict compares the SP’s answer with the baseline (status, redirect, cookies) and is marked <em>inferred</em>.';
  const idp = t.idpMetadataUrl ? ` The SP trusted the mock IdP <code>${escapeHtml(t.idpEntityId ?? '')}</code>, metadata at <code>${escapeHtml(t.idpMetadataUrl)}</code>.` : '';
  return `<p>${mode} ${oracle} Driver: ${t.driver === 'chromium' ? 'Chromium' : 'HTTP'}.${idp}</p>`;
}

export function renderSamlHtml(doc: SamlCertificationDocument): string {
  const s = doc.summary;
  const profiles = [...new Set(doc.tests.map((t) => t.profile))];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>SAML certification — ${escapeHtml(doc.target.sp)}</title>
<style>
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:1200px;padding:0 1rem;color:#1b1f24}
h1{margin-bottom:.2rem} .meta{color:#555} code,pre{font:12px/1.4 ui-monospace,Menlo,Consolas,monospace}
pre{white-space:pre-wrap;word-break:break-word;background:#f6f8fa;padding:.6rem;border-radius:4px;max-height:30rem;overflow:auto}
mark{background:#fff8c5;outline:1px solid #d4a72c;color:inherit}
table{border-collapse:collapse;width:100%;margin:1rem 0;table-layout:fixed} th,td{border:1px solid #d0d7de;padding:.35rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
.tests col.id{width:9rem} .tests col.level{width:5rem} .tests col.section{width:11rem} .tests col.verdict{width:11rem}
thead th{background:#f6f8fa}
.banner{padding:.8rem 1rem;border-radius:6px;font-weight:600}
.pass{--c:#1a7f37;--b:#dafbe1} .fail{--c:#cf222e;--b:#ffebe9} .error{--c:#bc4c00;--b:#fff1e5} .skip{--c:#57606a;--b:#eaeef2} .unsupported{--c:#9a6700;--b:#fff8c5} .interrupted{--c:#6639ba;--b:#fbefff}
.banner,.cell,.chip,.legend span,tr.pass .verdict,tr.fail .verdict,tr.error .verdict,tr.skip .verdict,tr.unsupported .verdict,tr.interrupted .verdict{background:var(--b);color:var(--c)}
.chip{display:inline-block;padding:0 .3rem;margin:1px;border-radius:3px;border:1px solid var(--c);text-decoration:none;font-size:12px}
.verdict{font-weight:700} .verdict .sp{font-weight:400;font-size:12px} .legend span{margin-right:.6rem;padding:0 .4rem;border-radius:3px}
.failure{background:#ffebe9} .reason{color:#57606a} .source{color:#57606a;font-size:12px} td.none{background:#fff}
</style></head><body>
<h1>SAML 2.0 service provider certification</h1>
<p class="meta">SP <code>${escapeHtml(doc.target.sp)}</code> · profile <strong>${escapeHtml(doc.profile)}</strong> · ${escapeHtml(doc.startedAt)} – ${escapeHtml(doc.finishedAt)} · ${escapeHtml(doc.tool.name)} ${escapeHtml(doc.tool.version)} · report ${escapeHtml(doc.reportVersion)}</p>
${banner(doc)}
${howItRan(doc)}
<p>Levels follow RFC 2119: a failed <strong>MUST</strong> test fails the certification; <strong>SHOULD</strong> failures are reported;
a failed <strong>MAY</strong> test means an option the SP does not support. Tests that do not apply to the SP (no encryption certificate
in its metadata, no login URL) are skipped with the reason.</p>
<p class="legend"><span class="pass">PASS</span><span class="fail">FAIL</span><span class="error">ERROR (test could not run)</span><span class="unsupported">NOT SUPPORTED (MAY)</span><span class="skip">SKIP</span><span class="interrupted">INTERRUPTED (run stopped)</span></p>
${failureLines(s)}
${doc.tests.length ? `<h2>Matrix by area and level</h2>\n${matrix(doc)}` : ''}
${profiles
  .map(
    (p) => `<h2>Profile ${escapeHtml(p)}</h2>
<table class="tests"><colgroup><col class="id"><col class="level"><col class="section"><col><col class="verdict"></colgroup>
<thead><tr><th>ID</th><th>Level</th><th>Section</th><th>Test (click for the message and the SP's answer)</th><th>Verdict</th></tr></thead><tbody>
${doc.tests
  .filter((t) => t.profile === p)
  .map(testRow)
  .join('\n')}
</tbody></table>`,
  )
  .join('\n')}
</body></html>
`;
}
