/*
 * The store's typed error code a call fails with (undefined: it did not fail), for tests that assert codes, not
 * message text.
 */
import { StoreError } from '../errors.ts';

export const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return e instanceof StoreError ? e.code : `not a StoreError: ${String(e)}`;
  }
  return undefined;
};
