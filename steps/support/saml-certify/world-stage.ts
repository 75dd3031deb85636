/*
 * The certify-saml stage of a scenario, held beside the World (one per World instance) rather than as a World
 * field, so this domain adds no accessor to the shared World class.
 */
import type { World } from '@cucumber/cucumber';
import { SamlCertifyStage } from './stage.ts';

const stages = new WeakMap<object, SamlCertifyStage>();

export function samlCertifyStage(world: World): SamlCertifyStage {
  let stage = stages.get(world);
  if (!stage) {
    stage = new SamlCertifyStage(world.parameters, (text, options) => world.attach(text, options));
    stages.set(world, stage);
  }
  return stage;
}

export function existingStage(world: object): SamlCertifyStage | undefined {
  return stages.get(world);
}
