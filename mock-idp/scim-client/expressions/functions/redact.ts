/*
 * Redact(attribute/value) — "replaces the attribute value with the string literal "[Redact]" in the provisioning
 * logs". The value still flows to the target unchanged; the result carries `redacted: true` so the engine's log
 * prints "[Redact]" instead.
 */
import type { FunctionDefinition } from './definition.ts';

export const REDACTED = '[Redact]';

export const Redact: FunctionDefinition = {
  name: 'Redact',
  signature: 'Redact(attribute/value)',
  minArgs: 1,
  maxArgs: 1,
  call(args) {
    args.run.redact();
    return args.value(0);
  },
};
