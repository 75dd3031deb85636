/*
 * Explicit attribute statements for an SP registration, for vendors whose guide names its own attributes
 * (e.g. Particle's email / firstName / lastName): each statement takes its values from a directory user field or
 * is a constant.
 */
import type { SamlAttribute } from '../assertion-builder/builder.ts';
import { fieldValues, type DirectoryUser, type UserField } from './directory-user.ts';

export interface AttributeStatement {
  readonly name: string;
  /** Directory field the values come from; exclusive with `value`. */
  readonly from?: UserField | undefined;
  /** A constant value (or values). */
  readonly value?: string | readonly string[] | undefined;
  readonly nameFormat?: string | undefined;
  readonly friendlyName?: string | undefined;
}

export const USER_FIELDS: readonly UserField[] = ['id', 'email', 'givenName', 'surname', 'displayName', 'login', 'groups'];

export function applyStatements(user: DirectoryUser, statements: readonly AttributeStatement[]): SamlAttribute[] {
  return statements.map((s) => {
    const values = s.from ? fieldValues(user, s.from) : typeof s.value === 'string' ? [s.value] : [...(s.value ?? [])];
    return { name: s.name, values, nameFormat: s.nameFormat, friendlyName: s.friendlyName };
  });
}
