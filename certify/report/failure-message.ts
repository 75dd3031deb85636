/*
 * What a report says about a failed test: one readable sentence with the request and the response, never a stack
 * trace or a path on the machine that ran it.
 * - the first error line and an assertion's compared values are kept, joined on one line; `at …` frames and the
 *   error class prefix (`AssertionError [ERR_ASSERTION]: `) are dropped;
 * - absolute file paths (`/home/…/steps/x.ts:12:5`, `file:///…`, `C:\…`) become their file name (`x.ts:12:5`);
 *   URLs are left as they are;
 * - when the message does not already show an exchange (`METHOD url → status`), the last request and response of
 *   the test's SCIM transcript are appended (before the scenario's clean-up), the body shortened;
 * - at most MAX_LENGTH characters.
 */

export const MAX_LENGTH = 600;
const BODY_LENGTH = 200;

interface TranscriptText {
  readonly name: string;
  readonly text: string;
}

/** Absolute paths not inside a URL: preceded by start, whitespace, a quote or a bracket. */
const POSIX_PATH = /(?<=^|[\s'"([<=])(?:file:\/\/)?\/(?:[^\s/'"()<>\]]+\/)+([^\s/'"()<>\]]+)/g;
const WINDOWS_PATH = /(?<=^|[\s'"([<=])(?:file:\/\/\/)?[A-Za-z]:[\\/](?:[^\s\\/'"()<>\]]+[\\/])+([^\s\\/'"()<>\]]+)/g;

export function withoutLocalPaths(text: string): string {
  return text.replace(POSIX_PATH, '$1').replace(WINDOWS_PATH, '$1');
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * The error's own text on one line: no stack frames, no error class prefix. node:assert's comparison (`200 !== 201`,
 * or a `+ expected - actual` diff) is said first, as "got 200, expected 201".
 */
export function errorSentence(raw: string): string {
  const all = raw.split('\n');
  const firstFrame = all.findIndex((l) => /^\s+at\s/.test(l));
  let lines = (firstFrame < 0 ? all : all.slice(0, firstFrame)).map((l) => l.trim()).filter((l) => l !== '');
  // The error class (`AssertionError [ERR_ASSERTION]: `) says nothing to a reader: dropped, also on a line of its own.
  const CLASS = /^(?:[A-Z]\w*Error|Error)(?: \[[A-Z_]+\])?(?::\s*|$)/;
  lines = lines.map((l) => l.replace(CLASS, '')).filter((l) => l !== '');
  let comparison: string | undefined;
  const HEADER = /^\+ (actual|expected) - (?:actual|expected)$/;
  const diffAt = lines.findIndex((l) => HEADER.test(l));
  if (diffAt >= 0) {
    const plusIsActual = HEADER.exec(lines[diffAt]!)![1] === 'actual';
    const diff = lines.slice(diffAt + 1).filter((l) => !HEADER.test(l));
    lines = lines.slice(0, diffAt);
    const side = (sign: string): string =>
      shorten(
        diff
          .filter((l) => l.startsWith(sign))
          .map((l) => l.slice(1).trim())
          .join(' '),
        160,
      );
    if (diff.some((l) => /^[-+]/.test(l))) comparison = plusIsActual ? `got ${side('+')}, expected ${side('-')}` : `got ${side('-')}, expected ${side('+')}`;
  }
  const compareAt = lines.findIndex((l, i) => i > 0 && /^\S.* !==? .*\S$/.test(l));
  if (compareAt > 0) {
    const [actual, expected] = lines[compareAt]!.split(/ !==? /);
    comparison = `got ${actual}, expected ${expected}`;
    lines.splice(compareAt, 1);
  }
  lines = lines.filter((l) => !/^Expected values to be (?:strictly |loosely )?(?:deep-)?equal:?$/.test(l));
  const rest = lines.join(' ').replace(/:$/, '');
  // assert.ok(condition, message): "got false, expected true" adds nothing to the message.
  if (comparison === 'got false, expected true' && rest) comparison = undefined;
  const joined = comparison ? (rest ? `${comparison}: ${rest}` : comparison) : rest;
  return withoutLocalPaths(joined).replace(/\s+/g, ' ').trim();
}

function exchangeLine(request: string, status: string | undefined, body: string): string {
  if (status === undefined) return `request ${request}, no response`;
  const compact = body.replace(/\s+/g, ' ').trim();
  return `request ${request}, response ${status}${compact ? ` ${shorten(compact, BODY_LENGTH)}` : ''}`;
}

/** The SCIM stage's transcript (steps/support/scim/stage.ts): `> METHOD url`, `> …`, `< status`, `< …`; its last exchange before clean-up. */
function lastStageExchange(text: string): string | undefined {
  const beforeCleanup = text.split('===== cleanup')[0]!;
  const blocks = beforeCleanup
    .split(/\n(?=> [A-Z]+ \S+)/)
    .map((b) => b.trim())
    .filter((b) => /^> [A-Z]+ \S+/.test(b));
  const block = blocks.at(-1);
  if (!block) return undefined;
  const lines = block.split('\n');
  const statusAt = lines.findIndex((l) => /^< \d{3}$/.test(l));
  if (statusAt < 0) return exchangeLine(lines[0]!.slice(2), undefined, '');
  const body = lines
    .slice(statusAt + 1)
    .filter((l) => l.startsWith('< ') && !/^< [\w-]+: /.test(l))
    .map((l) => l.slice(2))
    .join(' ');
  return exchangeLine(lines[0]!.slice(2), lines[statusAt]!.slice(2), body);
}

/** The Entra/Okta driver's attachment (certify/driver/endpoint.ts): `METHOD url`, headers, body, then `→ status`, headers, body. */
function driverExchange(text: string): string | undefined {
  if (!/^[A-Z]+ \S+/.test(text)) return undefined;
  const request = text.split('\n')[0]!;
  const arrow = text.lastIndexOf('\n→ ');
  if (arrow < 0) return undefined;
  const response = text.slice(arrow + 3);
  const [statusLine, ...rest] = response.split('\n');
  const status = /^\d{3}\b/.test(statusLine!) ? statusLine!.trim() : undefined;
  if (status === undefined) return `request ${request}, no response (${statusLine!.trim()})`;
  return exchangeLine(request, status, rest.join('\n').split('\n\n').slice(1).join(' '));
}

/** The last request and response the test's transcript shows (either transcript format), before clean-up. */
export function lastExchange(transcript: readonly TranscriptText[]): string | undefined {
  for (const entry of [...transcript].reverse()) {
    if (entry.name === 'cleanup') continue;
    const found = entry.text.startsWith('> ') || entry.text.includes('\n> ') ? lastStageExchange(entry.text) : driverExchange(entry.text);
    if (found) return found;
  }
  return undefined;
}

/** The failure as a report shows it; undefined stays undefined. */
export function readableFailure(raw: string | undefined, transcript: readonly TranscriptText[] = []): string | undefined {
  if (raw === undefined) return undefined;
  let sentence = errorSentence(raw) || 'the step failed without a message';
  if (!/\b[A-Z]+ \S+ → \d{3}\b/.test(sentence)) {
    const exchange = lastExchange(transcript);
    if (exchange) sentence = `${sentence.replace(/[.:;,]$/, '')} (${exchange})`;
  }
  sentence = shorten(sentence, MAX_LENGTH);
  return /[.!?)…]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** A run-level error (hook crash, bad tag expression) on one line without paths or stack frames. */
export function readableRunError(raw: string | undefined): string | undefined {
  return raw === undefined ? undefined : shorten(errorSentence(raw), MAX_LENGTH);
}
