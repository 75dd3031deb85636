/*
 * sso-harness idp mint --sp-entity-id ID --acs URL [--attribute name=value]… [--sign response|assertion|both|none]
 *   [--alg sha1|sha256|sha512] [--encrypt-to CERT] [--name-id VALUE] [--in-response-to ID]
 *   [--base-url URL] [--data-dir DIR] --out FILE
 * Writes a signed SAMLResponse (XML) minted by the mock IdP with the keys in the data directory, so anything
 * holding the IdP metadata (`idp metadata`, same data dir and base URL) can verify it. A repeated --attribute
 * name makes a multi-valued attribute.
 * - invalid arguments are usage errors naming the flag (exit 2), checked before anything is minted:
 *   --encrypt-to that cannot be read (idp-mint/encrypt-to-unreadable) or is not an X.509 certificate in PEM or
 *   DER (idp-mint/encrypt-to-not-certificate); --out into a directory that does not exist (idp-mint/out-dir-missing);
 * - the mint itself failing, or the file not being written, is exit 1 (idp-mint/failed).
 */
import { X509Certificate } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { InvalidArgumentError, Option, type Command as Commander } from 'commander';
import type { Command } from '../main.ts';
import type { SamlAttribute, SignaturePlacement } from '../../mock-idp/index.ts';
import { addIdpOptions } from './idp-metadata.ts';
import { CommandFailure } from './shared/failure.ts';
import { absoluteUrl, collect } from './shared/option-parsers.ts';
import { legacyCommand, usageError, type CommandDefinition } from './shared/program.ts';

interface MintFlags {
  spEntityId: string;
  acs: string;
  attribute: string[] | undefined;
  sign: SignaturePlacement;
  alg: 'sha1' | 'sha256' | 'sha512';
  encryptTo: string | undefined;
  nameId: string | undefined;
  inResponseTo: string | undefined;
  baseUrl: string;
  dataDir: string;
  out: string;
}

function attribute(value: string, previous: string[] = []): string[] {
  if (value.indexOf('=') <= 0) throw new InvalidArgumentError('Must be name=value.');
  return collect(value, previous);
}

/** The certificate --encrypt-to names, as PEM; a usage error naming the flag when it is not one. */
function encryptionCertificate(cmd: Commander, path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    usageError(cmd, `--encrypt-to ${path}: cannot read it (${(e as NodeJS.ErrnoException).code ?? 'unreadable'})`, 'idp-mint/encrypt-to-unreadable');
  }
  try {
    return new X509Certificate(bytes).toString();
  } catch {
    usageError(
      cmd,
      `--encrypt-to ${path}: not an X.509 certificate (PEM "-----BEGIN CERTIFICATE-----" or DER); give the SP's encryption certificate`,
      'idp-mint/encrypt-to-not-certificate',
    );
  }
}

function checkOutDirectory(cmd: Commander, out: string): void {
  const dir = dirname(out);
  let isDirectory = false;
  try {
    isDirectory = statSync(dir).isDirectory();
  } catch {
    isDirectory = false;
  }
  if (!isDirectory) usageError(cmd, `--out ${out}: the directory ${dir} does not exist`, 'idp-mint/out-dir-missing');
}

export const definition: CommandDefinition = {
  path: ['idp', 'mint'],
  description: 'write a SAML response signed by the mock IdP (verifiable with the idp metadata certificate)',
  configure(cmd) {
    cmd
      .usage('--sp-entity-id <id> --acs <url> --out <file> [options]')
      .addOption(new Option('--sp-entity-id <id>', "required: the SP's entityID (the assertion's Audience)").makeOptionMandatory())
      .addOption(new Option('--acs <url>', "required: the SP's Assertion Consumer Service URL (Destination, Recipient)").makeOptionMandatory().argParser(absoluteUrl))
      .addOption(new Option('--attribute <name=value>', 'an attribute; repeat a name for a multi-valued attribute').argParser(attribute))
      .addOption(new Option('--sign <where>', 'what to sign').choices(['response', 'assertion', 'both', 'none']).default('both'))
      .addOption(new Option('--alg <alg>', 'signature digest').choices(['sha1', 'sha256', 'sha512']).default('sha256'))
      .addOption(new Option('--encrypt-to <cert>', "encrypt the assertion to this X.509 certificate (PEM or DER): the SP's encryption certificate"))
      .addOption(new Option('--name-id <value>', 'the NameID (default: the first attribute value that looks like an email)'))
      .addOption(new Option('--in-response-to <id>', 'the AuthnRequest ID this answers (SP-initiated sign-in)'));
    addIdpOptions(cmd);
    cmd.addOption(new Option('--out <file>', 'required: where to write the SAMLResponse XML (its directory must exist)').makeOptionMandatory());
  },
  async run(cmd, io) {
    const flags = cmd.opts<MintFlags>();
    const encryptionCert = flags.encryptTo === undefined ? undefined : encryptionCertificate(cmd, flags.encryptTo);
    checkOutDirectory(cmd, flags.out);

    const attributes = new Map<string, string[]>();
    for (const a of flags.attribute ?? []) {
      const eq = a.indexOf('=');
      const name = a.slice(0, eq);
      attributes.set(name, [...(attributes.get(name) ?? []), a.slice(eq + 1)]);
    }
    const { createMockIdp, systemClock } = await import('../../mock-idp/index.ts');
    const idp = createMockIdp({ baseUrl: flags.baseUrl, dataDir: flags.dataDir, clock: systemClock });
    const attrList: SamlAttribute[] = [...attributes].map(([name, values]) => ({ name, values }));
    const emailLike = attrList.flatMap((a) => a.values).find((v) => /^[^@\s]+@[^@\s]+$/.test(v));
    const b = idp.control
      .responseBuilder()
      .forSp(flags.spEntityId, flags.acs)
      .nameId(flags.nameId ?? emailLike ?? 'user@example.com', 'emailAddress')
      .attributes(attrList)
      .signing(flags.sign)
      .signatureAlgorithm(flags.alg as 'sha256');
    if (flags.inResponseTo) b.inResponseTo(flags.inResponseTo);
    if (encryptionCert) b.encryptTo(encryptionCert);
    let built: Awaited<ReturnType<typeof b.build>>;
    try {
      built = await b.build();
    } catch (e) {
      throw new CommandFailure('idp-mint/failed', `could not mint the response: ${(e as Error).message.split('\n')[0]}`);
    }
    try {
      writeFileSync(flags.out, built.xml);
    } catch (e) {
      throw new CommandFailure('idp-mint/failed', `--out ${flags.out}: cannot write it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    io.out(`wrote ${flags.out} (Response ${built.responseId}, Assertion ${built.assertionId})\n`);
    return 0;
  },
};

export const command: Command = legacyCommand(definition);
