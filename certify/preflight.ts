/*
 * Before the catalog runs against an external endpoint, one request checks that it can be certified at all, so a
 * wrong URL, a server that is down or a refused token is one clear line instead of a FAIL for every test:
 * - the endpoint answers at all                      → else certify/unreachable ("cannot reach <url>: ECONNREFUSED")
 * - GET <url>/Users?startIndex=1&count=1 with the token is not 401/403
 *                                                    → else certify/token-refused ("the token was refused (401)")
 * - it is not 404 or a redirect (RFC 7644 §3.4.2: /Users is where a service provider lists users)
 *                                                    → else certify/not-scim
 * Any other answer (200, an error the catalog will judge, 429) lets the run start: judging it is the catalog's job.
 * The token is sent, never printed.
 */

export type PreflightCode = 'certify/unreachable' | 'certify/token-refused' | 'certify/not-scim';

export class PreflightError extends Error {
  override readonly name = 'PreflightError';
  constructor(
    readonly code: PreflightCode,
    message: string,
  ) {
    super(message);
  }
}

export interface PreflightInput {
  /** The SCIM base URL, without a trailing slash. */
  readonly url: string;
  readonly token: string;
  readonly timeoutMs: number;
}

/** Why a fetch did not get an answer, as the system names it (ECONNREFUSED, ENOTFOUND, a TLS error code, …). */
export function networkReason(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; code?: string; message?: string; cause?: { code?: string; message?: string; errors?: Array<{ code?: string }> } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const cause = e?.cause;
  const code = cause?.code ?? cause?.errors?.find((x) => x.code)?.code ?? e?.code;
  if (code) return code;
  return (cause?.message ?? e?.message ?? String(error)).split('\n')[0]!;
}

export async function preflight(input: PreflightInput): Promise<void> {
  const target = `${input.url}/Users?startIndex=1&count=1`;
  let response: Response;
  try {
    response = await fetch(target, {
      method: 'GET',
      headers: { authorization: `Bearer ${input.token}`, accept: 'application/scim+json, application/json' },
      redirect: 'manual',
      signal: AbortSignal.timeout(input.timeoutMs),
    });
  } catch (error) {
    throw new PreflightError('certify/unreachable', `cannot reach ${input.url}: ${networkReason(error, input.timeoutMs)}`);
  }
  await response.body?.cancel().catch(() => undefined);
  const status = response.status;
  if (status === 401 || status === 403) {
    throw new PreflightError('certify/token-refused', `the token was refused (${status}): GET ${target} answered ${status}; check --token (SCIM_TOKEN)`);
  }
  if (status === 404) {
    throw new PreflightError('certify/not-scim', `GET ${target} answered 404: is --url (SCIM_BASE_URL) the SCIM base URL, the one ending in /scim/v2?`);
  }
  if (status >= 300 && status < 400) {
    const location = response.headers.get('location');
    throw new PreflightError(
      'certify/not-scim',
      `GET ${target} answered ${status}${location ? ` (redirect to ${location})` : ''}: a SCIM endpoint answers its requests itself; check --url (SCIM_BASE_URL)`,
    );
  }
}
