// Part of `npm run build`: copies the non-TypeScript files the code reads at run time (located next to the module
// that reads them with import.meta.url) into dist/, at the same relative paths, so the compiled package finds them.
import { cpSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ASSETS = [
  'certify/report-schema.json', // certify/report/write.ts validates every report against it
  'certify/saml/report-schema.json', // certify/saml/report/write.ts validates every SAML report against it
  'mock-idp/scim-client/fixtures/ninjaone.yaml', // steps/support/entra/stage.ts: NinjaOne's attribute mappings
];

const root = new URL('..', import.meta.url);
for (const asset of ASSETS) cpSync(fileURLToPath(new URL(asset, root)), fileURLToPath(new URL(`dist/${asset}`, root)));
