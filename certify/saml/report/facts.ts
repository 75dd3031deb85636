/*
 * What the SAML report reads from one test's outcome, beyond what the SCIM catalog already collects:
 * - the spec sections from its tags: `@saml-core-2.5.1.4` → "SAML Core §2.5.1.4", `@saml-bindings-3.5.5.2`,
 *   `@saml-profiles-4.1.4.3`, `@saml-metadata-2.4.4`, `@xmldsig-core-4.4.3`, `@xmlenc-core-5.4`, `@cwe-601` → "CWE-601"
 *   (certify/tags.ts reads the RFC tags of SCIM scenarios; these are the SAML ones);
 * - the area, the middle of its ID (`SAML-XSW-03` → XSW): the rows of the report's matrix;
 * - the four attachments of contract.ts SAML_ATTACHMENTS (the message posted, what the attack changed, the SP's
 *   answer and the oracle's verdict), each read defensively: an attachment that does not parse is left out, never
 *   a crash of the report.
 * Nothing here echoes more of the SP's answer than the stage attached, and local paths and stack frames in it are
 * removed (an SP's debug error page may carry both).
 */
import type { TranscriptEntry } from '../../catalog.ts';
import { withoutLocalPaths } from '../../report/failure-message.ts';
import { SAML_ATTACHMENTS, type SamlVerdict } from '../contract.ts';

const SPECS: Readonly<Record<string, string>> = {
  'saml-core': 'SAML Core',
  'saml-bindings': 'SAML Bindings',
  'saml-profiles': 'SAML Profiles',
  'saml-metadata': 'SAML Metadata',
  'saml-conformance': 'SAML Conformance',
  'xmldsig-core': 'XML Signature',
  'xmldsig-core1': 'XML Signature',
  'xmlenc-core': 'XML Encryption',
  'xmlenc-core1': 'XML Encryption',
};

/** `@saml-core-2.5.1.4` → `SAML Core §2.5.1.4`, `@cwe-601` → `CWE-601`; other tags → undefined. */
export function samlSectionOf(tag: string): string | undefined {
  const cwe = /^@cwe-(\d+)$/.exec(tag);
  if (cwe) return `CWE-${cwe[1]}`;
  const m = /^@([a-z]+-[a-z]+\d?)-(\d+(?:\.\d+)*)$/.exec(tag);
  const spec = m ? SPECS[m[1]!] : undefined;
  return spec ? `${spec} §${m![2]}` : undefined;
}

/** The sections a scenario's tags name; never empty ("SAML" when it names none). */
export function samlSections(tags: readonly string[]): string[] {
  const sections = tags.map(samlSectionOf).filter((s): s is string => s !== undefined);
  return sections.length > 0 ? [...new Set(sections)] : ['SAML'];
}

/** `SAML-XSW-03` → `XSW`; an ID without three parts is its own area. */
export function areaOf(id: string): string {
  const parts = id.split('-');
  return parts.length >= 3 ? parts.slice(1, -1).join('-') : id;
}

export interface Mutation {
  readonly summary: string;
  readonly highlight: readonly string[];
}

export interface SamlEvidence {
  readonly message: string | undefined;
  readonly mutation: Mutation | undefined;
  readonly spAnswer: string | undefined;
  readonly verdict: SamlVerdict | undefined;
  /** Every other attachment, in order. */
  readonly rest: readonly TranscriptEntry[];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function asMutation(value: unknown): Mutation | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v['summary'] !== 'string') return undefined;
  const highlight = Array.isArray(v['highlight']) ? v['highlight'].filter((h): h is string => typeof h === 'string' && h !== '') : [];
  return { summary: v['summary'], highlight };
}

function asVerdict(value: unknown): SamlVerdict | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const inferred = v['inferred'] === true;
  switch (v['kind']) {
    case 'refused':
      return { kind: 'refused', inferred };
    case 'accepted':
      return { kind: 'accepted', as: typeof v['as'] === 'string' ? v['as'] : null, inferred };
    case 'accepted-as-signed-identity':
      return typeof v['as'] === 'string' ? { kind: 'accepted-as-signed-identity', as: v['as'], inferred } : undefined;
    case 'error':
      return { kind: 'error', detail: sanitise(typeof v['detail'] === 'string' ? v['detail'] : 'error'), inferred };
    default:
      return undefined;
  }
}

/** Text from the SP: no stack frames, no local paths. */
export function sanitise(text: string): string {
  return withoutLocalPaths(
    text
      .split('\n')
      .filter((l) => !/^\s+at\s/.test(l))
      .join('\n'),
  );
}

/** The SAML attachments of one test (the last of each name wins: the decisive POST comes last). */
export function samlEvidence(transcript: readonly TranscriptEntry[]): SamlEvidence {
  const last = (name: string): TranscriptEntry | undefined => [...transcript].reverse().find((t) => t.name === name);
  const known = new Set<string>(Object.values(SAML_ATTACHMENTS));
  const message = last(SAML_ATTACHMENTS.message)?.text;
  const mutationText = last(SAML_ATTACHMENTS.mutation)?.text;
  const answer = last(SAML_ATTACHMENTS.spAnswer)?.text;
  const verdictText = last(SAML_ATTACHMENTS.verdict)?.text;
  return {
    message,
    mutation: mutationText === undefined ? undefined : asMutation(parseJson(mutationText)),
    spAnswer: answer === undefined ? undefined : sanitise(answer),
    verdict: verdictText === undefined ? undefined : asVerdict(parseJson(verdictText)),
    rest: transcript.filter((t) => !known.has(t.name)),
  };
}

/** One line for a person: "refused", "accepted as bob@example.com (inferred)", … */
export function describeVerdict(v: SamlVerdict): string {
  const text =
    v.kind === 'refused'
      ? 'refused'
      : v.kind === 'accepted'
        ? `accepted as ${v.as ?? 'someone (the oracle could not tell who)'}`
        : v.kind === 'accepted-as-signed-identity'
          ? `accepted as the genuinely signed identity ${v.as}`
          : `error: ${v.detail}`;
  return v.inferred ? `${text} (inferred)` : text;
}
