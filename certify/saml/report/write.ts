/*
 * Writes certification-saml.json, certification-saml.html and junit.xml into the report directory. The JSON is
 * checked against certify/saml/report-schema.json before anything is written: a report that does not match its
 * schema is a bug. Validation is the SCIM report's (certify/report/write.ts), with this report's schema.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { validateAgainst } from '../../report/write.ts';
import type { SamlCertification } from '../run.ts';
import { type SamlCertificationDocument, toSamlDocument } from './document.ts';
import { renderSamlHtml } from './html.ts';
import { renderSamlJunit } from './junit.ts';

export interface WrittenSamlReport {
  readonly json: string;
  readonly html: string;
  readonly junit: string;
  readonly document: SamlCertificationDocument;
}

export async function loadSamlReportSchema(): Promise<object> {
  return JSON.parse(await readFile(new URL('../report-schema.json', import.meta.url), 'utf8')) as object;
}

/** Every problem with a document against the SAML report schema (empty when valid). */
export async function validateSamlDocument(document: unknown): Promise<string[]> {
  return validateAgainst(await loadSamlReportSchema(), document);
}

export async function writeSamlReport(run: SamlCertification, reportDir: string, toolVersion: string): Promise<WrittenSamlReport> {
  const document = toSamlDocument(run, toolVersion);
  const problems = await validateSamlDocument(document);
  if (problems.length > 0) throw new Error(`certification-saml.json does not match certify/saml/report-schema.json:\n${problems.join('\n')}`);
  const dir = resolve(reportDir);
  await mkdir(dir, { recursive: true });
  const paths = { json: join(dir, 'certification-saml.json'), html: join(dir, 'certification-saml.html'), junit: join(dir, 'junit.xml') };
  await Promise.all([
    writeFile(paths.json, `${JSON.stringify(document, null, 2)}\n`),
    writeFile(paths.html, renderSamlHtml(document)),
    writeFile(paths.junit, renderSamlJunit(document)),
  ]);
  return { ...paths, document };
}
