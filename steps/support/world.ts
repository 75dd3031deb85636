/*
 * The typed World every step runs against (`function (this: HarnessWorld, …)`). Steps never call steps: they
 * call the stages held here. Each domain owns one stage, created on first use in a scenario:
 *   - saml: the mock IdP and the reference SP, started in-process on ephemeral loopback ports;
 *   - scim: an HTTP driver for a SCIM endpoint (`worldParameters.scim`, else SCIM_BASE_URL/SCIM_TOKEN; or the
 *     bundled server);
 *   - entra: the mock IdP's Entra-style provisioning engine against a SCIM server;
 *   - scimCertify: an Entra/Okta certification scenario's driver and context, on the scim stage's target;
 *   - samlCertify: a SAML certification scenario's mutation, browsers and verdict (worldParameters.samlCertify);
 *   - oidc: the mock IdP's OpenID Provider and the reference SP's relying party, in-process on loopback ports.
 */
import { World, setWorldConstructor, type IWorldOptions } from '@cucumber/cucumber';
import { ScenarioClock } from './clock.ts';
import { EntraStage } from './entra/stage.ts';
import { OidcStage } from './oidc/stage.ts';
import { SamlCertifyStage } from './saml-certify/stage.ts';
import { SamlStage } from './saml/stage.ts';
import { SamlLogoutStage } from './saml/logout.ts';
import { CertifyStage } from './scim/certify-stage.ts';
import { scimSettings } from './scim/settings.ts';
import { ScimStage } from './scim/stage.ts';

export class HarnessWorld extends World {
  readonly clock = new ScenarioClock();
  #saml: SamlStage | undefined;
  #samlLogout: SamlLogoutStage | undefined;
  #scim: ScimStage | undefined;
  #entra: EntraStage | undefined;
  #certify: CertifyStage | undefined;
  #samlCertify: SamlCertifyStage | undefined;
  #oidc: OidcStage | undefined;

  constructor(options: IWorldOptions) {
    super(options);
  }

  get saml(): SamlStage {
    this.#saml ??= new SamlStage(this.clock, (text, name) => this.attach(text, { mediaType: 'text/plain', fileName: name }));
    return this.#saml;
  }

  /** Single Logout on top of the SAML stage (./saml/logout.ts); closed with it. */
  get samlLogout(): SamlLogoutStage {
    this.#samlLogout ??= new SamlLogoutStage(this.saml);
    return this.#samlLogout;
  }

  get scim(): ScimStage {
    this.#scim ??= new ScimStage((text, name) => this.attach(text, { mediaType: 'text/plain', fileName: name }), scimSettings(this.parameters));
    return this.#scim;
  }

  get entra(): EntraStage {
    this.#entra ??= new EntraStage(this.clock, (text, name) => this.attach(text, { mediaType: 'text/plain', fileName: name }));
    return this.#entra;
  }

  get scimCertify(): CertifyStage {
    this.#certify ??= new CertifyStage(this.scim, (text, name) => this.attach(text, { mediaType: 'text/plain', fileName: name }));
    return this.#certify;
  }

  get samlCertify(): SamlCertifyStage {
    this.#samlCertify ??= new SamlCertifyStage(this.parameters, (text, options) => this.attach(text, options));
    return this.#samlCertify;
  }

  get oidc(): OidcStage {
    this.#oidc ??= new OidcStage(this.clock, (text, name) => this.attach(text, { mediaType: 'text/plain', fileName: name }));
    return this.#oidc;
  }

  /** Whether this scenario used the Entra stage (without creating it). */
  usedEntraStage(): boolean {
    return this.#entra !== undefined;
  }

  /** Stages that were used in this scenario, for the After hook to clean up. */
  usedStages(): Array<{ close(): Promise<void> }> {
    return [this.#saml, this.#scim, this.#entra, this.#certify, this.#samlCertify, this.#oidc].filter((stage) => stage !== undefined);
  }
}

/** Attaches a transcript (request/response, minted XML, …) to the scenario's report entry. */
export type Attach = (text: string, name: string) => unknown;

setWorldConstructor(HarnessWorld);
