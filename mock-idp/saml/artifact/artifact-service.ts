/*
 * The IdP's side of the HTTP-Artifact binding (saml-bindings §3.6) and the Artifact Resolution Protocol
 * (saml-core §3.5), over SOAP (saml-bindings §3.2):
 * - issue: a Response for an SP whose ACS is bound to HTTP-Artifact is stored, and the browser gets a type 0x0004
 *   artifact (./artifact-format.ts) naming ArtifactResolutionService index 0 — then any queued artifact deviation
 * - resolve: the one SAML element in the SOAP body must be an ArtifactResolve (./artifact-resolve.ts); the artifact
 *   is taken from the store, which uses it up whoever asks (one-time use, ./artifact-store.ts). The Response goes
 *   back only to the SP it was issued for, authenticated: Issuer equal to that SP, and signed when the SP
 *   registered a signing certificate. Anything else — unknown, expired, already resolved, not ours, another SP,
 *   unsigned, a bad signature — gets an empty ArtifactResponse with status Success (saml-core §3.5.3: "If the
 *   artifact issuer receives an <ArtifactResolve> message from a requester that cannot authenticate itself as
 *   the original intended recipient, then the artifact issuer MUST return an empty response")
 * - every resolution is recorded with its outcome, so steps and the control API can say why an answer was empty
 */
import type { Clock } from '../../clock.ts';
import type { KeyPair } from '../keys/key-store.ts';
import type { SpRegistration } from '../sp-registry/sp-registration.ts';
import { decodeArtifact, encodeArtifact, newMessageHandle, sourceIdOf } from './artifact-format.ts';
import { readArtifactResolve } from './artifact-resolve.ts';
import { artifactResponseXml } from './artifact-response.ts';
import { ArtifactStore } from './artifact-store.ts';
import type { ArtifactDeviation, ArtifactDraft } from './deviations/artifact-deviation.ts';
import { parseArtifactDeviations } from './deviations/index.ts';
import { SoapFault, soapBodyElement, soapEnvelope, soapFaultXml } from './soap.ts';

/** The index of the one ArtifactResolutionService in the IdP's metadata. */
export const ARTIFACT_RESOLUTION_INDEX = 0;
const HISTORY_LIMIT = 50;

/** Why an ArtifactResponse was empty, or that it carried the Response. */
export type ResolutionOutcome = 'resolved' | 'artifact/unknown' | 'artifact/other-sp' | 'artifact/unknown-requester' | 'artifact/signature-missing' | 'artifact/signature-invalid';

export interface Resolution {
  readonly requester: string;
  readonly outcome: ResolutionOutcome;
  readonly at: string;
}

export interface ArtifactServiceContext {
  readonly entityId: string;
  readonly clock: Clock;
  readonly signingKey: () => KeyPair;
  /** How long an artifact may be resolved after it was issued (default 3 minutes). */
  readonly ttlMs?: number;
  /** How many unresolved artifacts are kept at most (default 1000; the oldest goes first). */
  readonly maxEntries?: number;
}

export class ArtifactService {
  readonly #store: ArtifactStore;
  #next: ArtifactDeviation[] = [];
  #previous: string | undefined;
  readonly #resolutions: Resolution[] = [];

  constructor(private readonly ctx: ArtifactServiceContext) {
    this.#store = new ArtifactStore(ctx.clock, ctx.ttlMs ?? 3 * 60_000, ctx.maxEntries ?? 1000);
  }

  /** Queues artifact deviations for the next artifact issued (validated now); used once. */
  setNext(deviations: unknown): void {
    this.#next = parseArtifactDeviations(deviations);
  }

  /** Stores the Response for `spEntityId` and returns the artifact (SAMLart) that stands for it. */
  issue(spEntityId: string, responseXml: string): string {
    let draft: ArtifactDraft = { endpointIndex: ARTIFACT_RESOLUTION_INDEX, sourceId: sourceIdOf(this.ctx.entityId), messageHandle: newMessageHandle() };
    const deviations = this.#next;
    this.#next = [];
    for (const deviate of deviations) draft = deviate(draft, { previous: this.#previous });
    if (draft.replay !== undefined) return draft.replay;
    this.#store.put(draft.messageHandle, { responseXml, spEntityId });
    this.#previous = encodeArtifact(draft);
    return this.#previous;
  }

  /** Answers one SOAP request to the ArtifactResolutionService: the HTTP status and the SOAP message. */
  resolve(soapXml: string, findSp: (entityId: string) => SpRegistration | undefined): { status: 200 | 500; body: string } {
    let request: ReturnType<typeof readArtifactResolve>;
    try {
      request = readArtifactResolve(soapBodyElement(soapXml));
    } catch (e) {
      if (e instanceof SoapFault) return { status: 500, body: soapFaultXml(e) };
      throw e;
    }
    const { outcome, responseXml } = this.#lookup(request, findSp);
    this.#resolutions.push({ requester: request.issuer, outcome, at: this.ctx.clock.now().toISOString() });
    if (this.#resolutions.length > HISTORY_LIMIT) this.#resolutions.shift();
    const answer = artifactResponseXml({ issuer: this.ctx.entityId, inResponseTo: request.id, responseXml, clock: this.ctx.clock, key: this.ctx.signingKey() });
    return { status: 200, body: soapEnvelope(answer) };
  }

  #lookup(request: ReturnType<typeof readArtifactResolve>, findSp: (entityId: string) => SpRegistration | undefined): { outcome: ResolutionOutcome; responseXml?: string } {
    const artifact = decodeArtifact(request.artifact);
    // Taken before the requester is checked: whoever presents an artifact uses it up (one-time use).
    const stored = artifact?.sourceId.equals(sourceIdOf(this.ctx.entityId)) ? this.#store.take(artifact.messageHandle) : undefined;
    if (!stored) return { outcome: 'artifact/unknown' };
    const sp = findSp(request.issuer);
    if (!sp) return { outcome: 'artifact/unknown-requester' };
    if (stored.spEntityId !== sp.entityId) return { outcome: 'artifact/other-sp' };
    if (request.signed || sp.signingCertPem) {
      if (!request.signed) return { outcome: 'artifact/signature-missing' };
      try {
        if (!sp.signingCertPem) throw new Error('no certificate to verify with');
        request.verify(sp.signingCertPem);
      } catch {
        return { outcome: 'artifact/signature-invalid' };
      }
    }
    return { outcome: 'resolved', responseXml: stored.responseXml };
  }

  /** Resolutions so far, oldest first (at most the last 50). */
  resolutions(): readonly Resolution[] {
    return [...this.#resolutions];
  }

  /** Artifacts issued and not yet resolved or expired. */
  get pending(): number {
    return this.#store.size;
  }
}
