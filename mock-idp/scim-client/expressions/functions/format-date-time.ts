/*
 * FormatDateTime(source, dateTimeStyles, inputFormat, outputFormat) — "Takes a date string from one format and
 * converts it into a different format", formats being .NET custom date and time format strings.
 * - the older three-argument form FormatDateTime(source, inputFormat, outputFormat) is accepted too
 * - dateTimeStyles may be omitted; when given it must name System.Globalization.DateTimeStyles members (joined
 *   by "," or "|"). They are validated but change nothing here: white space is always allowed and every value is
 *   UTC (see dotnet-format.ts)
 * - the source must match inputFormat exactly (DateTime.ParseExact), else expression/type; null → null
 * - format strings written as constants are checked at compile time
 */
import type { CallNode } from '../ast.ts';
import { formatDotNet, FormatError, parseExactDotNet, tokenizeFormat } from '../datetime/dotnet-format.ts';
import { ExpressionError } from '../errors.ts';
import { DateTimeValue } from '../values.ts';
import type { FunctionDefinition } from './definition.ts';

const STYLES = new Set(
  [
    'None',
    'AllowLeadingWhite',
    'AllowTrailingWhite',
    'AllowInnerWhite',
    'AllowWhiteSpaces',
    'NoCurrentDateDefault',
    'AdjustToUniversal',
    'AssumeLocal',
    'AssumeUniversal',
    'RoundtripKind',
  ].map((s) => s.toLowerCase()),
);

function badStyles(styles: string): string | undefined {
  return styles
    .split(/[,|]/)
    .map((s) => s.trim().replace(/^DateTimeStyles\./i, ''))
    .find((s) => s !== '' && !STYLES.has(s.toLowerCase()));
}

export const FormatDateTime: FunctionDefinition = {
  name: 'FormatDateTime',
  signature: 'FormatDateTime(source, dateTimeStyles, inputFormat, outputFormat)',
  minArgs: 3,
  maxArgs: 4,
  check(call: CallNode) {
    const offset = call.args.length - 3;
    const styles = offset ? call.args[1]! : undefined;
    if (styles?.kind === 'string' && badStyles(styles.value) !== undefined) {
      throw new ExpressionError('expression/value', `FormatDateTime: unknown DateTimeStyles "${badStyles(styles.value)}"`, styles.pos);
    }
    for (const arg of call.args.slice(1 + offset)) {
      if (arg.kind !== 'string') continue;
      try {
        tokenizeFormat(arg.value);
      } catch (e) {
        throw new ExpressionError('expression/value', `FormatDateTime: ${(e as Error).message}`, arg.pos);
      }
    }
  },
  call(args) {
    const offset = args.length - 3;
    const source = args.string(0, 'source');
    if (offset) {
      const styles = args.string(1, 'dateTimeStyles');
      const bad = styles === null ? undefined : badStyles(styles);
      if (bad !== undefined) args.fail('expression/value', `unknown DateTimeStyles "${bad}"`, 1);
    }
    const inputFormat = args.string(1 + offset, 'inputFormat');
    const outputFormat = args.string(2 + offset, 'outputFormat');
    if (source === null || inputFormat === null || outputFormat === null) return null;
    try {
      const v = args.value(0);
      const ms = v instanceof DateTimeValue ? v.ms : parseExactDotNet(source, inputFormat);
      if (ms === null) return args.fail('expression/type', `"${source}" does not match the input format "${inputFormat}"`, 0);
      return formatDotNet(ms, outputFormat);
    } catch (e) {
      if (e instanceof FormatError) return args.fail('expression/value', e.message);
      throw e;
    }
  },
};
