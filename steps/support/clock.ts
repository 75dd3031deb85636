/*
 * One clock per scenario drives the mock IdP and the reference SP alike (STYLE.md §8). It follows real time
 * until a step sets it, then stays frozen until it is set or advanced again, so validity windows and skew
 * edges are exact.
 */
export class ScenarioClock {
  #frozenAt: number | undefined;

  now(): Date {
    return new Date(this.#frozenAt ?? Date.now());
  }

  set(instant: Date): void {
    if (Number.isNaN(instant.getTime())) throw new TypeError('the clock cannot be set to an invalid date');
    this.#frozenAt = instant.getTime();
  }

  advance(milliseconds: number): void {
    this.#frozenAt = (this.#frozenAt ?? Date.now()) + milliseconds;
  }
}

const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses a duration such as `90s`, `5m`, `1h` or `250ms` into milliseconds. */
export function parseDuration(text: string): number {
  const match = /^(\d+)(ms|s|m|h|d)$/.exec(text.trim());
  if (!match) throw new TypeError(`"${text}" is not a duration like 30s, 5m or 1h`);
  return Number(match[1]) * units[match[2]!]!;
}
