/*
 * Where a command writes: the process's stdout and stderr by default; tests hand in their own so they can run the
 * CLI in-process and read what it printed.
 * A reader that goes away early (`sso-harness --help | head -3`) closes the pipe: that EPIPE ends the output, not
 * the process with a stack trace.
 */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

let pipesGuarded = false;
function guardPipes(): void {
  if (pipesGuarded) return;
  pipesGuarded = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
}

export const processIo: CliIo = {
  out: (text) => {
    guardPipes();
    process.stdout.write(text);
  },
  err: (text) => {
    guardPipes();
    process.stderr.write(text);
  },
};
