/* StripSpaces(source) — "Removes all space (" ") characters from the source string" (only U+0020). null → null. */
import type { FunctionDefinition } from './definition.ts';

export const StripSpaces: FunctionDefinition = {
  name: 'StripSpaces',
  signature: 'StripSpaces(source)',
  minArgs: 1,
  maxArgs: 1,
  call(args) {
    const s = args.string(0, 'source');
    return s === null ? null : s.replaceAll(' ', '');
  },
};
