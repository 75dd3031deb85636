/*
 * Type declarations for panva's oidc-provider 9, which ships none: only the members the mock OpenID Provider uses
 * (mock-idp/oidc/), typed narrowly. Anything not declared here is not used.
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface KoaContext {
    status: number;
    body: unknown;
    method: string;
    path: string;
    set(field: string, value: string): void;
    get(field: string): string;
    response: { get(field: string): string; set(field: string, value: string): void };
    oidc?: OidcContext;
  }

  export interface OidcContext {
    readonly route: string;
    readonly params?: Record<string, unknown>;
    readonly client?: ClientInstance;
    readonly session?: { accountId?: string };
    readonly result?: Record<string, unknown>;
    readonly entities: Record<string, unknown>;
  }

  export interface ClientInstance {
    readonly clientId: string;
    readonly clientSecret?: string;
    readonly tokenEndpointAuthMethod: string;
    readonly subjectType?: string;
    grantTypeAllowed(type: string): boolean;
  }

  export interface InteractionDetails {
    readonly uid: string;
    readonly prompt: { readonly name: string; readonly reasons: readonly string[]; readonly details: Record<string, unknown> };
    readonly params: Record<string, unknown>;
    readonly session?: { readonly accountId?: string };
    readonly returnTo: string;
  }

  export interface Account {
    readonly accountId: string;
    claims(use: string, scope: string, claims: unknown, rejected: readonly string[]): Record<string, unknown> | Promise<Record<string, unknown>>;
  }

  export interface GrantInstance {
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: readonly string[]): void;
    save(): Promise<string>;
  }

  export interface AuthorizationCodeInstance {
    save(): Promise<string>;
  }

  export interface AdapterPayload {
    readonly [key: string]: unknown;
    readonly grantId?: string;
    readonly userCode?: string;
    readonly uid?: string;
    consumed?: number;
  }

  export interface Adapter {
    upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void>;
    find(id: string): Promise<AdapterPayload | undefined>;
    findByUserCode(userCode: string): Promise<AdapterPayload | undefined>;
    findByUid(uid: string): Promise<AdapterPayload | undefined>;
    consume(id: string): Promise<void>;
    destroy(id: string): Promise<void>;
    revokeByGrantId(grantId: string): Promise<void>;
  }

  export class Check {
    static readonly REQUEST_PROMPT: boolean;
    static readonly NO_NEED_TO_PROMPT: boolean;
    constructor(reason: string, description: string, check: (ctx: KoaContext) => boolean | Promise<boolean>);
    /** `error`: the OAuth error a prompt=none request is answered with when this check asks for the prompt. */
    constructor(reason: string, description: string, error: string, check: (ctx: KoaContext) => boolean | Promise<boolean>);
  }

  export interface PromptInstance {
    readonly name: string;
    readonly checks: { add(check: Check, index?: number): void };
  }

  export const interactionPolicy: {
    base(): PromptInstance[] & { get(name: string): PromptInstance | undefined };
    Check: typeof Check;
  };

  export namespace errors {
    class OIDCProviderError extends Error {
      status: number;
      error: string;
      error_description?: string;
    }
  }

  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    readonly issuer: string;
    proxy: boolean;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    use(middleware: (ctx: KoaContext, next: () => Promise<void>) => Promise<void>): void;
    on(event: string, listener: (...args: unknown[]) => void): void;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
    interactionFinished(req: IncomingMessage, res: ServerResponse, result: Record<string, unknown>, options?: { mergeWithLastSubmission?: boolean }): Promise<void>;
    readonly Grant: new (init: {
      accountId: string;
      clientId: string;
    }) => GrantInstance;
    readonly AuthorizationCode: new (
      init: Record<string, unknown>,
    ) => AuthorizationCodeInstance;
  }
}
