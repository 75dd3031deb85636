/*
 * certify-saml hooks: each scenario's stage closes its browsers after the scenario; the run's SP, IdP and data
 * directory (./run-context.ts) are stopped after the run.
 */
import { After, AfterAll } from '@cucumber/cucumber';
import { stopCertifyRun } from './run-context.ts';
import { existingStage } from './world-stage.ts';

After({ tags: '@certify-saml' }, async function () {
  await existingStage(this)?.close();
});

AfterAll(async () => {
  await stopCertifyRun();
});
