/*
 * The certification stage, held by the World as `this.scimCertify`: one scenario's Entra/Okta certification context —
 * an EndpointDriver (certify/driver/endpoint.ts) on the SCIM stage's target, with its settings (timeout, bound,
 * run prefix, ledger: `worldParameters.scim`, ./settings.ts) — and what the scenario provisioned. `close()`, run
 * by the After hook also when the scenario failed, deletes what the driver created.
 * - Scenarios tagged @entra-quirk send shapes RFC 7644 does not define (Entra's legacy PATCH, dotted path-less
 *   keys): against the bundled server they go to its lenient tenant, the model of a server that tolerates them
 *   (the strict tenant's refusals are specified in features/scim/seeds/).
 */
import { EndpointDriver, type EndpointTarget, type Exchange } from '../../../certify/driver/endpoint.ts';
import type { UserSeed } from '../../../certify/vendors/entra.ts';
import type { Attach } from '../world.ts';
import type { ScimStage } from './stage.ts';

export interface ProvisionedUser {
  readonly id: string;
  readonly seed: UserSeed;
}

export interface CertifyContext {
  readonly driver: EndpointDriver;
  /** The response the last When step is judged on. */
  last?: Exchange;
  /** The userName lookup Entra sends before a create. */
  lookup?: Exchange;
  users: ProvisionedUser[];
  group?: { id: string; displayName: string };
  expected: { displayName?: string; givenName?: string; email?: string; groupName?: string };
}

export class CertifyStage {
  /** Set by the @entra-quirk Before hook: send to the bundled server's lenient tenant. */
  quirk = false;
  #context: CertifyContext | undefined;

  constructor(
    readonly scim: ScimStage,
    readonly attach: Attach,
  ) {}

  /** This scenario's context, created (with its driver) on first use. */
  async context(): Promise<CertifyContext> {
    if (!this.#context) {
      const driver = new EndpointDriver(await this.#target(), this.attach, this.scim.settings);
      this.#context ??= { driver, users: [], expected: {} };
    }
    return this.#context;
  }

  /** The context when this scenario has one; never creates it. */
  get current(): CertifyContext | undefined {
    return this.#context;
  }

  async close(): Promise<void> {
    await this.#context?.driver.cleanup();
  }

  async #target(): Promise<EndpointTarget> {
    const target = await this.scim.target();
    if (this.quirk && target.kind === 'bundled' && target.bundled) return target.bundled.lenient;
    return target;
  }
}
