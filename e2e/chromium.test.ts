import { describe, expect, it } from 'vitest';
import { browserSkipReason, CHROMIUM_PATH } from './chromium.ts';

describe('when the browser tests may skip', () => {
  it('run when Chromium is installed', () => {
    expect(browserSkipReason(true, {})).toBeUndefined();
  });
  it('skip, naming the missing binary, only without Chromium outside CI', () => {
    expect(browserSkipReason(false, {})).toContain(CHROMIUM_PATH);
  });
  it('never skip in CI, so a missing Chromium fails the run there', () => {
    expect(browserSkipReason(false, { CI: 'true' })).toBeUndefined();
  });
});
