/*
 * Where a command writes: the process's stdout and stderr by default; tests hand in their own so they can run the
 * CLI in-process and read what it printed.
 */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};
