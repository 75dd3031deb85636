/*
 * Writes the load run's report into a directory: load.json (the whole LoadResult, with the tool's version) and
 * load.html (./html.ts). The directory is created when missing. Returns both paths.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LoadResult } from '../run.ts';
import { loadHtml } from './html.ts';

export async function writeLoadReport(result: LoadResult, dir: string, version: string): Promise<{ json: string; html: string }> {
  await mkdir(dir, { recursive: true });
  const json = join(dir, 'load.json');
  const html = join(dir, 'load.html');
  await writeFile(json, `${JSON.stringify({ tool: 'sso-harness load saml', version, ...result }, null, 2)}\n`);
  await writeFile(html, loadHtml(result, version));
  return { json, html };
}
