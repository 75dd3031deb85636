// Placeholder: the SAML stage (mock IdP + reference SP in-process) is written by the integrator.
import type { ScenarioClock } from '../clock.ts';
import type { Attach } from '../world.ts';

export class SamlStage {
  constructor(
    readonly clock: ScenarioClock,
    readonly attach: Attach,
  ) {}

  async close(): Promise<void> {}
}
