/*
 * The HTTP-Artifact part of the SAML stage (saml-bindings §3.6): switches a tenant to artifact delivery, queues the
 * IdP's artifact deviations, forges what an outsider would send (an artifact the IdP never issued, an unsigned
 * ArtifactResolve in the SP's name) and reads what the IdP did with each resolution. Functions over the SamlStage,
 * so the stage itself stays the one browser; what a scenario holds between steps is kept per stage here.
 */
import { randomBytes } from 'node:crypto';
import { encodeArtifact, sourceIdOf } from '../../../mock-idp/saml/artifact/artifact-format.ts';
import type { ArtifactDeviationInput } from '../../../mock-idp/saml/artifact/deviations/index.ts';
import type { Resolution } from '../../../mock-idp/saml/artifact/artifact-service.ts';
import { StepArgumentError } from '../step-error.ts';
import type { PostedForm, SamlStage, SignInOutcome } from './stage.ts';

const SAMLP = 'urn:oasis:names:tc:SAML:2.0:protocol';

interface ArtifactScene {
  /** What the IdP answered an outsider's ArtifactResolve with. */
  outsiderAnswer?: { readonly status: number; readonly carriedMessage: boolean; readonly success: boolean };
}
const scenes = new WeakMap<SamlStage, ArtifactScene>();
const scene = (stage: SamlStage): ArtifactScene => {
  let s = scenes.get(stage);
  if (!s) scenes.set(stage, (s = {}));
  return s;
};

/** The tenant's SP metadata advertises an HTTP-Artifact ACS, so the IdP answers it with artifacts. */
export function receiveSignInsByArtifact(stage: SamlStage): void {
  stage.configureSaml({ acsBinding: 'artifact' });
}

/** The IdP hands the artifact over by redirect rather than by form (saml-bindings §3.6.3), a choice made per SP. */
export function deliverArtifactsByRedirect(stage: SamlStage): void {
  if (stage.tenant().saml.acsBinding !== 'artifact') {
    throw new StepArgumentError('artifact/not-artifact', 'the tenant does not receive sign-ins by artifact: start with "the tenant receives sign-ins by artifact"');
  }
  stage.configureIdpRegistration({ artifactDelivery: 'redirect' });
}

export async function queueArtifactDeviation(stage: SamlStage, deviation: ArtifactDeviationInput): Promise<void> {
  (await stage.idp()).control.artifacts.setNext([deviation]);
}

/** SP-initiated up to the IdP's answer; the form (with SAMLart) is held, not posted yet. */
export async function holdArtifactForm(stage: SamlStage, email: string): Promise<PostedForm> {
  const form = await stage.startAtSp(email);
  if (!form) throw new Error(`the IdP refused the sign-in: ${JSON.stringify(stage.outcome)}`);
  if (form.fields['SAMLart'] === undefined) throw new Error('the IdP answered with a Response, not an artifact: is the tenant receiving sign-ins by artifact?');
  stage.heldForm = form;
  return form;
}

/** Posts the held form (the browser delivering its artifact to the ACS). */
export async function deliverHeldArtifact(stage: SamlStage): Promise<SignInOutcome> {
  if (!stage.heldForm) throw new Error('no artifact is held: start a sign-in first');
  const form = stage.heldForm;
  stage.heldForm = undefined;
  return stage.postAndRecord(form);
}

/** An artifact with the IdP's own SourceID and a MessageHandle it never issued (saml-bindings §3.6.4.1). */
export async function neverIssuedArtifact(stage: SamlStage): Promise<string> {
  const idp = await stage.idp();
  return encodeArtifact({ endpointIndex: 0, sourceId: sourceIdOf(idp.entityId), messageHandle: randomBytes(20) });
}

/** An outsider asks the IdP to resolve the held artifact in the SP's name, without signing (saml-core §3.5.1). */
export async function resolveHeldArtifactUnsigned(stage: SamlStage): Promise<void> {
  const artifact = stage.heldForm?.fields['SAMLart'];
  if (!artifact) throw new Error('no artifact is held: start a sign-in first');
  const idp = await stage.idp();
  const resolve =
    `<samlp:ArtifactResolve xmlns:samlp="${SAMLP}" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_${randomBytes(16).toString('hex')}" Version="2.0"` +
    ` IssueInstant="${stage.clock.now().toISOString()}"><saml:Issuer>${await stage.spEntityId()}</saml:Issuer><samlp:Artifact>${artifact}</samlp:Artifact></samlp:ArtifactResolve>`;
  const response = await fetch(idp.control.artifactResolutionUrl, {
    method: 'POST',
    headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: 'http://www.oasis-open.org/committees/security' },
    body: `<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body>${resolve}</SOAP-ENV:Body></SOAP-ENV:Envelope>`,
  });
  const text = await response.text();
  stage.attach(text, 'ArtifactResponse (outsider).xml');
  scene(stage).outsiderAnswer = {
    status: response.status,
    carriedMessage: /<samlp:Response[\s>]/.test(text),
    success: text.includes('urn:oasis:names:tc:SAML:2.0:status:Success'),
  };
}

export function outsiderAnswer(stage: SamlStage): NonNullable<ArtifactScene['outsiderAnswer']> {
  const answer = scene(stage).outsiderAnswer;
  if (!answer) throw new Error('nobody asked the IdP to resolve an artifact outside the SP');
  return answer;
}

export async function resolutions(stage: SamlStage): Promise<readonly Resolution[]> {
  return (await stage.idp()).control.artifacts.resolutions();
}
