/*
 * Every deviation of the mock OpenID Provider makes an independent relying party (openid-client 6) refuse the
 * sign-in, with openid-client's own error code (and the claim, where it names one). Without the deviation the
 * same sign-in succeeds (the first test), so each refusal is the deviation's doing.
 */
import * as client from 'openid-client';
import { decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { authorizationUrl, Browser, REDIRECT, type RunningOp, rp, signIn, startOp } from '../test-support/op-server.ts';
import type { OidcDeviationName } from './registry.ts';

let op: RunningOp;
let config: client.Configuration;
beforeAll(async () => {
  op = await startOp();
  op.idp.oidc.registerClient({ preset: 'okta', client_id: 'rp', client_secret: 'rp-secret-123', redirect_uris: [REDIRECT] });
  config = await rp(op.idp.oidc.issuer('okta'), 'rp', 'rp-secret-123');
  // Verify ID token signatures against the JWKS too (openid-client skips it for TLS token responses by default).
  client.enableNonRepudiationChecks(config);
});
afterAll(() => op.close());

interface Refusal {
  /** openid-client's error code. */
  readonly code: string;
  /** oauth4webapi's details: the claim, the JWT header, the response parameters it compared. */
  readonly detail: { claim?: string; header?: { alg?: string }; parameters?: URLSearchParams; expected?: unknown } | undefined;
  /** The OAuth error the OP answered with, if it refused. */
  readonly error: unknown;
}

async function refusal(deviation: OidcDeviationName): Promise<Refusal> {
  op.idp.oidc.setNextSignIn({ user: 'alice@example.com', deviations: [deviation] });
  try {
    await signIn(config, new Browser());
  } catch (e) {
    const err = e as { code?: string; cause?: { cause?: Refusal['detail'] }; error?: unknown };
    return { code: err.code ?? String(e), detail: err.cause?.cause, error: err.error };
  }
  throw new Error(`${deviation}: openid-client accepted the sign-in`);
}

describe('openid-client refuses each deviation', () => {
  it('accepts the same sign-in without a deviation', async () => {
    op.idp.oidc.setNextSignIn({ user: 'alice@example.com' });
    const { tokens } = await signIn(config, new Browser());
    expect(tokens.claims()!['email']).toBe('alice@example.com');
  });

  it.each([
    ['wrongIssuer', 'iss'],
    ['wrongAudience', 'aud'],
  ] as const)('%s: OAUTH_JWT_CLAIM_COMPARISON_FAILED on %s', async (deviation, claim) => {
    const r = await refusal(deviation);
    expect([r.code, r.detail?.claim]).toEqual(['OAUTH_JWT_CLAIM_COMPARISON_FAILED', claim]);
  });

  it.each([
    ['expired', 'exp'],
    ['issuedInFuture', 'nbf'],
  ] as const)('%s: OAUTH_JWT_TIMESTAMP_CHECK_FAILED on %s', async (deviation, claim) => {
    const r = await refusal(deviation);
    expect([r.code, r.detail?.claim]).toEqual(['OAUTH_JWT_TIMESTAMP_CHECK_FAILED', claim]);
  });

  it('missingNonce: OAUTH_INVALID_RESPONSE, the token has no nonce', async () => {
    const r = await refusal('missingNonce');
    expect(r.code).toBe('OAUTH_INVALID_RESPONSE');
    expect(r.detail).toHaveProperty('claims');
    expect((r.detail as { claims: object }).claims).not.toHaveProperty('nonce');
  });

  it.each([
    ['algNone', 'none'],
    ['hs256WithPublicKey', 'HS256'],
  ] as const)('%s: OAUTH_INVALID_RESPONSE on the JWT alg %s', async (deviation, alg) => {
    const r = await refusal(deviation);
    expect([r.code, r.detail?.header?.alg]).toEqual(['OAUTH_INVALID_RESPONSE', alg]);
  });

  it('unknownKid: OAUTH_KEY_SELECTION_FAILED (no key in the JWKS has the kid)', async () => {
    const r = await refusal('unknownKid');
    expect(r.code).toBe('OAUTH_KEY_SELECTION_FAILED');
  });

  it('stateNotEchoed: OAUTH_INVALID_RESPONSE, no state in the response', async () => {
    const r = await refusal('stateNotEchoed');
    expect([r.code, r.detail?.parameters?.has('state')]).toEqual(['OAUTH_INVALID_RESPONSE', false]);
  });

  it('stateAltered: OAUTH_INVALID_RESPONSE, another state', async () => {
    const r = await refusal('stateAltered');
    expect(r.code).toBe('OAUTH_INVALID_RESPONSE');
    expect(r.detail?.parameters?.get('state')).not.toBe(r.detail?.expected);
  });

  it('responseIssuerMixUp: OAUTH_INVALID_RESPONSE, the iss parameter is not the issuer (RFC 9207)', async () => {
    const r = await refusal('responseIssuerMixUp');
    expect(r.code).toBe('OAUTH_INVALID_RESPONSE');
    expect(r.detail?.parameters?.get('iss')).toBe(op.idp.oidc.issuer('generic'));
  });

  it('codeFromAnotherIssuer: the OP refuses the code with invalid_grant', async () => {
    const r = await refusal('codeFromAnotherIssuer');
    expect([r.code, r.error]).toEqual(['OAUTH_RESPONSE_BODY_ERROR', 'invalid_grant']);
  });

  it('replayedNonce: the previous sign-in’s nonce is refused', async () => {
    op.idp.oidc.setNextSignIn({ user: 'alice@example.com' });
    await signIn(config, new Browser());
    const r = await refusal('replayedNonce');
    expect([r.code, r.detail?.claim]).toEqual(['OAUTH_JWT_CLAIM_COMPARISON_FAILED', 'nonce']);
  });

  it('emailNotVerified: a valid token whose email_verified is false', async () => {
    op.idp.oidc.setNextSignIn({ user: 'alice@example.com', deviations: ['emailNotVerified'] });
    const { tokens } = await signIn(config, new Browser());
    expect(tokens.claims()!['email_verified']).toBe(false);
  });
});

describe('keys and PKCE', () => {
  it('key rotation: the new kid is published, the old one retired; an RP that refetches the JWKS accepts the new tokens', async () => {
    op.idp.oidc.setNextSignIn({ user: 'alice@example.com' });
    await signIn(config, new Browser());
    const { kid, retiredKid } = op.idp.oidc.rotateKeys();
    const jwks = (await (await fetch(`${op.idp.oidc.issuer('okta')}/v1/keys`)).json()) as { keys: { kid: string }[] };
    expect(jwks.keys.map((k) => k.kid)).toEqual([kid]);
    expect(retiredKid).not.toBe(kid);
    // openid-client refetches a JWKS older than a minute on an unknown kid: a minute later (OP and RP alike)
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 61_000);
    try {
      op.idp.oidc.setNextSignIn({ user: 'alice@example.com' });
      const after = await signIn(config, new Browser());
      expect(decodeProtectedHeader(after.tokens.id_token!).kid).toBe(kid);
    } finally {
      vi.useRealTimers();
    }
  });

  it('the OP itself refuses a wrong code_verifier with invalid_grant', async () => {
    op.idp.oidc.setNextSignIn({ user: 'alice@example.com' });
    const started = await authorizationUrl(config);
    const { callback } = await new Browser().walk(started.url.href, REDIRECT);
    const wrong = { pkceCodeVerifier: client.randomPKCECodeVerifier(), expectedState: started.state, expectedNonce: started.nonce };
    const err = await client.authorizationCodeGrant(config, callback!, wrong).catch((e: unknown) => e);
    expect((err as { error?: string }).error).toBe('invalid_grant');
  });
});
