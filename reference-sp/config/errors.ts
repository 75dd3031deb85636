/* A configuration that cannot run: every problem found, each naming its full path (STYLE.md §7). */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly code = 'config/invalid';
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`invalid reference SP configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` + problems.map((p) => `  - ${p}`).join('\n'));
    this.problems = Object.freeze([...problems]);
  }
}
