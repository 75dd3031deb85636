/*
 * The enveloped signature of ./sign-element.ts (saml-core §5.4), made over an element tree the builder built
 * (./xml-node.ts) instead of through xml-crypto, with the same output byte for byte (issue 15: xml-crypto's
 * parse/clone/XPath/serialise cycles cost twice the RSA operations; see ./exc-c14n.ts):
 * - Reference URI="#ID" of the element, transforms enveloped-signature then exc-c14n (§5.4.2, §5.4.4): the digest
 *   is over the canonical form of the element before the Signature is in it, which is what the enveloped
 *   transform leaves of it
 * - SignedInfo canonicalised with exc-c14n (§5.4.3) and signed with RSA PKCS#1 v1.5 and the KeyObject of the key
 * - the Signature goes right after the element's Issuer (§3.2.1, §2.3.3), KeyInfo from ./key-info.ts (§5.4.5)
 * Returns undefined when the element holds something only a parser can canonicalise (raw markup, unusual
 * characters): the caller then signs the serialised element with signElement (xml-crypto).
 * Element names, attribute order and the Signature's shape are xml-crypto 6's, so the two signers are
 * interchangeable; ./template-signer.test.ts compares them byte for byte and has xmlsec1 verify the result.
 */
import { createHash, sign } from 'node:crypto';
import { idpError } from '../errors.ts';
import { privateKeyObject } from '../keys/key-objects.ts';
import type { KeyPair } from '../keys/key-store.ts';
import { ENVELOPED_SIGNATURE, EXC_C14N, NS, SIGNATURE_ALGORITHM, type SignatureAlgorithmName } from '../namespaces.ts';
import { canonicalize } from './exc-c14n.ts';
import { keyInfoCertificates } from './key-info.ts';
import { el, type XmlElement } from './xml-node.ts';

const HASH: Record<SignatureAlgorithmName, string> = { sha1: 'sha1', sha256: 'sha256', sha512: 'sha512' };

export interface SignNodeOptions {
  /** The ID attribute value of the element (checked against the element). */
  readonly id: string;
  readonly key: KeyPair;
  readonly algorithm: SignatureAlgorithmName;
}

const ds = (name: string, attributes: readonly (readonly [string, string])[], children: XmlElement['children'] = []) => el(`ds:${name}`, NS.ds, attributes, children);

/** The element with its enveloped Signature after the Issuer, or undefined if only xml-crypto can sign it. */
export function signNode(element: XmlElement, options: SignNodeOptions): XmlElement | undefined {
  const issuer = element.children[0];
  if (typeof issuer !== 'object' || issuer.kind !== 'element' || !issuer.name.endsWith(':Issuer')) {
    throw idpError('builder/invalid', `${element.name} has no Issuer to place its Signature after`);
  }
  if (!element.attributes.some((a) => a.name === 'ID' && a.value === options.id)) {
    throw idpError('builder/invalid', `${element.name} does not carry the ID ${options.id}`);
  }
  const canonical = canonicalize(element);
  if (canonical === undefined) return undefined;
  const alg = SIGNATURE_ALGORITHM[options.algorithm];
  const hash = HASH[options.algorithm];
  const signedInfo = ds(
    'SignedInfo',
    [],
    [
      ds('CanonicalizationMethod', [['Algorithm', EXC_C14N]]),
      ds('SignatureMethod', [['Algorithm', alg.signature]]),
      ds(
        'Reference',
        [['URI', `#${options.id}`]],
        [
          ds('Transforms', [], [ds('Transform', [['Algorithm', ENVELOPED_SIGNATURE]]), ds('Transform', [['Algorithm', EXC_C14N]])]),
          ds('DigestMethod', [['Algorithm', alg.digest]]),
          ds('DigestValue', [], [createHash(hash).update(canonical, 'utf8').digest('base64')]),
        ],
      ),
    ],
  );
  const signedInfoCanonical = canonicalize(signedInfo)!;
  const signatureValue = sign(hash, Buffer.from(signedInfoCanonical, 'utf8'), privateKeyObject(options.key.privateKeyPem)).toString('base64');
  const certificates = keyInfoCertificates(options.key.certificatePem);
  const signature = el(
    'ds:Signature',
    NS.ds,
    [],
    [
      signedInfo,
      ds('SignatureValue', [], [signatureValue]),
      ...(certificates.length > 0
        ? [
            ds(
              'KeyInfo',
              [],
              [
                ds(
                  'X509Data',
                  [],
                  certificates.map((c) => ds('X509Certificate', [], [c])),
                ),
              ],
            ),
          ]
        : []),
    ],
    { declare: [['ds', NS.ds]] },
  );
  return { ...element, children: [issuer, signature, ...element.children.slice(1)], parsedForm: true };
}
