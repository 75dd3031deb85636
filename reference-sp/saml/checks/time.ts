/* xs:dateTime parsing for SAML time attributes (saml-core §1.3.3: UTC, no time zone ambiguity). */
import { reject } from '../rejection.ts';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function parseSamlTime(value: string | undefined, where: string): Date | undefined {
  if (value === undefined) return undefined;
  const t = Date.parse(value);
  if (!DATE_TIME.test(value) || Number.isNaN(t)) {
    throw reject('response/invalid', { message: `${where} is not an xs:dateTime: "${value}"`, spec: 'saml-core §1.3.3' });
  }
  return new Date(t);
}
