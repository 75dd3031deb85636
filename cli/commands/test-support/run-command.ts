/*
 * Runs `sso-harness <command…> <argv…>` in-process, as the CLI's tests do: the exit code and everything written to
 * stdout and stderr.
 */
import { main } from '../../main.ts';

export interface CommandRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** A runner for one command, e.g. `commandRunner('certify', 'saml')`. */
export function commandRunner(...command: string[]): (...argv: string[]) => Promise<CommandRun> {
  return async (...argv) => {
    let out = '';
    let err = '';
    const code = await main([...command, ...argv], { out: (t) => void (out += t), err: (t) => void (err += t) });
    return { code, out, err };
  };
}
