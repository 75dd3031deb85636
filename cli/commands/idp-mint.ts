/*
 * sso-harness idp mint --sp-entity-id ID --acs URL [--attribute name=value]… [--sign response|assertion|both|none]
 *   [--alg sha1|sha256|sha512] [--encrypt-to CERT.pem] [--name-id VALUE] [--in-response-to ID]
 *   [--base-url URL] [--data-dir DIR] --out FILE
 * Writes a signed SAMLResponse (XML) minted by the mock IdP with the keys in the data directory, so anything
 * holding the IdP metadata (`idp metadata`, same data dir and base URL) can verify it. A repeated --attribute
 * name makes a multi-valued attribute. Invalid arguments: usage and exit 2.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Command } from '../main.ts';
import { createMockIdp, systemClock, type SamlAttribute, type SignaturePlacement } from '../../mock-idp/index.ts';
import { DEFAULT_IDP_BASE_URL, DEFAULT_IDP_DATA_DIR } from './idp-metadata.ts';

const usage =
  'idp mint --sp-entity-id ID --acs URL [--attribute name=value]… [--sign response|assertion|both|none] [--alg sha1|sha256|sha512] [--encrypt-to CERT.pem] [--name-id VALUE] [--in-response-to ID] [--base-url URL] [--data-dir DIR] --out FILE';

class UsageError extends Error {}

function parse(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      'sp-entity-id': { type: 'string' },
      acs: { type: 'string' },
      attribute: { type: 'string', multiple: true },
      sign: { type: 'string' },
      alg: { type: 'string' },
      'encrypt-to': { type: 'string' },
      'name-id': { type: 'string' },
      'in-response-to': { type: 'string' },
      'base-url': { type: 'string' },
      'data-dir': { type: 'string' },
      out: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const problems: string[] = [];
  if (!values['sp-entity-id']) problems.push('--sp-entity-id is required');
  if (!values.acs) problems.push('--acs is required');
  else if (!URL.canParse(values.acs)) problems.push('--acs must be an absolute URL');
  if (!values.out) problems.push('--out is required');
  if (values.sign !== undefined && !['response', 'assertion', 'both', 'none'].includes(values.sign)) problems.push('--sign must be response, assertion, both or none');
  if (values.alg !== undefined && !['sha1', 'sha256', 'sha512'].includes(values.alg)) problems.push('--alg must be sha1, sha256 or sha512');
  if (values['base-url'] !== undefined && !URL.canParse(values['base-url'])) problems.push('--base-url must be an absolute URL');
  const attributes = new Map<string, string[]>();
  for (const a of values.attribute ?? []) {
    const eq = a.indexOf('=');
    if (eq <= 0) {
      problems.push(`--attribute ${a} must be name=value`);
      continue;
    }
    const name = a.slice(0, eq);
    attributes.set(name, [...(attributes.get(name) ?? []), a.slice(eq + 1)]);
  }
  if (problems.length > 0) throw new UsageError(problems.join('; '));
  return { values, attributes };
}

export const command: Command = {
  usage,
  async run(argv) {
    let parsed: ReturnType<typeof parse>;
    try {
      parsed = parse(argv);
    } catch (e) {
      process.stderr.write(`sso-harness: ${(e as Error).message}\nusage: sso-harness ${usage}\n`);
      return 2;
    }
    const { values, attributes } = parsed;
    let encryptionCert: string | undefined;
    if (values['encrypt-to']) {
      try {
        encryptionCert = readFileSync(values['encrypt-to'], 'utf8');
      } catch (e) {
        process.stderr.write(`sso-harness: cannot read --encrypt-to: ${(e as Error).message}\n`);
        return 2;
      }
    }
    const idp = createMockIdp({
      baseUrl: values['base-url'] ?? DEFAULT_IDP_BASE_URL,
      dataDir: values['data-dir'] ?? DEFAULT_IDP_DATA_DIR,
      clock: systemClock,
    });
    const attrList: SamlAttribute[] = [...attributes].map(([name, v]) => ({ name, values: v }));
    const emailLike = attrList.flatMap((a) => a.values).find((v) => /^[^@\s]+@[^@\s]+$/.test(v));
    const b = idp.control
      .responseBuilder()
      .forSp(values['sp-entity-id']!, values.acs!)
      .nameId(values['name-id'] ?? emailLike ?? 'user@example.com', 'emailAddress')
      .attributes(attrList)
      .signing((values.sign ?? 'both') as SignaturePlacement)
      .signatureAlgorithm((values.alg ?? 'sha256') as 'sha256');
    if (values['in-response-to']) b.inResponseTo(values['in-response-to']);
    if (encryptionCert) b.encryptTo(encryptionCert);
    try {
      const built = await b.build();
      writeFileSync(values.out!, built.xml);
      process.stdout.write(`wrote ${values.out} (Response ${built.responseId}, Assertion ${built.assertionId})\n`);
      return 0;
    } catch (e) {
      process.stderr.write(`sso-harness: ${(e as Error).message}\n`);
      return 1;
    }
  },
};
