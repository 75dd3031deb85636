/** Time is injected: one clock drives the IdP and the SP in a scenario (STYLE.md §8). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
