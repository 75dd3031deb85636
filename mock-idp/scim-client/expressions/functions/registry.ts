/*
 * The table of documented functions, in the order of Entra's "List of Functions". A call matches a name
 * case-insensitively (the docs themselves write both `Switch(` and `switch(`).
 */
import { AppRoleAssignmentsComplex, SingleAppRoleAssignment } from './app-role-assignments.ts';
import { DateFromNum, NumFromDate } from './ad-date.ts';
import { Append } from './append.ts';
import { BitAnd } from './bit-and.ts';
import { ToLower, ToUpper } from './case.ts';
import { CBool } from './cbool.ts';
import { CDate } from './cdate.ts';
import { Coalesce } from './coalesce.ts';
import { Count } from './count.ts';
import { CStr } from './cstr.ts';
import { DateAdd, DateDiff } from './date-arithmetic.ts';
import type { FunctionDefinition } from './definition.ts';
import { ConvertToBase64, ConvertToUTF8Hex } from './encoding.ts';
import { FormatDateTime } from './format-date-time.ts';
import { Guid } from './guid.ts';
import { IgnoreFlowIfNullOrEmpty } from './ignore-flow.ts';
import { IIF } from './iif.ts';
import { InStr } from './instr.ts';
import { Item } from './item.ts';
import { Join } from './join.ts';
import { Left, Mid } from './left-mid.ts';
import { NormalizeDiacritics } from './normalize-diacritics.ts';
import { Not } from './not.ts';
import { Now } from './now.ts';
import { IsNull, IsNullOrEmpty, IsPresent, IsString } from './null-checks.ts';
import { PCase } from './pcase.ts';
import { RandomString } from './random-string.ts';
import { Redact } from './redact.ts';
import { RemoveDuplicates } from './remove-duplicates.ts';
import { Replace } from './replace.ts';
import { SelectUniqueValue } from './select-unique-value.ts';
import { Split } from './split.ts';
import { StripSpaces } from './strip-spaces.ts';
import { Switch } from './switch.ts';
import { Word } from './word.ts';

export const FUNCTIONS: readonly FunctionDefinition[] = [
  Append,
  AppRoleAssignmentsComplex,
  BitAnd,
  CBool,
  CDate,
  Coalesce,
  ConvertToBase64,
  ConvertToUTF8Hex,
  Count,
  CStr,
  DateAdd,
  DateDiff,
  DateFromNum,
  FormatDateTime,
  Guid,
  IgnoreFlowIfNullOrEmpty,
  IIF,
  InStr,
  IsNull,
  IsNullOrEmpty,
  IsPresent,
  IsString,
  Item,
  Join,
  Left,
  Mid,
  NormalizeDiacritics,
  Not,
  Now,
  NumFromDate,
  PCase,
  RandomString,
  Redact,
  RemoveDuplicates,
  Replace,
  SelectUniqueValue,
  SingleAppRoleAssignment,
  Split,
  StripSpaces,
  Switch,
  ToLower,
  ToUpper,
  Word,
];

const BY_NAME = new Map(FUNCTIONS.map((f) => [f.name.toLowerCase(), f]));

export function lookupFunction(name: string): FunctionDefinition | undefined {
  return BY_NAME.get(name.toLowerCase());
}

/** Every documented function name, canonical spelling. */
export const functionNames: readonly string[] = FUNCTIONS.map((f) => f.name);

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The closest documented name, when it is close enough to be a typo. */
export function suggestFunction(name: string): string | undefined {
  let best: { name: string; d: number } | undefined;
  for (const f of FUNCTIONS) {
    const d = distance(name.toLowerCase(), f.name.toLowerCase());
    if (!best || d < best.d) best = { name: f.name, d };
  }
  return best && best.d <= Math.max(2, Math.floor(name.length / 4)) ? best.name : undefined;
}
