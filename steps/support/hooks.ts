import { After, setDefaultTimeout } from '@cucumber/cucumber';
import { StepArgumentError } from './step-error.ts';
import type { HarnessWorld } from './world.ts';

// Key generation and in-process servers can take a few seconds on a 2-core machine; no step waits on wall time.
setDefaultTimeout(30_000);

After(async function (this: HarnessWorld, { result }) {
  // A passing scenario whose scripted gateway failures no request met tested nothing: it fails, naming them.
  const unconsumed = result?.status === 'PASSED' && this.usedEntraStage() ? this.entra.unconsumedGatewayScripts() : [];
  await Promise.all(this.usedStages().map((stage) => stage.close()));
  if (unconsumed.length > 0) {
    throw new StepArgumentError('gateway/unconsumed-script', `the scenario scripted gateway answers that no request met: ${unconsumed.join('; ')}`);
  }
});
