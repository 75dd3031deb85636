/* The SAML stage refuses a Given that would change a configuration the running SP no longer reads. */
import { expect, it } from 'vitest';
import { ScenarioClock } from '../clock.ts';
import { StepArgumentError } from '../step-error.ts';
import { SamlStage } from './stage.ts';

it('refuses a trust change once the SP started with its frozen configuration', async () => {
  const stage = new SamlStage(new ScenarioClock(), () => undefined);
  try {
    stage.defineTenant('t', 'generic');
    stage.trustIdp('metadata-url');
    await stage.sp();
    let caught: unknown;
    try {
      stage.trustIdp('manual');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(StepArgumentError);
    expect((caught as StepArgumentError).code).toBe('stage/sp-started');
  } finally {
    await stage.close();
  }
});
