/*
 * The SAML defect layer (issue 10, "Proof that the verdicts are right"): the strict mini SP and the defect SPs,
 * each the mini SP with exactly one rule replaced (./defect.ts). `certify saml` must flag every defect SP with the
 * tests made for it and with no unrelated MUST test, and must certify the strict mini SP (and node-saml,
 * ./test-support/node-saml-sp.ts) with no false alarm: defects.test.ts.
 */
import { acceptsSha1 } from './accepts-sha1.ts';
import { acceptsTwoAssertions } from './accepts-two-assertions.ts';
import { acceptsUnsigned } from './accepts-unsigned.ts';
import { acceptsUnsolicited } from './accepts-unsolicited.ts';
import { allowsDtd } from './allows-dtd.ts';
import type { SamlDefect } from './defect.ts';
import { ignoresRequiredAttributes } from './ignores-required-attributes.ts';
import { startMiniSp, type RunningMiniSp } from './mini-sp/app.ts';
import { nameIdFirstTextNode } from './nameid-first-text-node.ts';
import { noClockSkew } from './no-clock-skew.ts';
import { noReplayCache } from './no-replay-cache.ts';
import { openRelayState } from './open-relay-state.ts';
import { readsByPrefix } from './reads-by-prefix.ts';
import { refusesGcm } from './refuses-gcm.ts';
import { readsFirstAssertion } from './reads-first-assertion.ts';
import { skipsAudience } from './skips-audience.ts';
import { skipsDestination } from './skips-destination.ts';
import { skipsExpiry } from './skips-expiry.ts';
import { skipsIssuer } from './skips-issuer.ts';
import { skipsNotBefore } from './skips-not-before.ts';
import { skipsRecipient } from './skips-recipient.ts';
import { trustsKeyInfo } from './trusts-keyinfo.ts';
import { unsolicitedAsSolicited } from './unsolicited-as-solicited.ts';

export type { SamlDefect } from './defect.ts';

export const SAML_DEFECTS: readonly SamlDefect[] = [
  readsFirstAssertion,
  acceptsTwoAssertions,
  acceptsUnsigned,
  trustsKeyInfo,
  acceptsSha1,
  skipsAudience,
  skipsExpiry,
  skipsNotBefore,
  skipsRecipient,
  skipsDestination,
  skipsIssuer,
  noReplayCache,
  nameIdFirstTextNode,
  readsByPrefix,
  openRelayState,
  allowsDtd,
  unsolicitedAsSolicited,
  acceptsUnsolicited,
  ignoresRequiredAttributes,
  // interoperability defects: the SP refuses what it should accept
  refusesGcm,
  noClockSkew,
];

export type SamlDefectName = (typeof SAML_DEFECTS)[number]['name'];

/** What a certification needs to reach an SP of the defect layer. */
export interface DefectSpEndpoints {
  readonly metadataUrl: string;
  readonly loginUrl: string;
  readonly whoamiUrl: string;
  readonly whoamiJsonPath: 'user';
  /** The mini SP itself (its context, its metadata XML), for tests. */
  readonly sp: RunningMiniSp;
  close(): Promise<void>;
}

/** Starts the defect SP `name` ('none': the strict mini SP) trusting the IdP whose metadata is given. */
export async function startSamlDefectSp(name: string, options: { readonly idpMetadataXml: string }): Promise<DefectSpEndpoints> {
  const defect = name === 'none' ? undefined : SAML_DEFECTS.find((d) => d.name === name);
  if (name !== 'none' && !defect) throw new Error(`no SAML defect SP named ${JSON.stringify(name)}`);
  const sp = await startMiniSp({ idpMetadataXml: options.idpMetadataXml, replacement: defect?.replacement });
  return { metadataUrl: sp.metadataUrl, loginUrl: sp.loginUrl, whoamiUrl: sp.whoamiUrl, whoamiJsonPath: 'user', sp, close: () => sp.close() };
}
