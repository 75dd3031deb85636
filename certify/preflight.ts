/*
 * Before the catalog runs against an external endpoint, one request checks that it can be certified at all, so a
 * wrong URL, a server that is down or a refused token is one clear line instead of a FAIL for every test:
 * - the endpoint answers at all                      → else certify/unreachable ("cannot reach <url>: ECONNREFUSED")
 * - GET <url>/Users?startIndex=1&count=1 with the token is not 401/403
 *                                                    → else certify/token-refused ("the token was refused (401)")
 * - it is not 404 or a redirect (RFC 7644 §3.4.2: /Users is where a service provider lists users)
 *                                                    → else certify/not-scim
 * Any other answer (200, an error the catalog will judge, 429) lets the run start: judging it is the catalog's job.
 * The token is sent, never printed. The request goes through the one HTTP driver (http/send.ts), with its timeout.
 */
import { HttpError, type HttpAnswer, sendHttp } from '../http/send.ts';

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
  /** Aborts the check (an interrupted run). */
  readonly signal?: AbortSignal;
}

export async function preflight(input: PreflightInput): Promise<void> {
  const target = `${input.url}/Users?startIndex=1&count=1`;
  let answer: HttpAnswer;
  try {
    // One request, not retried: any answer but those below lets the run start, a 429 or 503 included.
    answer = await sendHttp(
      { method: 'GET', url: target, headers: { authorization: `Bearer ${input.token}`, accept: 'application/scim+json, application/json' } },
      { timeoutMs: input.timeoutMs, retry: 'none', ...(input.signal ? { signal: input.signal } : {}) },
    );
  } catch (error) {
    if (error instanceof HttpError && error.code === 'http/aborted') throw error;
    throw new PreflightError('certify/unreachable', `cannot reach ${input.url}: ${error instanceof HttpError ? error.reason : (error as Error).message}`);
  }
  const status = answer.status;
  if (status === 401 || status === 403) {
    throw new PreflightError('certify/token-refused', `the token was refused (${status}): GET ${target} answered ${status}; check --token (SCIM_TOKEN)`);
  }
  if (status === 404) {
    throw new PreflightError('certify/not-scim', `GET ${target} answered 404: is --url (SCIM_BASE_URL) the SCIM base URL, the one ending in /scim/v2?`);
  }
  if (status >= 300 && status < 400) {
    const location = answer.headers.get('location');
    throw new PreflightError(
      'certify/not-scim',
      `GET ${target} answered ${status}${location ? ` (redirect to ${location})` : ''}: a SCIM endpoint answers its requests itself; check --url (SCIM_BASE_URL)`,
    );
  }
}
