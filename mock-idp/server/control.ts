/*
 * The mock IdP's state and every operation on it, for in-process use (steps call these methods) and behind the
 * JSON control API (routes call the same methods):
 * - users (directory), SP registrations, the queued "next sign-in" (user, attributes, deviations; used once)
 * - pending SP-initiated requests awaiting the login page, keyed by a random id, expiring after a few minutes
 * - issuing a Response: attributes from the SP's preset or statements (then its attribute release), NameID per
 *   SP / preset, the ACS the request named if registered (else the default), InResponseTo when solicited,
 *   encryption when the SP registered an encryption certificate, then the queued deviations
 * - the issued history, so steps can look at what was sent
 * - the IdP's own sign-in sessions (./idp-session.ts): a later request from a signed-in browser skips the login page
 * - user assignment per SP, when the SP's app requires it (Entra's "Assignment required?" = Yes): a user who is not
 *   assigned is refused with `user/not-assigned` (Entra's AADSTS50105, "The signed in user is not assigned to a role
 *   for the application"); by default every user may sign in to every SP
 * - the request policies of ../saml/request-policy/: NameIDPolicy and RequestedAuthnContext are checked when a
 *   Response is issued for a request; a request the IdP cannot honour is answered with a signed Response whose
 *   Status says why (InvalidNameIDPolicy, NoAuthnContext, NoPassive), sent to the ACS like any answer
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.ts';
import { idpError } from '../saml/errors.ts';
import { responseBuilder, type BuiltResponse, type ResponseBuilder, type SamlAttribute } from '../saml/assertion-builder/builder.ts';
import type { IdpKeys } from '../saml/keys/key-store.ts';
import { idpMetadataXml } from '../saml/metadata/idp-metadata.ts';
import { NAMEID_FORMAT, type NameIdFormatName } from '../saml/namespaces.ts';
import { autoPostForm } from '../saml/bindings/post-binding.ts';
import type { AuthnRequestInfo } from '../saml/bindings/authn-request.ts';
import { entraStatements, PRESETS } from '../saml/presets/presets.ts';
import { applyStatements } from '../saml/presets/custom-statements.ts';
import { fieldValues, type DirectoryUser } from '../saml/presets/directory-user.ts';
import { SpRegistry, type MetadataOverrides, type MetadataSource } from '../saml/sp-registry/sp-registry.ts';
import { acsBindingOf, chooseAcs, type SpRegistration, type SpRegistrationInput } from '../saml/sp-registry/sp-registration.ts';
import { applyDeviation, parseDeviations, type Deviation, type DeviationInput } from './deviations.ts';
import { IdpSessions } from './idp-session.ts';
import { SingleLogout } from '../saml/logout/single-logout.ts';
import { MetadataPublication } from '../saml/metadata/metadata-publication.ts';
import { ArtifactService } from '../saml/artifact/artifact-service.ts';
import { artifactRedirect } from '../saml/artifact/redirect-delivery.ts';
import { ARTIFACT_RESOLUTION_PATH } from './artifact-routes.ts';
import { CLASS_OF_METHOD, isAuthnMethod, type AuthnMethod } from '../saml/request-policy/authn-context-classes.ts';
import { checkAllowCreate, formatForPolicy } from '../saml/request-policy/name-id-policy.ts';
import { PersistentIdentifiers } from '../saml/request-policy/persistent-identifiers.ts';
import { satisfies } from '../saml/request-policy/requested-authn-context.ts';
import { PolicyRefusal, refuse } from '../saml/request-policy/status.ts';
import { statusResponse } from '../saml/request-policy/status-response.ts';

export interface NextSignInInput {
  /** Login or email of a directory user, or a full user. */
  readonly user?: string | DirectoryUser | undefined;
  /** Replaces the attributes the SP's preset/statements would send. */
  readonly attributes?: readonly SamlAttribute[] | undefined;
  readonly deviations?: readonly DeviationInput[] | undefined;
  /** How the queued user authenticates: 'password' (the default) or 'mfa' (../saml/request-policy/authn-context-classes.ts). */
  readonly authnMethod?: AuthnMethod | undefined;
}

interface NextSignIn {
  readonly user: DirectoryUser | undefined;
  readonly attributes: readonly SamlAttribute[] | undefined;
  readonly deviations: readonly Deviation[];
  readonly authnMethod?: AuthnMethod | undefined;
}

export interface PendingRequest {
  readonly id: string;
  readonly spEntityId: string;
  readonly request: Omit<AuthnRequestInfo, 'doc' | 'xml'>;
  readonly relayState: string | undefined;
  readonly expiresAt: number;
}

export interface IssuedResponse {
  readonly action: string;
  readonly fields: { SAMLResponse: string; RelayState?: string };
  readonly html: string;
  /** The SAMLart the browser carried instead of the Response, when the ACS is bound to HTTP-Artifact (../saml/artifact/). */
  readonly artifact?: string | undefined;
  /** Where the browser is sent instead of a form: an artifact delivered by redirect (saml-bindings §3.6.3). */
  readonly redirect?: string | undefined;
  readonly built: BuiltResponse;
  readonly spEntityId: string;
  readonly user: string;
  readonly inResponseTo: string | undefined;
  readonly at: string;
}

export interface MockIdpContext {
  readonly baseUrl: string;
  readonly entityId: string;
  readonly clock: Clock;
  readonly keys: IdpKeys;
  readonly pendingTtlMs: number;
  /** How long the IdP's own sign-in session lasts (./idp-session.ts). */
  readonly sessionTtlMs: number;
}

const HISTORY_LIMIT = 50;

export function isDirectoryUser(u: unknown): u is DirectoryUser {
  const x = u as Record<string, unknown>;
  return (
    typeof x === 'object' &&
    x !== null &&
    ['email', 'givenName', 'surname', 'displayName', 'login'].every((k) => typeof x[k] === 'string') &&
    Array.isArray(x['groups']) &&
    (x['groups'] as unknown[]).every((g) => typeof g === 'string')
  );
}

export class MockIdpControl {
  readonly sps = new SpRegistry();
  private readonly users = new Map<string, DirectoryUser>();
  private next: NextSignIn | undefined;
  private readonly pending = new Map<string, PendingRequest>();
  private readonly issued: IssuedResponse[] = [];
  /** Where users added from now on are kept (createMockIdp with a dataDir: ./users-file.ts). */
  private keepUser: ((user: DirectoryUser) => void) | undefined;
  /** SPs whose app requires assignment, with the logins (lower-case) assigned to each. */
  private readonly assignments = new Map<string, Set<string>>();
  /** Browsers signed in at the IdP: a later AuthnRequest without ForceAuthn is answered without the login page. */
  readonly sessions: IdpSessions;
  /** Single Logout: the participants of each IdP session and the logouts in progress (../saml/logout/). */
  readonly logout: SingleLogout;
  /** Which users have a persistent identifier for which SP (NameIDPolicy AllowCreate, ../saml/request-policy/). */
  readonly persistentIds = new PersistentIdentifiers();

  /** Responses issued by artifact, waiting for the SP's ArtifactResolve (saml-bindings §3.6, ../saml/artifact/). */
  readonly artifacts: ArtifactService;

  constructor(readonly ctx: MockIdpContext) {
    this.sessions = new IdpSessions(ctx.clock, ctx.sessionTtlMs);
    this.logout = new SingleLogout({
      clock: ctx.clock,
      entityId: ctx.entityId,
      sloUrl: this.sloUrl,
      signingKey: () => this.ctx.keys.signing,
      findSp: (entityId) => this.sps.get(entityId),
      sessions: this.sessions,
    });
    this.artifacts = new ArtifactService({ entityId: ctx.entityId, clock: ctx.clock, signingKey: () => this.ctx.keys.signing });
  }

  /** From now on every added user is also handed to `keep` (which persists it), so it survives a restart. */
  persistUsers(keep: (user: DirectoryUser) => void): void {
    this.keepUser = keep;
  }

  get ssoUrl(): string {
    return `${this.ctx.baseUrl}/saml/sso`;
  }

  get artifactResolutionUrl(): string {
    return `${this.ctx.baseUrl}${ARTIFACT_RESOLUTION_PATH}`;
  }

  get sloUrl(): string {
    return `${this.ctx.baseUrl}/saml/slo`;
  }

  metadataXml(): string {
    return idpMetadataXml({
      entityId: this.ctx.entityId,
      ssoUrl: this.ssoUrl,
      signingCertificatePem: this.ctx.keys.signing.certificatePem,
      sloUrl: this.sloUrl,
      artifactResolutionUrl: this.artifactResolutionUrl,
    });
  }

  /** How GET /metadata publishes the metadata: validity, signature (./key-routes.ts, PUT /control/metadata). */
  readonly metadataPublication = new MetadataPublication();

  /** The metadata as GET /metadata serves it: with its ID, validity, every published signing key and, when asked, signed. */
  publishedMetadataXml(): string {
    return this.metadataPublication.publish(this.metadataXml(), this.ctx.keys);
  }

  /** A builder preset with this IdP's clock, keys and entity ID — for minting responses by hand. */
  responseBuilder(): ResponseBuilder {
    return responseBuilder({ clock: this.ctx.clock, keys: this.ctx.keys, issuer: this.ctx.entityId });
  }

  // ---- directory ----

  addUser(user: DirectoryUser): DirectoryUser {
    if (!isDirectoryUser(user)) {
      throw idpError('control/bad-body', 'a user needs string email, givenName, surname, displayName, login and a groups list');
    }
    this.keepUser?.(user);
    this.users.set(user.login.toLowerCase(), user);
    return user;
  }

  listUsers(): DirectoryUser[] {
    return [...this.users.values()];
  }

  findUser(loginOrEmail: string): DirectoryUser | undefined {
    const key = loginOrEmail.toLowerCase();
    return this.users.get(key) ?? [...this.users.values()].find((u) => u.email.toLowerCase() === key);
  }

  private requireUser(ref: string | DirectoryUser): DirectoryUser {
    if (typeof ref !== 'string') return this.addUser(ref);
    const user = this.findUser(ref);
    if (!user) throw idpError('user/unknown', `no user "${ref}" in the IdP directory`);
    return user;
  }

  // ---- SPs ----

  registerSp(input: SpRegistrationInput): SpRegistration {
    return this.sps.register(input);
  }

  registerSpFromMetadata(source: MetadataSource, overrides: MetadataOverrides = {}): Promise<SpRegistration> {
    return this.sps.registerFromMetadata(source, overrides);
  }

  removeSp(entityId: string): boolean {
    return this.sps.remove(entityId);
  }

  requireSp(entityId: string): SpRegistration {
    const sp = this.sps.get(entityId);
    if (!sp) throw idpError('request/unknown-sp', `no SP registered with entity ID "${entityId}"`);
    return sp;
  }

  // ---- assignment (Entra: Enterprise application → Properties → "Assignment required?") ----

  /** From now on only users assigned to this SP's app may sign in to it. */
  requireAssignment(spEntityId: string): void {
    this.requireSp(spEntityId);
    if (!this.assignments.has(spEntityId)) this.assignments.set(spEntityId, new Set());
  }

  /** Assigns a directory user to the SP's app (Users and groups → Add user/group). */
  assignUser(spEntityId: string, userRef: string): void {
    this.requireSp(spEntityId);
    const login = this.requireUser(userRef).login.toLowerCase();
    const assigned = this.assignments.get(spEntityId) ?? new Set<string>();
    assigned.add(login);
    this.assignments.set(spEntityId, assigned);
  }

  /** Whether the user may sign in to the SP: assigned, or the SP's app does not require assignment. */
  isAssigned(spEntityId: string, user: DirectoryUser): boolean {
    return this.assignments.get(spEntityId)?.has(user.login.toLowerCase()) ?? true;
  }

  // ---- next sign-in ----

  setNextSignIn(input: NextSignInInput): void {
    if (typeof input !== 'object' || input === null) throw idpError('control/bad-body', 'next sign-in must be an object');
    const deviations = parseDeviations(input.deviations);
    if (input.attributes !== undefined) {
      const ok =
        Array.isArray(input.attributes) &&
        input.attributes.every((a) => typeof a?.name === 'string' && Array.isArray(a.values) && (a.values as unknown[]).every((v) => typeof v === 'string'));
      if (!ok) throw idpError('control/bad-body', 'attributes must be a list of { name, values: string[] }');
    }
    if (input.user !== undefined && typeof input.user !== 'string' && !isDirectoryUser(input.user)) {
      throw idpError('control/bad-body', 'user must be a login/email or a full directory user');
    }
    if (input.authnMethod !== undefined && !isAuthnMethod(input.authnMethod)) throw idpError('control/bad-body', 'authnMethod must be password or mfa');
    const user = input.user === undefined ? undefined : this.requireUser(input.user);
    this.next = { user, attributes: input.attributes, deviations, authnMethod: input.authnMethod };
  }

  clearNextSignIn(): void {
    this.next = undefined;
  }

  /** True when a queued next sign-in names a user, so a request can be answered without the login page. */
  hasQueuedUser(): boolean {
    return this.next?.user !== undefined;
  }

  // ---- pending SP-initiated requests ----

  holdRequest(spEntityId: string, request: AuthnRequestInfo, relayState: string | undefined): PendingRequest {
    this.expirePending();
    const { doc: _doc, xml: _xml, ...info } = request;
    const held: PendingRequest = {
      id: randomBytes(16).toString('hex'),
      spEntityId,
      request: info,
      relayState,
      expiresAt: this.ctx.clock.now().getTime() + this.ctx.pendingTtlMs,
    };
    this.pending.set(held.id, held);
    return held;
  }

  pendingRequest(id: string): PendingRequest {
    this.expirePending();
    const held = this.pending.get(id);
    if (!held) throw idpError('pending/unknown', 'this sign-in request is unknown or has expired; start again from the SP');
    return held;
  }

  private expirePending(): void {
    const now = this.ctx.clock.now().getTime();
    for (const [id, p] of this.pending) if (p.expiresAt <= now) this.pending.delete(id);
  }

  // ---- issuing ----

  /** The attributes (and NameID) this IdP would send for a user to an SP, before deviations. */
  attributesFor(sp: SpRegistration, user: DirectoryUser): SamlAttribute[] {
    const preset = PRESETS[sp.preset];
    const context = { tenantId: sp.tenantId };
    // Explicit statements on an Entra app still get Entra's group overage, whatever the group claim is named.
    const all = sp.attributes ? (sp.preset === 'entra' ? entraStatements(user, sp.attributes, context) : applyStatements(user, sp.attributes)) : preset.attributes(user, context);
    return sp.attributeRelease ? all.filter((a) => sp.attributeRelease!.includes(a.name)) : all;
  }

  nameIdFor(sp: SpRegistration, user: DirectoryUser, requestedFormat?: string): { value: string; format: string } {
    const preset = PRESETS[sp.preset];
    const byRequest = Object.entries(NAMEID_FORMAT).find(([, uri]) => uri === requestedFormat)?.[0] as NameIdFormatName | undefined;
    const formatName = sp.nameIdFormat ?? byRequest ?? preset.nameId.format;
    // The preset's source wins for its own format (Entra sends the UPN in emailAddress format); other formats
    // take the field that fits them.
    const from =
      sp.nameIdFrom ?? (formatName === preset.nameId.format ? preset.nameId.from : formatName === 'emailAddress' ? 'email' : formatName === 'persistent' ? 'id' : 'login');
    const value = formatName === 'transient' ? `_${randomBytes(16).toString('hex')}` : (fieldValues(user, from)[0] ?? user.login);
    return { value, format: NAMEID_FORMAT[formatName] };
  }

  /** Completes a held SP-initiated request for a user. */
  completePending(pendingId: string, userRef?: string | DirectoryUser, sessionIndex?: string, authnMethod?: AuthnMethod): Promise<IssuedResponse> {
    const held = this.pendingRequest(pendingId);
    this.pending.delete(pendingId);
    return this.issue({ spEntityId: held.spEntityId, user: userRef, request: held.request, relayState: held.relayState, sessionIndex, authnMethod });
  }

  /** IdP-initiated (unsolicited) sign-in to a registered SP (saml-profiles §4.1.5). */
  idpInitiated(args: {
    sp: string;
    user?: string | DirectoryUser;
    relayState?: string | undefined;
    sessionIndex?: string | undefined;
    authnMethod?: AuthnMethod | undefined;
  }): Promise<IssuedResponse> {
    return this.issue({ spEntityId: args.sp, user: args.user, relayState: args.relayState, sessionIndex: args.sessionIndex, authnMethod: args.authnMethod });
  }

  /**
   * Issues a Response. The queued next sign-in (if any) supplies the user when none is given, replaces the
   * attributes, adds deviations, and is consumed.
   */
  async issue(args: {
    spEntityId: string;
    user?: string | DirectoryUser | undefined;
    request?: Omit<AuthnRequestInfo, 'doc' | 'xml'> | undefined;
    relayState?: string | undefined;
    /** The SessionIndex of the IdP session the response is issued in (./idp-session.ts). */
    sessionIndex?: string | undefined;
    /** How the user authenticated (default: the queued sign-in's, else password): the assertion's AuthnContextClassRef. */
    authnMethod?: AuthnMethod | undefined;
  }): Promise<IssuedResponse> {
    const sp = this.requireSp(args.spEntityId);
    const next = this.next;
    const userRef = args.user ?? next?.user;
    if (userRef === undefined) throw idpError('user/unknown', 'no user chosen and none queued for the next sign-in');
    const user = this.requireUser(userRef);
    // The queued sign-in is used by this attempt whether or not it succeeds, so a bad deviation fails once.
    this.next = undefined;
    if (!this.isAssigned(sp.entityId, user)) {
      throw idpError('user/not-assigned', `the user is not assigned to the application ${sp.entityId} (AADSTS50105): assign the user, then try again`, 403);
    }
    const deviations = next?.deviations ?? [];
    const postTo = deviations.find((d) => d.method === 'postTo')?.args[0] as string | undefined;

    const acs = chooseAcs(sp, { url: args.request?.acsUrl, index: args.request?.acsIndex, binding: acsBindingOf(args.request?.protocolBinding) });
    if (!acs && postTo === undefined) {
      throw idpError('request/unregistered-acs', `the requested AssertionConsumerService is not registered for ${sp.entityId}`);
    }
    const acsUrl = acs?.url ?? postTo!;
    // Request policies (../saml/request-policy/): a request the IdP cannot honour gets a Status, not an assertion.
    const authnClass = CLASS_OF_METHOD[args.authnMethod ?? next?.authnMethod ?? 'password'];
    let nameId: { value: string; format: string };
    try {
      if (args.request && !satisfies(authnClass, args.request.requestedAuthnContext)) throw refuse('NoAuthnContext');
      const policyFormat = formatForPolicy(args.request?.nameIdPolicy, sp);
      const nameIdSp = policyFormat === undefined ? sp : { ...sp, nameIdFormat: policyFormat, nameIdFrom: policyFormat === sp.nameIdFormat ? sp.nameIdFrom : undefined };
      nameId = this.nameIdFor(nameIdSp, user, args.request?.nameIdPolicyFormat);
      checkAllowCreate(args.request?.nameIdPolicy, nameId.format, this.persistentIds.has(sp.entityId, user.login));
    } catch (e) {
      if (e instanceof PolicyRefusal && args.request) return this.refuseRequest({ spEntityId: sp.entityId, request: args.request, relayState: args.relayState, refusal: e });
      throw e;
    }
    if (nameId.format === NAMEID_FORMAT.persistent) this.persistentIds.establish(sp.entityId, user.login);
    let placement = sp.signing;
    if (sp.wantAssertionsSigned && placement === 'response') placement = 'both';
    if (sp.wantAssertionsSigned && placement === 'none') placement = 'assertion';

    const b = this.responseBuilder()
      .forSp(sp.entityId, acsUrl)
      .nameId(nameId.value, nameId.format)
      .attributes(next?.attributes ?? this.attributesFor(sp, user))
      .signing(placement)
      .signatureAlgorithm(sp.signatureAlgorithm);
    if (args.request) b.inResponseTo(args.request.id);
    if (args.sessionIndex !== undefined) b.sessionIndex(args.sessionIndex);
    b.authnContextClassRef(authnClass);
    if (sp.encryptionCertPem) b.encryptTo(sp.encryptionCertPem, sp.encryption ?? {});
    const previous = this.issued.at(-1)?.built;
    for (const d of deviations) applyDeviation(b, d, { previous });
    const built = await b.build();
    // Single Logout must later name the principal to this SP as this assertion did (saml-core §3.7.1).
    if (args.sessionIndex !== undefined) this.logout.participated({ spEntityId: sp.entityId, nameId: nameId.value, nameIdFormat: nameId.format, sessionIndex: args.sessionIndex });

    const action = postTo ?? acsUrl;
    const artifact = acs?.binding === 'artifact' && postTo === undefined ? this.artifacts.issue(sp.entityId, built.xml) : undefined;
    const fields = { SAMLResponse: built.base64, ...(args.relayState !== undefined ? { RelayState: args.relayState } : {}) };
    const issued: IssuedResponse = {
      action,
      fields,
      // An ACS bound to HTTP-Artifact gets the artifact instead (saml-bindings §3.6.3): in an auto-posting form, or
      // in a redirect when the SP was registered for that.
      html: artifact === undefined ? autoPostForm(action, fields) : autoPostForm(action, { SAMLart: artifact, RelayState: args.relayState }),
      ...(artifact === undefined ? {} : { artifact }),
      ...(artifact !== undefined && sp.artifactDelivery === 'redirect' ? { redirect: artifactRedirect(action, artifact, args.relayState) } : {}),
      built,
      spEntityId: sp.entityId,
      user: user.login,
      inResponseTo: args.request?.id,
      at: this.ctx.clock.now().toISOString(),
    };
    this.issued.push(issued);
    if (this.issued.length > HISTORY_LIMIT) this.issued.shift();
    return issued;
  }

  /**
   * Answers a request the IdP will not honour with a signed Response carrying only a Status
   * (../saml/request-policy/status-response.ts), posted to the ACS the request named (else the SP's default).
   * Refusals are not kept in the issued history: they start no session at the SP.
   */
  refuseRequest(args: { spEntityId: string; request: Omit<AuthnRequestInfo, 'doc' | 'xml'>; relayState?: string | undefined; refusal: PolicyRefusal }): IssuedResponse {
    const sp = this.requireSp(args.spEntityId);
    const acs = chooseAcs(sp, { url: args.request.acsUrl, index: args.request.acsIndex, binding: acsBindingOf(args.request.protocolBinding) });
    if (!acs) throw idpError('request/unregistered-acs', `the requested AssertionConsumerService is not registered for ${sp.entityId}`);
    const built = statusResponse({
      issuer: this.ctx.entityId,
      destination: acs.url,
      inResponseTo: args.request.id,
      refusal: args.refusal,
      now: this.ctx.clock.now(),
      keys: this.ctx.keys,
      algorithm: sp.signatureAlgorithm,
    });
    const fields = { SAMLResponse: built.base64, ...(args.relayState !== undefined ? { RelayState: args.relayState } : {}) };
    return {
      action: acs.url,
      fields,
      html: autoPostForm(acs.url, fields),
      built,
      spEntityId: sp.entityId,
      user: '',
      inResponseTo: args.request.id,
      at: this.ctx.clock.now().toISOString(),
    };
  }

  lastResponse(): IssuedResponse | undefined {
    return this.issued.at(-1);
  }

  state() {
    return {
      entityId: this.ctx.entityId,
      baseUrl: this.ctx.baseUrl,
      ssoUrl: this.ssoUrl,
      metadataUrl: `${this.ctx.baseUrl}/metadata`,
      users: this.listUsers(),
      sps: this.sps.list().map((sp) => ({ ...sp, signingCertPem: sp.signingCertPem ? '(set)' : undefined, encryptionCertPem: sp.encryptionCertPem ? '(set)' : undefined })),
      nextSignIn: this.next ? { user: this.next.user?.login, attributes: this.next.attributes, deviations: this.next.deviations } : null,
      pendingRequests: this.pending.size,
      idpSessions: this.sessions.size,
      issued: this.issued.map((i) => ({
        responseId: i.built.responseId,
        assertionId: i.built.assertionId,
        spEntityId: i.spEntityId,
        acsUrl: i.action,
        user: i.user,
        inResponseTo: i.inResponseTo ?? null,
        at: i.at,
      })),
    };
  }
}
