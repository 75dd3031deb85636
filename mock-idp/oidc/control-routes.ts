/*
 * The OpenID Provider's JSON control API, under /control/oidc (docs/oidc-provider.md):
 *   GET    /control/oidc/state ............. issuers made so far, clients (secrets hidden), queued sign-in, current kid
 *   POST   /control/oidc/clients ........... register a client (RFC 7591 metadata names + preset; ajv-validated)
 *   DELETE /control/oidc/clients?preset=&authorization_server=&tenant_id=&client_id=
 *   POST   /control/oidc/assignment-required  { preset?, authorization_server?, tenant_id?, client_id }: from now on
 *                                        only assigned users sign in to the client (./clients/assignments.ts)
 *   POST   /control/oidc/assignments ....... { …the client, user?, group? }: assigns a user and/or a group
 *   GET    /control/oidc/assignments?…&client_id=  { users, groups } or null; DELETE lifts the requirement
 *   PUT    /control/oidc/next-sign-in ...... { user?, deviations? } for the next OIDC sign-in; DELETE clears it
 *   POST   /control/oidc/rotate-keys ....... a new signing key; the old one leaves the JWKS
 *   GET    /control/oidc/issuer?preset=… ... the issuer URL and discovery URL of a preset's issuer
 *   GET    /control/oidc/last-id-token ..... the last ID token issued (as sent, decoded header and claims)
 * Every refusal is a 4xx JSON body { error: <stable code>, message }; bodies are at most 64 kB.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import { validateAgainst } from '../scim-client/validate.ts';
import type { IssuerRef } from './issuers.ts';
import { OidcOpError, opError } from './errors.ts';
import type { MockOpenIdProvider } from './op.ts';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function issuerRef(q: Record<string, unknown>): IssuerRef {
  const preset = str(q['preset']) ?? 'generic';
  if (preset !== 'generic' && preset !== 'okta' && preset !== 'entra') throw opError('oidc/unknown-issuer', 'preset must be generic, okta or entra');
  return { preset, authorizationServer: str(q['authorization_server']), tenantId: str(q['tenant_id']) };
}

const ID_SEGMENT = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' };
const NAME = { type: 'string', minLength: 1, maxLength: 256 };
/** A client of one issuer, and optionally whom to assign to it. */
const ASSIGNMENT_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['client_id'],
  properties: {
    preset: { enum: ['generic', 'okta', 'entra'] },
    authorization_server: ID_SEGMENT,
    tenant_id: ID_SEGMENT,
    client_id: { type: 'string', minLength: 1, maxLength: 255 },
    user: NAME,
    group: NAME,
  },
} as const;

function assignmentBody(body: unknown): { ref: IssuerRef; clientId: string; user?: string; group?: string } {
  const problems = validateAgainst(ASSIGNMENT_SCHEMA, body ?? {});
  if (problems.length > 0) throw opError('control/bad-body', problems.join('; '));
  const b = body as Record<string, string>;
  return { ref: issuerRef(b), clientId: b['client_id']!, user: b['user'], group: b['group'] };
}

export function controlRoutes(op: MockOpenIdProvider): express.Router {
  const c = express.Router();
  c.use(express.json({ limit: '64kb' }));
  c.get('/state', (_req, res) => {
    res.json({
      kid: op.keys.currentKid,
      clients: op.clients().map((cl) => ({ ...cl, clientSecret: cl.clientSecret === undefined ? undefined : '(set)' })),
      nextSignIn: op.nextSignIn(),
      issuedIdTokens: op.issuedIdTokens().length,
    });
  });
  c.get('/issuer', (req, res) => {
    const ref = issuerRef(req.query as Record<string, unknown>);
    res.json({ issuer: op.issuer(ref), discovery: op.discoveryUrl(ref) });
  });
  c.post('/clients', (req, res) => {
    const client = op.registerClient(req.body);
    res
      .status(201)
      .json({ ...client, clientSecret: client.clientSecret === undefined ? undefined : '(set)', issuer: op.issuer({ preset: client.preset, ...refOf(client.issuerKey) }) });
  });
  c.delete('/clients', (req, res) => {
    const q = req.query as Record<string, unknown>;
    const id = str(q['client_id']);
    if (!id || !op.removeClient(issuerRef(q), id)) throw opError('oidc/unknown-client', 'no such client', 404);
    res.status(204).end();
  });
  c.post('/assignment-required', (req, res) => {
    const { ref, clientId, user, group } = assignmentBody(req.body);
    if (user !== undefined || group !== undefined) throw opError('control/bad-body', 'assign users and groups with POST /control/oidc/assignments');
    op.requireAssignment(ref, clientId);
    res.status(204).end();
  });
  c.post('/assignments', (req, res) => {
    const { ref, clientId, user, group } = assignmentBody(req.body);
    op.assign(ref, clientId, { user, group });
    res.status(204).end();
  });
  c.get('/assignments', (req, res) => {
    const q = req.query as Record<string, unknown>;
    const id = str(q['client_id']);
    if (!id) throw opError('control/bad-body', 'client_id is required');
    res.json(op.assignments(issuerRef(q), id));
  });
  c.delete('/assignments', (req, res) => {
    const q = req.query as Record<string, unknown>;
    const id = str(q['client_id']);
    if (!id) throw opError('control/bad-body', 'client_id is required');
    op.liftAssignment(issuerRef(q), id);
    res.status(204).end();
  });
  c.put('/next-sign-in', (req, res) => {
    op.setNextSignIn(req.body);
    res.json(op.nextSignIn());
  });
  c.delete('/next-sign-in', (_req, res) => {
    op.clearNextSignIn();
    res.status(204).end();
  });
  c.post('/rotate-keys', (_req, res) => {
    res.json(op.rotateKeys());
  });
  c.get('/last-id-token', (_req, res) => {
    const last = op.lastIdToken();
    if (!last) throw opError('oidc/no-id-token', 'no ID token issued yet', 404);
    res.json(last);
  });
  c.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (err instanceof OidcOpError) {
      res.status(err.expose ? err.status : 500).json(err.expose ? { error: err.code, message: err.message } : { error: 'server/error', message: 'internal error' });
      return;
    }
    const status = (err as { status?: unknown })?.status;
    if (typeof status === 'number' && status < 500) {
      res.status(status).json({ error: 'control/bad-body', message: (err as Error).message });
      return;
    }
    next(err);
  });
  return c;
}

/** `okta:{id}` / `entra:{tenant}` back to the reference parts. */
function refOf(key: string): { authorizationServer?: string; tenantId?: string } {
  const [kind, id] = key.split(':');
  return kind === 'okta' ? { authorizationServer: id! } : kind === 'entra' ? { tenantId: id! } : {};
}
