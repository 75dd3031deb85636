import { After, setDefaultTimeout } from '@cucumber/cucumber';
import type { HarnessWorld } from './world.ts';

// Key generation and in-process servers can take a few seconds on a 2-core machine; no step waits on wall time.
setDefaultTimeout(30_000);

After(async function (this: HarnessWorld) {
  await Promise.all(this.usedStages().map((stage) => stage.close()));
});
