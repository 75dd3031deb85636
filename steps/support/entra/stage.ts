// Placeholder: the Entra stage (provisioning engine against a SCIM server) is written by the Entra steps engineer.
import type { ScenarioClock } from '../clock.ts';
import type { Attach } from '../world.ts';

export class EntraStage {
  constructor(
    readonly clock: ScenarioClock,
    readonly attach: Attach,
  ) {}

  async close(): Promise<void> {}
}
