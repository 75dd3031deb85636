/* The SAML stage refuses a Given that would change a configuration the running SP no longer reads. */
import { expect, it } from 'vitest';
import { ScenarioClock } from '../clock.ts';
import { StepArgumentError } from '../step-error.ts';
import { deliverArtifactsByRedirect, receiveSignInsByArtifact } from './artifact.ts';
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

it('refuses to hand artifacts over by redirect for a tenant that does not receive sign-ins by artifact', async () => {
  const stage = new SamlStage(new ScenarioClock(), () => undefined);
  try {
    stage.defineTenant('t', 'generic');
    expect(() => deliverArtifactsByRedirect(stage)).toThrow(expect.objectContaining({ code: 'artifact/not-artifact' }));
    receiveSignInsByArtifact(stage);
    deliverArtifactsByRedirect(stage);
    expect(stage.tenant().idpRegistration.artifactDelivery).toBe('redirect');
  } finally {
    await stage.close();
  }
});
