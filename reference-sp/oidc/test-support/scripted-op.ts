/*
 * Test support: a scripted OpenID Provider whose ID tokens the test makes with jose, so each negative test can
 * produce exactly one bad token (wrong iss or aud, expired, future iat, nonce, alg none, HS256 keyed with the
 * public key, an unknown kid, a bad signature) or one bad authorization response (no state, another issuer's
 * iss, an error). Real HTTP on loopback: discovery, authorize, token (client_secret_basic, PKCE S256 checked),
 * JWKS. Hand-written on purpose: a certified OP refuses to issue these tokens at all.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { exportJWK, exportSPKI, generateKeyPair, type JWK, SignJWT, UnsecuredJWT } from 'jose';
import { closeServer } from './rp.ts';

export const SCRIPTED_CLIENT = { id: 'scripted-client', secret: 'scripted-secret' };

/** What the next sign-in should get wrong; each field is one deviation. */
export interface Script {
  claims?: Record<string, unknown>;
  /** Claims to leave out of the ID token. */
  omit?: readonly string[];
  alg?: 'RS256' | 'none' | 'HS256-public-key';
  /** Sign with a key the JWKS does not publish (under this kid). */
  unpublishedKid?: string;
  /** Flip a byte of the signature. */
  badSignature?: boolean;
  /** The authorization response: no state, another issuer's iss, an error. */
  dropState?: boolean;
  responseIss?: string;
  error?: string;
  /** The token endpoint sees another verifier than the challenge (a PKCE mismatch). */
  breakPkce?: boolean;
}

interface PendingCode {
  readonly nonce: string | undefined;
  readonly challenge: string | undefined;
  readonly script: Script;
}

export interface ScriptedOp {
  readonly issuer: string;
  next: Script;
  /** Publishes a new signing key (kid `k2`) and signs with it from now on. */
  rotate(): Promise<void>;
  /** How many times the JWKS was fetched. */
  readonly jwksFetches: number;
  close(): Promise<void>;
}

type Key = { readonly kid: string; readonly privateKey: CryptoKey; readonly publicJwk: JWK; readonly spki: string };

async function newKey(kid: string): Promise<Key> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }, spki: await exportSPKI(publicKey) };
}

export async function startScriptedOp(claims: Record<string, unknown>): Promise<ScriptedOp> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  let signing = await newKey('k1');
  const published: Key[] = [signing];
  const codes = new Map<string, PendingCode>();
  let jwksFetches = 0;

  async function idToken(pending: PendingCode): Promise<string> {
    const s = pending.script;
    const now = Math.floor(Date.now() / 1000);
    const payload: Record<string, unknown> = { iss: issuer, aud: SCRIPTED_CLIENT.id, iat: now, exp: now + 300, nonce: pending.nonce, ...claims, ...s.claims };
    for (const name of s.omit ?? []) delete payload[name];
    if (s.alg === 'none') return new UnsecuredJWT(payload).encode();
    if (s.alg === 'HS256-public-key') return new SignJWT(payload).setProtectedHeader({ alg: 'HS256', kid: signing.kid }).sign(new TextEncoder().encode(signing.spki));
    const key = s.unpublishedKid ? await newKey(s.unpublishedKid) : signing;
    const jwt = await new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: key.kid }).sign(key.privateKey);
    if (!s.badSignature) return jwt;
    const [h, p, sig] = jwt.split('.');
    const bytes = Buffer.from(sig!, 'base64url');
    bytes[0] = bytes[0]! ^ 0xff;
    return `${h}.${p}.${bytes.toString('base64url')}`;
  }

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };

  const readBody = async (req: IncomingMessage) => {
    let body = '';
    for await (const chunk of req) body += String(chunk);
    return new URLSearchParams(body);
  };

  const op: ScriptedOp = {
    issuer,
    next: {},
    async rotate() {
      signing = await newKey('k2');
      published.push(signing);
    },
    get jwksFetches() {
      return jwksFetches;
    },
    close: () => closeServer(server),
  };

  server.on('request', async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', issuer);
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(res, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        end_session_endpoint: `${issuer}/logout`,
        response_types_supported: ['code'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
      });
    }
    if (url.pathname === '/jwks') {
      jwksFetches++;
      return json(res, 200, { keys: published.map((k) => k.publicJwk) });
    }
    if (url.pathname === '/authorize') {
      const script = op.next;
      op.next = {};
      const back = new URL(url.searchParams.get('redirect_uri')!);
      if (!script.dropState) back.searchParams.set('state', url.searchParams.get('state') ?? '');
      if (script.responseIss) back.searchParams.set('iss', script.responseIss);
      if (script.error) back.searchParams.set('error', script.error);
      else {
        const code = randomBytes(16).toString('base64url');
        codes.set(code, { nonce: url.searchParams.get('nonce') ?? undefined, challenge: url.searchParams.get('code_challenge') ?? undefined, script });
        back.searchParams.set('code', code);
      }
      res.writeHead(302, { location: back.href });
      return res.end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      const body = await readBody(req);
      // RFC 6749 §2.3.1: the id and secret are form-urlencoded before the Basic encoding.
      const basic = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64')
        .toString('utf8')
        .split(':')
        .map(decodeURIComponent);
      if (basic[0] !== SCRIPTED_CLIENT.id || basic[1] !== SCRIPTED_CLIENT.secret) return json(res, 401, { error: 'invalid_client' });
      const pending = codes.get(body.get('code') ?? '');
      codes.delete(body.get('code') ?? '');
      if (!pending) return json(res, 400, { error: 'invalid_grant' });
      const verifier = pending.script.breakPkce ? 'not-the-verifier' : (body.get('code_verifier') ?? '');
      if (createHash('sha256').update(verifier).digest('base64url') !== pending.challenge) return json(res, 400, { error: 'invalid_grant' });
      return json(res, 200, { access_token: randomBytes(16).toString('base64url'), token_type: 'Bearer', expires_in: 300, id_token: await idToken(pending) });
    }
    res.writeHead(404);
    res.end();
  });
  return op;
}
