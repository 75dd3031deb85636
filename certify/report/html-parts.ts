/*
 * What the SCIM and SAML certification reports share: how a verdict is named and classed, the matrix cell of chips,
 * the failure lines, and HTML escaping — one vocabulary, so a customer reading both reports reads the same words.
 * A failed MAY test is an unsupported option, not a defect (RFC 2119: an implementation may omit it).
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export const VERDICT_LABEL: Readonly<Record<string, string>> = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP', error: 'ERROR', interrupted: 'INTERRUPTED' };

interface Judged {
  readonly id: string;
  readonly name: string;
  readonly verdict: string;
  readonly level: string;
}

/** The CSS class of a verdict chip. */
export function verdictClass(test: Judged): string {
  return test.verdict === 'fail' && test.level === 'MAY' ? 'unsupported' : test.verdict;
}

/** The label of a verdict chip. */
export function verdictLabel(test: Judged): string {
  return test.verdict === 'fail' && test.level === 'MAY' ? 'NOT SUPPORTED' : (VERDICT_LABEL[test.verdict] ?? test.verdict.toUpperCase());
}

/** A test's anchor in the page. */
export const testAnchor = (id: string): string => `t-${id.replace(/[^A-Za-z0-9-]/g, '_')}`;

/** The summary block both report documents carry. */
export interface SummaryDocument {
  readonly total: number;
  readonly pass: number;
  readonly fail: number;
  readonly skip: number;
  readonly error: number;
  readonly interrupted: number;
  readonly mustFailures: readonly string[];
  readonly otherFailures: readonly string[];
}

const WORST_FIRST = ['error', 'fail', 'interrupted', 'unsupported', 'pass', 'skip'];

/** One matrix cell: a chip per test, linking to it, classed by the worst verdict among them. */
export function chipsCell(tests: readonly Judged[]): string {
  if (tests.length === 0) return '<td class="none"></td>';
  const worst = WORST_FIRST.find((c) => tests.some((t) => verdictClass(t) === c))!;
  const chips = tests.map(
    (t) => `<a class="chip ${verdictClass(t)}" href="#${testAnchor(t.id)}" title="${escapeHtml(`${t.id} ${verdictLabel(t)}: ${t.name}`)}">${escapeHtml(t.id)}</a>`,
  );
  return `<td class="cell ${worst}">${chips.join(' ')}</td>`;
}

/** The MUST failures and the SHOULD/MAY tests not met, each linked to its test. */
export function failureLines(summary: Pick<SummaryDocument, 'mustFailures' | 'otherFailures'>): string {
  const links = (ids: readonly string[]): string => ids.map((id) => `<a href="#${testAnchor(id)}">${escapeHtml(id)}</a>`).join(', ');
  return [
    summary.mustFailures.length ? `<p><strong>MUST failures:</strong> ${links(summary.mustFailures)}</p>` : '',
    summary.otherFailures.length ? `<p><strong>SHOULD/MAY not met:</strong> ${links(summary.otherFailures)}</p>` : '',
  ].join('\n');
}
