/*
 * What the mock IdP sends a tenant's SP, as attribute statements, and the changes the attribute steps make to it.
 * Every change refuses arguments that do not apply, so a step can never leave the assertion as it was and let
 * the scenario pass without testing anything:
 * - renaming, re-formatting or re-valuing an attribute the IdP does not send fails with `attribute/not-sent`,
 *   naming what it sends;
 * - adding an attribute it already sends fails with `attribute/already-sent`.
 * The statements are, in order: the scenario's own, the vendor guide's (../../../mock-idp presets/vendor-statements),
 * or the preset's names, turned into statements (presetStatements).
 */
import { PRESETS, type AttributeStatement, type DirectoryUser, type PresetName } from '../../../mock-idp/index.ts';
import { StepArgumentError } from '../step-error.ts';

type UserField = NonNullable<AttributeStatement['from']>;

const FIELDS: readonly UserField[] = ['id', 'email', 'givenName', 'surname', 'displayName', 'login', 'groups'];
const marker = (field: UserField): string => `\u0001${field}\u0001`;

/**
 * A preset's attributes as statements: the preset runs on a probe user whose every field holds a marker, so each
 * attribute is traced back to the field it comes from; an attribute that holds no marker is a constant (Entra's
 * tenantid). One difference from the preset itself: a statement is sent even when its field is empty (a user with
 * no groups gets an empty groups attribute), and Entra's group overage claim is no statement: the mock IdP adds it
 * past 150 groups for any SP registered with the entra preset (mock-idp/saml/presets/presets.ts, entraStatements).
 */
export function presetStatements(preset: PresetName, tenantId?: string): AttributeStatement[] {
  const probe: DirectoryUser = {
    id: marker('id'),
    email: marker('email'),
    givenName: marker('givenName'),
    surname: marker('surname'),
    displayName: marker('displayName'),
    login: marker('login'),
    groups: [marker('groups')],
  };
  return PRESETS[preset].attributes(probe, { tenantId }).map((attribute) => {
    const from = attribute.values.length === 1 ? FIELDS.find((field) => attribute.values[0] === marker(field)) : undefined;
    return {
      name: attribute.name,
      ...(from ? { from } : { value: [...attribute.values] }),
      ...(attribute.nameFormat ? { nameFormat: attribute.nameFormat } : {}),
      ...(attribute.friendlyName ? { friendlyName: attribute.friendlyName } : {}),
    };
  });
}

function names(statements: readonly AttributeStatement[]): string {
  return statements.length === 0 ? 'no attributes' : statements.map((s) => `"${s.name}"`).join(', ');
}

function indexOf(statements: readonly AttributeStatement[], name: string): number {
  const index = statements.findIndex((s) => s.name === name);
  if (index < 0) throw new StepArgumentError('attribute/not-sent', `the IdP does not send "${name}" to this SP; it sends ${names(statements)}`);
  return index;
}

function replaceAt(statements: readonly AttributeStatement[], name: string, change: (s: AttributeStatement) => AttributeStatement): AttributeStatement[] {
  const index = indexOf(statements, name);
  return statements.map((s, i) => (i === index ? change(s) : s));
}

/** Sends `sent` where the IdP sent `instead` (a misspelling, another capitalisation), with the same values. */
export function renameAttribute(statements: readonly AttributeStatement[], sent: string, instead: string): AttributeStatement[] {
  return replaceAt(statements, instead, (s) => ({ ...s, name: sent }));
}

/** Sends only the named attributes, each of which the IdP sends today. */
export function onlyAttributes(statements: readonly AttributeStatement[], kept: readonly string[]): AttributeStatement[] {
  return kept.map((name) => statements[indexOf(statements, name)]!);
}

/** Sends the attribute with this NameFormat URI. */
export function withNameFormat(statements: readonly AttributeStatement[], name: string, nameFormat: string): AttributeStatement[] {
  return replaceAt(statements, name, (s) => ({ ...s, nameFormat }));
}

/** Sends the attribute with these values (one AttributeValue each), whoever signs in. */
export function withValues(statements: readonly AttributeStatement[], name: string, values: readonly string[]): AttributeStatement[] {
  return replaceAt(statements, name, ({ from: _from, value: _value, ...rest }) => ({ ...rest, value: [...values] }));
}

/** Sends one more attribute with these values. */
export function addAttribute(statements: readonly AttributeStatement[], name: string, values: readonly string[]): AttributeStatement[] {
  if (statements.some((s) => s.name === name)) {
    throw new StepArgumentError('attribute/already-sent', `the IdP already sends "${name}" to this SP (${names(statements)})`);
  }
  return [...statements, { name, value: [...values] }];
}

/** The IdP sends the user's groups to this SP; a groups step would otherwise change nothing the SP sees. */
export function assertSendsGroups(statements: readonly AttributeStatement[]): void {
  if (!statements.some((s) => s.from === 'groups')) {
    throw new StepArgumentError('attribute/not-sent', `the IdP sends no groups to this SP; it sends ${names(statements)}`);
  }
}
