// Placeholder: the SCIM stage (HTTP driver for SCIM_BASE_URL or the bundled server) is written by the SCIM steps engineer.
import type { Attach } from '../world.ts';

export class ScimStage {
  constructor(readonly attach: Attach) {}

  async close(): Promise<void> {}
}
