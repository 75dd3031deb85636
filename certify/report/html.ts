/*
 * certification.html: one self-contained page (inline CSS, no scripts, no external assets) a customer's
 * security team can read: the verdict, a matrix by section and profile, the legacy Entra shapes accepted, then
 * every test with its transcript one click away (<details>). Everything taken from the run is escaped.
 */
import { chipsCell, escapeHtml, failureLines, testAnchor, verdictClass, verdictLabel } from './html-parts.ts';
import type { CertificationDocument } from './document.ts';

type Test = CertificationDocument['tests'][number];

function matrix(doc: CertificationDocument): string {
  const profiles = [...new Set(doc.tests.map((t) => t.profile))];
  const sections = [...new Set(doc.tests.flatMap((t) => t.sections))].sort(compareSections);
  const rows = sections.map((section) => {
    const cells = profiles.map((profile) => {
      const tests = doc.tests.filter((t) => t.profile === profile && t.sections.includes(section));
      return chipsCell(tests);
    });
    return `<tr><th scope="row">${escapeHtml(section)}</th>${cells.join('')}</tr>`;
  });
  return `<table class="matrix"><thead><tr><th>Section</th>${profiles.map((p) => `<th>${escapeHtml(p)}</th>`).join('')}</tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

function compareSections(a: string, b: string): number {
  const key = (s: string): Array<string | number> => s.split(/[ .§]+/).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const [ka, kb] = [key(a), key(b)];
  for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
    const [x, y] = [ka[i], kb[i]];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x).localeCompare(String(y));
  }
  return 0;
}

function testRow(t: Test): string {
  const detail = [
    t.failure ? `<pre class="failure">${escapeHtml(t.failure)}</pre>` : '',
    t.skipReason ? `<p class="reason">Skipped: ${escapeHtml(t.skipReason)}</p>` : '',
    ...t.transcript.map((e) => `<details><summary>${escapeHtml(e.name)}</summary><pre>${escapeHtml(e.text)}</pre></details>`),
    `<p class="source">${escapeHtml(t.source)} · ${escapeHtml(t.tags.join(' '))}</p>`,
  ].join('');
  return `<tr id="${testAnchor(t.id)}" class="${verdictClass(t)}"><td><code>${escapeHtml(t.id)}</code></td><td>${t.level}</td><td>${escapeHtml(t.sections.join(', '))}</td>
<td><details><summary>${escapeHtml(t.name)}</summary>${detail}</details></td><td class="verdict">${verdictLabel(t)}</td></tr>`;
}

export function renderHtml(doc: CertificationDocument): string {
  const s = doc.summary;
  const verdict = doc.certified
    ? `<p class="banner pass">Certified: no MUST test failed (${s.pass} passed, ${s.fail + s.error} failed, ${s.skip} skipped).</p>`
    : doc.interrupted !== null
      ? `<p class="banner interrupted">Not certified: the run was interrupted (${escapeHtml(doc.interrupted)}); ${s.interrupted} test(s) did not finish.</p>`
      : `<p class="banner fail">Not certified: ${s.mustFailures.length} MUST test(s) failed${doc.runError ? ` — ${escapeHtml(doc.runError)}` : ''}.</p>`;
  const c = doc.cleanup;
  const cleanup = c
    ? `<h2>Clean-up</h2><p>Everything this run created carries the prefix <code>${escapeHtml(c.runPrefix)}</code>. At the end of the run
${c.deleted.length} leftover resource(s) were deleted${c.alreadyGone ? ` (${c.alreadyGone} already gone)` : ''}${c.failed.length ? `; <strong>${c.failed.length} could not be deleted</strong>` : ''}.</p>
${c.failed.length || c.problems.length ? `<ul>${[...c.failed.map((f) => `${f.kind}/${f.id} (${f.via}): ${f.detail}`), ...c.problems].map((t) => `<li>${escapeHtml(t)}</li>`).join('')}</ul>` : ''}`
    : '';
  const legacy = doc.legacyShapes.length
    ? `<h2>Entra legacy PATCH shapes</h2><p>Entra's default behaviour for older app registrations sends non-standard PATCH requests.
Shapes not accepted mean customers must enable Entra's RFC-compliant behaviour (the <code>aadOptscim062020</code> flag).</p>
<ul>${doc.legacyShapes.map((l) => `<li><a href="#${testAnchor(l.id)}">${escapeHtml(l.id)}</a> ${escapeHtml(l.name)}: <strong>${l.accepted === null ? 'not tested' : l.accepted ? 'accepted' : 'not accepted'}</strong></li>`).join('')}</ul>`
    : '';
  const profiles = [...new Set(doc.tests.map((t) => t.profile))];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>SCIM certification — ${escapeHtml(doc.target)}</title>
<style>
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:1200px;padding:0 1rem;color:#1b1f24}
h1{margin-bottom:.2rem} .meta{color:#555} code,pre{font:12px/1.4 ui-monospace,Menlo,Consolas,monospace}
pre{white-space:pre-wrap;word-break:break-word;background:#f6f8fa;padding:.6rem;border-radius:4px;max-height:30rem;overflow:auto}
table{border-collapse:collapse;width:100%;margin:1rem 0} th,td{border:1px solid #d0d7de;padding:.35rem .5rem;text-align:left;vertical-align:top}
thead th{background:#f6f8fa}
.banner{padding:.8rem 1rem;border-radius:6px;font-weight:600}
.pass{--c:#1a7f37;--b:#dafbe1} .fail{--c:#cf222e;--b:#ffebe9} .error{--c:#bc4c00;--b:#fff1e5} .skip{--c:#57606a;--b:#eaeef2} .unsupported{--c:#9a6700;--b:#fff8c5} .interrupted{--c:#6639ba;--b:#fbefff}
.banner,.cell,.chip,.legend span,tr.pass .verdict,tr.fail .verdict,tr.error .verdict,tr.skip .verdict,tr.unsupported .verdict,tr.interrupted .verdict{background:var(--b);color:var(--c)}
.chip{display:inline-block;padding:0 .3rem;margin:1px;border-radius:3px;border:1px solid var(--c);text-decoration:none;font-size:12px}
.verdict{font-weight:700;white-space:nowrap} .legend span{margin-right:.6rem;padding:0 .4rem;border-radius:3px}
.failure{background:#ffebe9} .reason{color:#57606a} .source{color:#57606a;font-size:12px} td.none{background:#fff}
</style></head><body>
<h1>SCIM 2.0 certification</h1>
<p class="meta">Endpoint <code>${escapeHtml(doc.target)}</code> · profile <strong>${escapeHtml(doc.profile)}</strong> · ${escapeHtml(doc.startedAt)} – ${escapeHtml(doc.finishedAt)} · ${escapeHtml(doc.tool.name)} ${escapeHtml(doc.tool.version)} · report ${escapeHtml(doc.reportVersion)}</p>
${verdict}
<p>Levels follow RFC 2119: a failed <strong>MUST</strong> test fails the certification; <strong>SHOULD</strong> failures are reported;
a failed <strong>MAY</strong> test means an option the endpoint does not support. Optional features the endpoint does not advertise in
<code>/ServiceProviderConfig</code> are skipped with the reason.</p>
<p class="legend"><span class="pass">PASS</span><span class="fail">FAIL</span><span class="error">ERROR (test could not run)</span><span class="unsupported">NOT SUPPORTED (MAY)</span><span class="skip">SKIP</span><span class="interrupted">INTERRUPTED (run stopped)</span></p>
${failureLines(s)}
<h2>Matrix by section and profile</h2>
${matrix(doc)}
${legacy}
${cleanup}
${profiles
  .map(
    (p) => `<h2>Profile ${escapeHtml(p)}</h2>
<table class="tests"><thead><tr><th>ID</th><th>Level</th><th>Section</th><th>Test (click for the transcript)</th><th>Verdict</th></tr></thead><tbody>
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
