/*
 * The login interaction of every issuer (oidc-provider hands it over at `{mount}/interaction/{uid}`), answered the
 * same way as the SAML side's sign-in (../../server/routes.ts):
 * - a queued next sign-in answers at once for its user (its deviations are armed for this authorization); one
 *   without a user arms its deviations for whoever signs in next
 * - else a live IdP session (`idp_session` cookie, shared with SAML) answers at once for its user — unless the
 *   request says prompt=login, or max_age is older than the session's authentication (OIDC Core §3.1.2.1: the OP
 *   "MUST attempt to actively re-authenticate"); auth_time is the session's authentication instant (§2)
 * - else the login page; signing in there starts an IdP session (the SAML side then reuses it too)
 * - whoever signs in, a client that requires assignment refuses a user not assigned to it: access_denied at the
 *   redirect URI, as Okta answers (../clients/assignments.ts); the IdP session stays (the user did authenticate)
 * Consent is implicit (first-party, admin-consented): the interaction always resolves `consent` as well.
 */
import type { Request, Response } from 'express';
import type Provider from 'oidc-provider';
import type { DirectoryUser } from '../../saml/presets/directory-user.ts';
import { IDP_SESSION_COOKIE, readCookie } from '../../server/idp-session.ts';
import { NOT_ASSIGNED_DESCRIPTION } from '../clients/assignments.ts';
import { opError } from '../errors.ts';
import { oidcLoginPage } from './login-page.ts';

export interface InteractionHost {
  readonly issuer: string;
  readonly provider: Provider;
  readonly baseUrl: string;
  users(): DirectoryUser[];
  findUser(ref: string): DirectoryUser | undefined;
  accountId(user: DirectoryUser): string;
  claimsFor(user: DirectoryUser, clientId: string): Record<string, unknown>;
  /** Whether the user may sign in to the client (../clients/assignments.ts). */
  isAssigned(user: DirectoryUser, clientId: string): boolean;
  /** The queued next sign-in, if any (not consumed). */
  peekQueued(): { user: DirectoryUser | undefined } | undefined;
  /** Takes the queued next sign-in, if any (consumed). */
  takeQueued(): { readonly id: string } | undefined;
  /** Arms a taken sign-in's deviations for the authorization that resumes interaction `uid`. */
  arm(uid: string, signIn: { readonly id: string }): void;
  sessions: {
    find(id: string | undefined): { login: string; authnInstant: string } | undefined;
    start(login: string): { id: string; session: { authnInstant: string } };
    setCookie(id: string, baseUrl: string): string;
  };
  now(): number;
}

const epoch = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

export async function handleInteraction(host: InteractionHost, req: Request, res: Response, body: Record<string, unknown> | undefined): Promise<void> {
  let details: Awaited<ReturnType<Provider['interactionDetails']>>;
  try {
    details = await host.provider.interactionDetails(req, res);
  } catch {
    throw opError('oidc/interaction-unknown', 'this sign-in is unknown or has expired; start again from the application');
  }
  const clientId = String(details.params['client_id'] ?? '');
  const finish = (user: DirectoryUser, ts?: number) =>
    host.isAssigned(user, clientId)
      ? host.provider.interactionFinished(
          req,
          res,
          { login: { accountId: host.accountId(user), amr: ['pwd'], ...(ts !== undefined ? { ts } : {}) }, consent: {} },
          { mergeWithLastSubmission: false },
        )
      : // Okta's answer for a user the app is not assigned to, at the redirect URI (RFC 6749 §4.1.2.1).
        host.provider.interactionFinished(req, res, { error: 'access_denied', error_description: NOT_ASSIGNED_DESCRIPTION }, { mergeWithLastSubmission: false });

  if (details.prompt.name !== 'login') {
    // Consent only (a live OP session asked for more): implicit.
    await host.provider.interactionFinished(req, res, { consent: {} }, { mergeWithLastSubmission: true });
    return;
  }

  if (req.method === 'POST') {
    const ref = typeof body?.['user'] === 'string' ? body['user'] : '';
    const user = host.findUser(ref);
    if (!user) throw opError('user/unknown', 'choose a user of the directory');
    const queued = host.takeQueued();
    if (queued) host.arm(details.uid, queued);
    const started = host.sessions.start(user.login);
    res.setHeader('Set-Cookie', host.sessions.setCookie(started.id, host.baseUrl));
    await finish(user, epoch(started.session.authnInstant));
    return;
  }

  const queued = host.peekQueued();
  if (queued?.user) {
    host.arm(details.uid, host.takeQueued()!);
    await finish(queued.user);
    return;
  }

  const reasons = details.prompt.reasons;
  const maxAge = details.params['max_age'] === undefined ? undefined : Number(details.params['max_age']);
  const session = host.sessions.find(readCookie(req.headers.cookie, IDP_SESSION_COOKIE));
  const user = session ? host.findUser(session.login) : undefined;
  const fresh = session !== undefined && (maxAge === undefined || host.now() - epoch(session.authnInstant) <= maxAge);
  if (user && session && fresh && !reasons.includes('login_prompt')) {
    const armed = host.takeQueued();
    if (armed) host.arm(details.uid, armed);
    await finish(user, epoch(session.authnInstant));
    return;
  }
  const reason = reasons.includes('login_prompt') ? 'prompt=login' : session && !fresh ? 'max_age' : 'no session';
  res.type('html').send(
    oidcLoginPage({
      issuer: host.issuer,
      clientId,
      action: req.originalUrl.split('?')[0]!,
      users: host.users(),
      claimsFor: (u) => host.claimsFor(u, clientId),
      reason,
    }),
  );
}
