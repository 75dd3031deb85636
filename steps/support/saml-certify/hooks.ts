/*
 * certify-saml hooks: each scenario's stage (the World's `samlCertify`) is closed with the other stages by the
 * After hook in ../hooks.ts; the run's SP, IdP and data directory (./run-context.ts) are stopped after the run.
 */
import { AfterAll } from '@cucumber/cucumber';
import { stopCertifyRun } from './run-context.ts';

AfterAll(async () => {
  await stopCertifyRun();
});
