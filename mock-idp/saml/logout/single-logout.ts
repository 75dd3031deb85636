/*
 * The IdP as session authority in Single Logout (SAML Profiles §4.4, Core §3.7.3):
 * - SP-initiated (§4.4.4.1): a LogoutRequest from a session participant is authenticated (its registered
 *   certificate), its Issuer, Destination, NotOnOrAfter and ID (replay) checked, and it must name a session the
 *   IdP has (NameID + SessionIndex, ./checks/find-session.ts);
 * - the IdP session ends at once (no new assertion is issued in it), then a signed LogoutRequest goes to every
 *   OTHER participant that registered a SingleLogoutService, one after another through the browser (front
 *   channel: a redirect or a self-posting form each, as Entra, Okta and Shibboleth do), each answered by a
 *   LogoutResponse that comes back here (matched by InResponseTo, from the SP it was sent to, signed by it);
 * - finally the initiator gets a signed LogoutResponse: Success, or Success with the second-level status
 *   PartialLogout when a participant answered non-Success or its answer did not verify (Core §3.7.3.2);
 *   IdP-initiated logout (login page, control API) ends on a page of this IdP with the same verdict;
 * - a participant that does not answer within ANSWER_BOUND_MS does not stop the chain: when the browser comes back
 *   to the IdP after the bound (GET /saml/slo/continue), that participant counts as failed (`logout/no-answer`) and
 *   the next one is asked, so the initiator still gets its PartialLogout (Core §3.7.3.2). Before the bound the IdP
 *   keeps waiting (`logout/awaiting-answer`, 409): the answer may still come. A LogoutResponse after that is
 *   `logout/in-response-to`. (Shibboleth reaches the same end by propagating in parallel iframes, each with its own
 *   status: docs/saml-logout.md.)
 * Runs live in memory, at most MAX_RUNS, each for RUN_TTL_MS; a participant's answer counts once.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../../clock.ts';
import { IdpError, idpError } from '../errors.ts';
import type { KeyPair } from '../keys/key-store.ts';
import type { SpRegistration } from '../sp-registry/sp-registration.ts';
import { deliver, type Delivery, type LogoutBinding, type ReceivedOverBinding } from './bindings.ts';
import { checkDestination } from './checks/check-destination.ts';
import { checkResponder, requireRegisteredIssuer } from './checks/check-issuer.ts';
import { checkNotOnOrAfter } from './checks/check-not-on-or-after.ts';
import { findSessionFor, type LogoutSession, type SessionParticipant } from './checks/find-session.ts';
import { ReplayGuard } from './checks/replay-guard.ts';
import type { LogoutRequestDraft } from './deviations/draft.ts';
import { LOGOUT_DEVIATIONS, parseLogoutDeviations, type LogoutDeviationName } from './deviations/index.ts';
import { LOGOUT_STATUS, logoutRequestXml, logoutResponseXml } from './messages.ts';
import type { ReceivedLogoutRequest, ReceivedLogoutResponse } from './parse.ts';

export const RUN_TTL_MS = 10 * 60_000;
export const MAX_RUNS = 1_000;
/** How long a LogoutRequest the IdP sends stays valid (its NotOnOrAfter). */
export const REQUEST_VALIDITY_MS = 5 * 60_000;
/** How long the IdP waits for a participant's LogoutResponse before the browser may move on without it. */
export const ANSWER_BOUND_MS = 30_000;

export interface SingleLogoutDeps {
  readonly clock: Clock;
  readonly entityId: string;
  readonly sloUrl: string;
  readonly signingKey: () => KeyPair;
  readonly findSp: (entityId: string) => SpRegistration | undefined;
  /** The IdP's live sessions (../../server/idp-session.ts) and a way to end one. */
  readonly sessions: { live(): Array<{ readonly id: string; readonly session: { readonly login: string; readonly sessionIndex: string } }>; end(id: string): void };
}

/** Sessions remembered with their participants at most; beyond it the oldest is forgotten. */
export const MAX_TRACKED_SESSIONS = 10_000;

export interface ParticipantResult {
  readonly spEntityId: string;
  /** 'success', or the reason it did not: the SP's status (and our reading of its StatusMessage) or our own code. */
  readonly outcome: 'success' | 'failed';
  readonly status: string | undefined;
  readonly subStatus: string | undefined;
  readonly code: string | undefined;
}

export type LogoutVerdict = 'Success' | 'PartialLogout';

export interface LogoutRunView {
  readonly id: string;
  readonly initiatedBy: string;
  readonly user: string;
  readonly done: boolean;
  readonly verdict: LogoutVerdict | undefined;
  readonly results: readonly ParticipantResult[];
}

/** What the browser is given next: a message to deliver (in the run `runId`), or the IdP's own end page (IdP-initiated). */
export type LogoutStep = (Delivery & { readonly runId?: string }) | { readonly kind: 'done'; readonly run: LogoutRunView };

interface Run {
  readonly id: string;
  readonly user: string;
  readonly initiator: { readonly sp: SpRegistration; readonly requestId: string; readonly relayState: string | undefined; readonly binding: LogoutBinding } | undefined;
  readonly remaining: SessionParticipant[];
  pending: { readonly requestId: string; readonly spEntityId: string; readonly sentAt: number } | undefined;
  readonly results: ParticipantResult[];
  verdict: LogoutVerdict | undefined;
  readonly expiresAt: number;
}

export class SingleLogout {
  readonly #runs = new Map<string, Run>();
  readonly #byRequestId = new Map<string, string>();
  readonly #replay = new ReplayGuard();
  readonly #deviations = new Map<string, LogoutDeviationName[]>();
  readonly #lastSent = new Map<string, { id: string; xml: string }>();
  /** Session participants by the IdP session's SessionIndex, then by SP entity ID. */
  readonly #participants = new Map<string, Map<string, SessionParticipant>>();

  constructor(private readonly deps: SingleLogoutDeps) {}

  /** Queues deviations for the next LogoutRequest to this SP (used once). */
  deviate(spEntityId: string, names: unknown): void {
    if (!this.deps.findSp(spEntityId)) throw idpError('request/unknown-sp', 'no SP registered with that entity ID');
    this.#deviations.set(spEntityId, parseLogoutDeviations(names));
  }

  /** Records that an assertion of the session `sessionIndex` went to an SP, with the NameID it carried. */
  participated(participant: SessionParticipant): void {
    let bySp = this.#participants.get(participant.sessionIndex);
    if (!bySp) {
      if (this.#participants.size >= MAX_TRACKED_SESSIONS) this.#participants.delete(this.#participants.keys().next().value!);
      bySp = new Map();
      this.#participants.set(participant.sessionIndex, bySp);
    }
    bySp.set(participant.spEntityId, participant);
  }

  /** The last logout started (what a test inspects after driving the browser through it). */
  lastRun(): LogoutRunView | undefined {
    const last = [...this.#runs.values()].at(-1);
    return last && view(last);
  }

  run(id: string): LogoutRunView {
    this.expire();
    const run = this.#runs.get(id);
    if (!run) throw idpError('logout/unknown-run', 'no such logout, or it has expired', 404);
    return view(run);
  }

  /** SP-initiated: a LogoutRequest received at /saml/slo (Profiles §4.4.4.1). */
  fromSp(received: ReceivedOverBinding & { message: ReceivedLogoutRequest }, browserSessionId: string | undefined): LogoutStep {
    const request = received.message;
    const sp = requireRegisteredIssuer(request, this.deps.findSp);
    received.verify(sp.signingCertPem);
    checkDestination(request, this.deps.sloUrl);
    const now = this.deps.clock.now();
    checkNotOnOrAfter(request, now);
    this.#replay.remember(request.id, now, request.notOnOrAfter);
    const session = findSessionFor(request, this.liveSessions(), browserSessionId);
    // The initiator is answered by the binding its request came by, at its registered SingleLogoutService.
    const initiator = { sp, requestId: request.id, relayState: received.relayState, binding: received.binding };
    return this.start([session], initiator);
  }

  /** IdP-initiated: the user's sessions (the browser's, or every session of a login) end everywhere. */
  fromIdp(select: { readonly sessionId: string } | { readonly login: string }): LogoutStep {
    const live = this.liveSessions();
    const sessions = 'sessionId' in select ? live.filter((s) => s.id === select.sessionId) : live.filter((s) => s.login.toLowerCase() === select.login.toLowerCase());
    if (sessions.length === 0) throw idpError('logout/no-session', 'there is no IdP session to sign out of', 404);
    return this.start(sessions, undefined);
  }

  /** A participant's LogoutResponse, received at /saml/slo: recorded, then on to the next participant. */
  onResponse(received: ReceivedOverBinding & { message: ReceivedLogoutResponse }): LogoutStep {
    this.expire();
    const response = received.message;
    const runId = this.#byRequestId.get(response.inResponseTo);
    const run = runId === undefined ? undefined : this.#runs.get(runId);
    if (!run || run.pending?.requestId !== response.inResponseTo) throw idpError('logout/in-response-to', 'this LogoutResponse answers no LogoutRequest this IdP is waiting for');
    checkResponder(response, run.pending.spEntityId);
    this.#byRequestId.delete(response.inResponseTo);
    run.pending = undefined;
    let code: string | undefined;
    try {
      received.verify(this.deps.findSp(response.issuer)?.signingCertPem);
      checkDestination(response, this.deps.sloUrl);
    } catch (e) {
      if (!(e instanceof IdpError)) throw e;
      code = e.code;
    }
    const ok = code === undefined && response.status === LOGOUT_STATUS.success;
    // The SP's StatusMessage is kept only when it is one of the stable codes; anything else is not repeated.
    const spCode = response.statusMessage !== undefined && /^logout\/[a-z-]{1,40}$/.test(response.statusMessage) ? response.statusMessage : undefined;
    run.results.push({
      spEntityId: response.issuer,
      outcome: ok ? 'success' : 'failed',
      status: code === undefined ? response.status : undefined,
      subStatus: code === undefined ? response.subStatus : undefined,
      code: code ?? (ok ? undefined : spCode),
    });
    return this.next(run);
  }

  /**
   * The browser came back without the pending participant's answer: past ANSWER_BOUND_MS that participant failed
   * (`logout/no-answer`) and the chain goes on; before it the IdP keeps waiting (logout/awaiting-answer).
   */
  moveOn(runId: string | undefined): LogoutStep {
    this.expire();
    const run = runId === undefined ? undefined : this.#runs.get(runId);
    if (!run?.pending) throw idpError('logout/unknown-run', 'no logout of this browser is waiting for an answer', 404);
    if (this.deps.clock.now().getTime() - run.pending.sentAt < ANSWER_BOUND_MS) {
      throw idpError('logout/awaiting-answer', 'the application may still answer; try again in a few seconds', 409);
    }
    this.#byRequestId.delete(run.pending.requestId);
    run.results.push({ spEntityId: run.pending.spEntityId, outcome: 'failed', status: undefined, subStatus: undefined, code: 'logout/no-answer' });
    run.pending = undefined;
    return this.next(run);
  }

  private liveSessions(): LogoutSession[] {
    return this.deps.sessions.live().map(({ id, session }) => ({
      id,
      login: session.login,
      sessionIndex: session.sessionIndex,
      participants: this.#participants.get(session.sessionIndex) ?? new Map(),
    }));
  }

  private start(sessions: readonly LogoutSession[], initiator: Run['initiator']): LogoutStep {
    this.expire();
    while (this.#runs.size >= MAX_RUNS) this.forget(this.#runs.keys().next().value!);
    const remaining: SessionParticipant[] = [];
    for (const s of sessions) {
      this.deps.sessions.end(s.id);
      this.#participants.delete(s.sessionIndex);
      for (const p of s.participants.values()) {
        if (p.spEntityId !== initiator?.sp.entityId && this.deps.findSp(p.spEntityId)?.singleLogout) remaining.push(p);
      }
    }
    const run: Run = {
      id: randomBytes(16).toString('hex'),
      user: sessions[0]!.login,
      initiator,
      remaining,
      pending: undefined,
      results: [],
      verdict: undefined,
      expiresAt: this.deps.clock.now().getTime() + RUN_TTL_MS,
    };
    this.#runs.set(run.id, run);
    return this.next(run);
  }

  private next(run: Run): LogoutStep {
    const participant = run.remaining.shift();
    if (!participant) return this.finish(run);
    const sp = this.deps.findSp(participant.spEntityId);
    if (!sp?.singleLogout) {
      run.results.push({ spEntityId: participant.spEntityId, outcome: 'failed', status: undefined, subStatus: undefined, code: 'logout/no-slo-endpoint' });
      return this.next(run);
    }
    const now = this.deps.clock.now();
    let draft: LogoutRequestDraft = {
      signed: true,
      fields: {
        issuer: this.deps.entityId,
        destination: sp.singleLogout.url,
        issueInstant: now,
        notOnOrAfter: new Date(now.getTime() + REQUEST_VALIDITY_MS),
        nameId: participant.nameId,
        nameIdFormat: participant.nameIdFormat,
        sessionIndexes: [participant.sessionIndex],
      },
    };
    const names = this.#deviations.get(sp.entityId) ?? [];
    this.#deviations.delete(sp.entityId);
    for (const name of names) draft = LOGOUT_DEVIATIONS[name](draft, { now, previous: this.#lastSent.get(sp.entityId) });
    const message = draft.resend ?? logoutRequestXml(draft.fields);
    this.#lastSent.set(sp.entityId, message);
    run.pending = { requestId: message.id, spEntityId: sp.entityId, sentAt: now.getTime() };
    this.#byRequestId.set(message.id, run.id);
    const delivery = deliver({
      ...message,
      kind: 'LogoutRequest',
      to: sp.singleLogout.url,
      binding: sp.singleLogout.binding,
      key: draft.signed ? this.deps.signingKey() : undefined,
    });
    return { ...delivery, runId: run.id };
  }

  private finish(run: Run): LogoutStep {
    run.verdict = run.results.every((r) => r.outcome === 'success') ? 'Success' : 'PartialLogout';
    const initiator = run.initiator;
    if (!initiator?.sp.singleLogout) return { kind: 'done', run: view(run) };
    const response = logoutResponseXml({
      issuer: this.deps.entityId,
      destination: initiator.sp.singleLogout.url,
      issueInstant: this.deps.clock.now(),
      inResponseTo: initiator.requestId,
      status: LOGOUT_STATUS.success,
      subStatus: run.verdict === 'PartialLogout' ? LOGOUT_STATUS.partialLogout : undefined,
    });
    return deliver({
      ...response,
      kind: 'LogoutResponse',
      to: initiator.sp.singleLogout.url,
      binding: initiator.binding,
      relayState: initiator.relayState,
      key: this.deps.signingKey(),
    });
  }

  private forget(id: string): void {
    const run = this.#runs.get(id);
    if (run?.pending) this.#byRequestId.delete(run.pending.requestId);
    this.#runs.delete(id);
  }

  private expire(): void {
    const now = this.deps.clock.now().getTime();
    for (const [id, run] of this.#runs) if (run.expiresAt <= now) this.forget(id);
  }
}

function view(run: Run): LogoutRunView {
  return {
    id: run.id,
    initiatedBy: run.initiator?.sp.entityId ?? 'idp',
    user: run.user,
    done: run.verdict !== undefined,
    verdict: run.verdict,
    results: [...run.results],
  };
}
