/*
 * Reads an attribute of a stored SCIM resource by the path a mapping targets (RFC 7644 §3.10 attribute
 * notation, the subset Entra's mappings use):
 * - `userName`, `name.givenName` (complex sub-attribute)
 * - `emails[type eq "work"].value` (multi-valued attribute, one `eq` value filter, then a sub-attribute)
 * - `urn:…:User:organizationId` (an extension attribute, nested under its schema URN key, RFC 7643 §3.3)
 * Attribute names compare case-insensitively (RFC 7643 §2.1). A missing value reads as undefined.
 */
const FILTERED = /^([A-Za-z][\w-]*)\[([A-Za-z][\w-]*) eq "([^"]*)"\](?:\.([A-Za-z][\w-]*))?$/;

function member(object: unknown, name: string): unknown {
  if (!object || typeof object !== 'object' || Array.isArray(object)) return undefined;
  const key = Object.keys(object).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : (object as Record<string, unknown>)[key];
}

export function readStored(resource: Record<string, unknown>, path: string): unknown {
  if (path.startsWith('urn:')) {
    const cut = path.lastIndexOf(':');
    return readStored((member(resource, path.slice(0, cut)) ?? {}) as Record<string, unknown>, path.slice(cut + 1));
  }
  const filtered = FILTERED.exec(path);
  if (filtered) {
    const [, attribute, filterAttribute, filterValue, sub] = filtered;
    const values = member(resource, attribute!);
    if (!Array.isArray(values)) return undefined;
    const hit = values.find((v) => String(member(v, filterAttribute!)).toLowerCase() === filterValue!.toLowerCase());
    return sub === undefined ? hit : member(hit, sub);
  }
  return path.split('.').reduce<unknown>((value, name) => member(value, name), resource);
}
