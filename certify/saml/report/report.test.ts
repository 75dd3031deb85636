/*
 * The SAML certification report on synthetic outcomes: cucumber envelopes fed to the same collector the run uses,
 * with the four SAML attachments (contract.ts SAML_ATTACHMENTS) a Then step leaves. The JSON matches its schema
 * (and a spoiled one does not), the HTML marks what the attack changed and carries no script, stack or local path,
 * junit agrees with the exit code.
 */
import { describe, expect, it } from 'vitest';
import { finishedEnvelopes, pickleEnvelope, startedEnvelopes, stepEnvelope } from '../../test-support/envelopes.ts';
import { CatalogCollector, type Envelope } from '../../catalog.ts';
import { summarise } from '../../summary.ts';
import { SAML_ATTACHMENTS } from '../contract.ts';
import { SAML_FAMILIES } from '../families.ts';
import { describeTarget, type SamlCertification, samlTagExpression } from '../run.ts';
import { MESSAGE_LIMIT, toSamlDocument } from './document.ts';
import { areaOf, samlSectionOf } from './facts.ts';
import { changeExcerpt, highlightedMessage } from './highlight.ts';
import { renderSamlHtml } from './html.ts';
import { renderSamlJunit } from './junit.ts';
import { validateSamlDocument } from './write.ts';

const knownId = Object.keys(SAML_FAMILIES)[0]!;
const MESSAGE =
  '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_r1"><saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_a1"><saml:Subject><saml:NameID>bob@example.com<!---->.evil.test</saml:NameID></saml:Subject></saml:Assertion></samlp:Response>';

type Attach = { name: string; body: string; mediaType: string };
const attachments = (verdict: object, mutation?: object): Attach[] => [
  { name: SAML_ATTACHMENTS.message, body: MESSAGE, mediaType: 'text/xml' },
  ...(mutation ? [{ name: SAML_ATTACHMENTS.mutation, body: JSON.stringify(mutation), mediaType: 'application/json' }] : []),
  {
    name: SAML_ATTACHMENTS.spAnswer,
    body: 'HTTP 500\nError: boom <script>x</script>\n    at handler (/home/vendor/app/src/acs.js:12:5)\nat /srv/app/x.js',
    mediaType: 'text/plain',
  },
  { name: SAML_ATTACHMENTS.verdict, body: JSON.stringify(verdict), mediaType: 'application/json' },
];

/** Three scenarios: a MUST attack accepted (fail), a SHOULD passed, a MUST skipped. */
function collect(): SamlCertification {
  const collector = new CatalogCollector();
  const pickle = (id: string, name: string, tags: string[]): Envelope => pickleEnvelope(id, name, tags, { uri: 'features/certify-saml/x.feature', line: 7 });
  const step = (started: string, status: string, message?: string): Envelope => stepEnvelope(started, status, message, 3);
  const attach = (started: string, a: Attach): Envelope =>
    ({ attachment: { testCaseStartedId: started, body: a.body, contentEncoding: 'IDENTITY', mediaType: a.mediaType, fileName: a.name } }) as unknown as Envelope;
  const messages: Envelope[] = [
    pickle('p1', 'A comment in the NameID does not <b>truncate</b> it', ['@certify-saml', '@core', `@id:${knownId}`, '@must', '@saml-core-2.2.3', '@xmldsig-core-4.4.3']),
    pickle('p2', 'RSA-SHA1 is refused', ['@certify-saml', '@core', '@id:SAML-ALG-01', '@should', '@xmldsig-core-6.4.2']),
    pickle('p3', 'AES-GCM', ['@certify-saml', '@core', '@id:SAML-ENC-01', '@must', '@xmlenc-core-5.2']),
    ...startedEnvelopes(['p1', 'p2', 'p3']),
    ...attachments({ kind: 'accepted', as: 'bob@example.com', inferred: false }, { summary: 'an XML comment inside the NameID', highlight: ['<!---->'] }).map((a) =>
      attach('sp1', a),
    ),
    step('sp1', 'FAILED', 'AssertionError [ERR_ASSERTION]: the victim must not be signed in\n    at World.<anonymous> (/home/ci/repo/steps/certify-saml.steps.ts:3:9)'),
    ...attachments({ kind: 'refused', inferred: true }).map((a) => attach('sp2', a)),
    step('sp2', 'PASSED'),
    attach('sp3', { name: 'skip-reason', body: 'the SP publishes no encryption certificate', mediaType: 'text/plain' }),
    step('sp3', 'SKIPPED'),
    ...finishedEnvelopes(['p1', 'p2', 'p3']),
  ];
  for (const m of messages) collector.onMessage(m);
  const outcomes = collector.outcomes();
  return {
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:01.000Z',
    target: 'https://sp.example.test/saml/metadata',
    mode: 'sp-initiated',
    oracle: 'whoami',
    driver: 'http',
    idp: { entityId: 'http://127.0.0.1:7000/metadata', metadataUrl: 'http://127.0.0.1:7000/metadata' },
    profile: 'core',
    tagExpression: '(@core) and not @wip',
    baseline: { ok: true, diagnosis: undefined },
    outcomes,
    summary: summarise(outcomes),
    runError: undefined,
    interrupted: undefined,
    support: undefined,
  };
}

describe('SAML tags', () => {
  it.each([
    ['@saml-core-2.5.1.4', 'SAML Core §2.5.1.4'],
    ['@saml-profiles-4.1.4.3', 'SAML Profiles §4.1.4.3'],
    ['@saml-bindings-3.5.5.2', 'SAML Bindings §3.5.5.2'],
    ['@xmldsig-core-4.4.3', 'XML Signature §4.4.3'],
    ['@xmlenc-core-5.2', 'XML Encryption §5.2'],
    ['@cwe-601', 'CWE-601'],
    ['@rfc7644-3.3', undefined],
    ['@seed-particle', undefined],
  ])('%s → %s', (tag, section) => expect(samlSectionOf(tag)).toBe(section));

  it('reads the area from the middle of the ID', () => {
    expect(areaOf('SAML-XSW-03')).toBe('XSW');
    expect(areaOf('SAML-NAMEID-COMMENT-01')).toBe('NAMEID-COMMENT');
  });
});

describe('the SAML certification report', () => {
  const run = collect();
  const doc = toSamlDocument(run, '0.1.0');

  it('reads verdicts, the SP verdict, the mutation, the family and the sections', () => {
    expect(doc.tests.map((t) => [t.id, t.verdict, t.level])).toEqual([
      [knownId, 'fail', 'MUST'],
      ['SAML-ALG-01', 'pass', 'SHOULD'],
      ['SAML-ENC-01', 'skip', 'MUST'],
    ]);
    const [attack, sha1, skipped] = doc.tests;
    expect(attack!.spVerdict).toEqual({ kind: 'accepted', as: 'bob@example.com', inferred: false });
    expect(attack!.mutation).toEqual({ summary: 'an XML comment inside the NameID', highlight: ['<!---->'] });
    expect(attack!.family).toBe(SAML_FAMILIES[knownId]!.family);
    expect(attack!.remediation).toBe(SAML_FAMILIES[knownId]!.remediation);
    expect(attack!.sections).toEqual(['SAML Core §2.2.3', 'XML Signature §4.4.3']);
    expect(attack!.transcript).toEqual([]);
    expect(sha1!.spVerdict).toEqual({ kind: 'refused', inferred: true });
    expect(skipped!.skipReason).toBe('the SP publishes no encryption certificate');
    expect(doc.summary).toMatchObject({ total: 3, fail: 1, mustFailures: [knownId] });
    expect(doc.certified).toBe(false);
  });

  it('matches its JSON schema', async () => {
    expect(await validateSamlDocument(doc)).toEqual([]);
  });

  it.each([
    ['a missing baseline', (d: Record<string, unknown>) => delete d['baseline']],
    ['an unknown SP verdict', (d: Record<string, unknown>) => ((d['tests'] as Array<Record<string, unknown>>)[0]!['spVerdict'] = { kind: 'maybe', inferred: false })],
    ['a skip without a reason', (d: Record<string, unknown>) => ((d['tests'] as Array<Record<string, unknown>>)[2]!['skipReason'] = null)],
    ['an unknown mode', (d: Record<string, unknown>) => ((d['target'] as Record<string, unknown>)['mode'] = 'both')],
    ['another major version', (d: Record<string, unknown>) => (d['reportVersion'] = '2.0.0')],
  ])('rejects %s', async (_name, spoil) => {
    const copy = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
    spoil(copy);
    expect((await validateSamlDocument(copy)).length).toBeGreaterThan(0);
  });

  it('keeps stack frames and local paths out of failures and the SP answer', () => {
    const text = JSON.stringify(doc);
    expect(text).not.toMatch(/\/home\/|\/srv\/|\bat World\b|at handler/);
    expect(doc.tests[0]!.failure).toContain('the victim must not be signed in');
    expect(doc.tests[0]!.spAnswer).toBe('HTTP 500\nError: boom <script>x</script>\nat x.js');
  });

  it('cuts a message over the limit and says so', async () => {
    const big = { ...run.outcomes[0]!, transcript: [{ name: SAML_ATTACHMENTS.message, mediaType: 'text/xml', text: 'x'.repeat(MESSAGE_LIMIT + 10) }] };
    const d = toSamlDocument({ ...run, outcomes: [big] }, '0.1.0');
    expect(d.tests[0]!.messageTruncated).toBe(true);
    expect(d.tests[0]!.message).toContain('[… 10 more characters not shown]');
    expect(await validateSamlDocument(d)).toEqual([]);
  });

  it('renders a self-contained page: the mutation marked, the SP verdict, family and remediation, everything escaped', () => {
    const html = renderSamlHtml(doc);
    expect(html).not.toMatch(/<(script|link)\b|src=|@import/);
    expect(html).toContain('<mark>&lt;!----&gt;</mark>');
    expect(html).toContain('accepted as bob@example.com');
    expect(html).toContain('refused (inferred)');
    expect(html).toContain(SAML_FAMILIES[knownId]!.remediation.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'));
    expect(html).toContain('A comment in the NameID does not &lt;b&gt;truncate&lt;/b&gt; it');
    expect(html).toContain(`href="#t-${knownId}"`);
    expect(html).toMatch(/<th>Area<\/th><th>MUST<\/th><th>SHOULD<\/th>/);
  });

  it('shows the message as posted when re-indenting would hide the change', () => {
    const compact = '<a><b x="1"   y="2"/></a>';
    expect(highlightedMessage(compact, ['x="1"   y="2"'])).toMatchObject({ html: '&lt;a&gt;&lt;b <mark>x=&quot;1&quot;   y=&quot;2&quot;</mark>/&gt;&lt;/a&gt;', pretty: false });
    expect(highlightedMessage(compact, ['<b']).pretty).toBe(true);
  });

  it('shows the change in context: the marked lines, two either side, hunks apart', () => {
    const text = Array.from({ length: 30 }, (_, i) => `line ${i}`).join('\n');
    expect(changeExcerpt(text, ['line 10', 'line 25'])).toBe(
      ['line 8', 'line 9', '<mark>line 10</mark>', 'line 11', 'line 12', '…', 'line 23', 'line 24', '<mark>line 25</mark>', 'line 26', 'line 27'].join('\n'),
    );
    expect(changeExcerpt(text, ['absent'])).toBeUndefined();
    // A mark over many lines is cut at 40 lines; marks stay balanced.
    const hundred = Array.from({ length: 100 }, (_, i) => `row ${i}`).join('\n');
    const long = changeExcerpt(hundred, [hundred.slice(hundred.indexOf('row 1\n'), hundred.indexOf('row 80'))])!;
    expect(long.split('\n')).toHaveLength(41);
    expect(long.match(/<mark>/g)).toHaveLength(1);
    expect(long.match(/<\/mark>/g)).toHaveLength(1);
  });

  it('says when verdicts were inferred and when the responses were unsolicited', () => {
    const html = renderSamlHtml({ ...doc, target: { ...doc.target, mode: 'idp-initiated', oracle: 'inferred' } });
    expect(html).toContain('<strong>IdP-initiated</strong>');
    expect(html).toContain('<strong>Inferred verdicts</strong>');
  });

  it('writes junit with the MUST failure as <failure> naming the remediation', () => {
    const xml = renderSamlJunit(doc);
    expect(xml.match(/<failure /g)).toHaveLength(1);
    expect(xml).toContain('Remediation: ');
    expect(xml).toContain('<skipped message="the SP publishes no encryption certificate"/>');
  });

  it('a failed baseline: not certified, one failing junit case, the diagnosis in the page', async () => {
    const failed = toSamlDocument(
      {
        ...run,
        outcomes: [],
        summary: summarise([]),
        baseline: { ok: false, code: 'certify-saml/baseline-failed', diagnosis: 'your SP answered HTTP 403 "invalid issuer"; does it trust http://127.0.0.1:7000/metadata?' },
      },
      '0.1.0',
    );
    expect(failed.certified).toBe(false);
    expect(await validateSamlDocument(failed)).toEqual([]);
    expect(renderSamlJunit(failed)).toMatch(/name="SAML-BASELINE[^"]*"[\s\S]*<failure type="BaselineFailed"/);
    expect(renderSamlHtml(failed)).toContain('does it trust http://127.0.0.1:7000/metadata?');
  });
});

describe('what the run says about itself', () => {
  const base = { user: 'a@example.com', victim: 'b@example.com', idp: { dataDir: '/home/ci/.data/idp', port: 0 }, timeoutMs: 1000 };
  it.each([
    [undefined, 'bundled reference SP'],
    [{ ...base, spMetadata: { url: 'https://sp.example.test/metadata' } }, 'https://sp.example.test/metadata'],
    [{ ...base, spMetadata: { file: '/home/ci/work/sp-metadata.xml' } }, 'SP metadata file sp-metadata.xml'],
    [{ ...base, spEntityId: 'urn:sp', acsUrls: ['https://sp.example.test/acs'] }, 'urn:sp'],
  ])('names the SP without a local path: %j → %s', (target, name) => expect(describeTarget(target)).toBe(name));

  it('selects by profile, never @wip, and ands the caller’s tags in', () => {
    expect(samlTagExpression('core', undefined)).toBe('(@core) and not @wip');
    expect(samlTagExpression('all', '@must or @should')).toBe('(@core or @entra or @okta or @onelogin or @jumpcloud) and not @wip and (@must or @should)');
  });
});
