/*
 * Writes certification.json, certification.html and junit.xml into the report directory. The JSON is checked
 * against certify/report-schema.json before it is written: a report that does not match its schema is a bug.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import type { Certification } from '../run.ts';
import { toDocument, type CertificationDocument } from './document.ts';
import { renderHtml } from './html.ts';
import { renderJunit } from './junit.ts';

export interface WrittenReport {
  readonly json: string;
  readonly html: string;
  readonly junit: string;
  readonly document: CertificationDocument;
}

export async function loadReportSchema(): Promise<object> {
  return JSON.parse(await readFile(new URL('../report-schema.json', import.meta.url), 'utf8')) as object;
}

/** Validates a document against the report schema; returns every problem (empty when valid). */
export async function validateDocument(document: unknown): Promise<string[]> {
  return validateAgainst(await loadReportSchema(), document);
}

/** Validates a document against a report schema (this one, or certify saml's); every problem, empty when valid. */
export function validateAgainst(schema: object, document: unknown): string[] {
  const ajv = new Ajv({ allErrors: true, strict: true });
  // RFC 3339 §5.6 date-time, as toISOString() writes it (ajv-formats is not a dependency).
  ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
  const validate = ajv.compile(schema);
  if (validate(document)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}

export async function writeReport(run: Certification, reportDir: string, toolVersion: string): Promise<WrittenReport> {
  const document = toDocument(run, toolVersion);
  const problems = await validateDocument(document);
  if (problems.length > 0) throw new Error(`certification.json does not match certify/report-schema.json:\n${problems.join('\n')}`);
  const dir = resolve(reportDir);
  await mkdir(dir, { recursive: true });
  const paths = { json: join(dir, 'certification.json'), html: join(dir, 'certification.html'), junit: join(dir, 'junit.xml') };
  await Promise.all([writeFile(paths.json, `${JSON.stringify(document, null, 2)}\n`), writeFile(paths.html, renderHtml(document)), writeFile(paths.junit, renderJunit(document))]);
  return { ...paths, document };
}
