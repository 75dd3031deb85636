/*
 * `sso-harness certify scim` options: flags first, then environment variables, then defaults. Every problem is
 * collected and reported at once, each naming the flag and its variable, before anything is sent to the endpoint.
 */

export type CertifyProfile = 'core' | 'entra' | 'okta' | 'onelogin' | 'jumpcloud' | 'all';

/** The cucumber tag expression that selects each profile (docs/scenario-tags.md). */
export const PROFILE_TAGS: Readonly<Record<CertifyProfile, string>> = {
  core: '@core',
  entra: '@entra',
  okta: '@okta',
  onelogin: '@onelogin',
  jumpcloud: '@jumpcloud',
  all: '@core or @entra or @okta or @onelogin or @jumpcloud',
};

/**
 * Dated provisioning behaviour profiles (mock-idp/scim-client/profiles/) a certification accepts where they apply:
 * the family's tests, less the shapes that dated behaviour never sends (entra-2025's compliant PATCH sends no
 * legacy shape). The report names the family profile and shows the exclusion in its tag expression.
 */
export const DATED_PROFILES: Readonly<Record<string, { readonly profile: CertifyProfile; readonly exclude?: string }>> = {
  'entra-2024': { profile: 'entra' },
  'entra-2025': { profile: 'entra', exclude: '@legacy-shape' },
  'okta-2024': { profile: 'okta' },
  'onelogin-2024': { profile: 'onelogin' },
  'jumpcloud-2024': { profile: 'jumpcloud' },
};

export interface CertifyOptions {
  /** --url / SCIM_BASE_URL: the SCIM base URL (…/scim/v2); absent: the bundled server. */
  readonly url: string | undefined;
  /** --token / SCIM_TOKEN: bearer token sent to the endpoint. */
  readonly token: string | undefined;
  /** --profile / CERTIFY_PROFILE: which behaviours to certify; default core. */
  readonly profile: CertifyProfile;
  /** --tags / CERTIFY_TAGS: extra cucumber tag expression, e.g. "@must" or "not @requires:bulk". */
  readonly tags: string | undefined;
  /** --report-dir / CERTIFY_REPORT_DIR: where certification.{json,html} and junit.xml go; default reports. */
  readonly reportDir: string;
  /** --concurrency / SCIM_CONCURRENCY: at most this many tests talk to the endpoint at once; default 1. */
  readonly concurrency: number;
  /** --timeout-ms / SCIM_TIMEOUT_MS: per-request timeout; default 10000. */
  readonly timeoutMs: number;
}

export class CertifyOptionsError extends Error {
  readonly code = 'certify/invalid-options';
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'CertifyOptionsError';
  }
}

const FLAGS = {
  '--url': 'SCIM_BASE_URL',
  '--token': 'SCIM_TOKEN',
  '--profile': 'CERTIFY_PROFILE',
  '--tags': 'CERTIFY_TAGS',
  '--report-dir': 'CERTIFY_REPORT_DIR',
  '--concurrency': 'SCIM_CONCURRENCY',
  '--timeout-ms': 'SCIM_TIMEOUT_MS',
} as const;
type Flag = keyof typeof FLAGS;

export function parseCertifyOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): CertifyOptions {
  const problems: string[] = [];
  const given = new Map<Flag, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!(name in FLAGS)) {
      problems.push(`unknown option ${arg}`);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) problems.push(`${name} needs a value`);
    else given.set(name as Flag, value);
  }
  const get = (flag: Flag): string | undefined => {
    const v = given.get(flag) ?? env[FLAGS[flag]];
    return v === undefined || v === '' ? undefined : v;
  };

  const url = get('--url');
  if (url !== undefined) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol)) problems.push(`--url (SCIM_BASE_URL) must be an http(s) URL, got "${url}"`);
  }
  const token = get('--token');
  if (url !== undefined && token === undefined) problems.push('--token (SCIM_TOKEN) is required with --url');

  const asked = get('--profile') ?? 'core';
  const dated = DATED_PROFILES[asked];
  const profile = dated?.profile ?? asked;
  if (!(profile in PROFILE_TAGS))
    problems.push(`--profile (CERTIFY_PROFILE) must be one of ${[...Object.keys(PROFILE_TAGS), ...Object.keys(DATED_PROFILES)].join(', ')}, got "${asked}"`);
  const extraTags = get('--tags');
  const tags = dated?.exclude ? (extraTags ? `(${extraTags}) and not ${dated.exclude}` : `not ${dated.exclude}`) : extraTags;

  const integer = (flag: Flag, fallback: number, min: number, max: number): number => {
    const raw = get(flag);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < min || n > max) {
      problems.push(`${flag} (${FLAGS[flag]}) must be an integer from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return n;
  };
  const concurrency = integer('--concurrency', 1, 1, 16);
  const timeoutMs = integer('--timeout-ms', 10_000, 100, 600_000);

  if (problems.length > 0) throw new CertifyOptionsError(problems);
  return Object.freeze({
    url: url?.replace(/\/+$/, ''),
    token,
    profile: profile as CertifyProfile,
    tags,
    reportDir: get('--report-dir') ?? 'reports',
    concurrency,
    timeoutMs,
  });
}
