/*
 * Attribute mappings the way Entra's "Edit attribute mappings" blade holds them.
 *
 * - mapping type: Direct (`source`), Constant (`constant`) or Expression (`expression`), exactly one
 * - "Default value if null" (`default`) applies when the source is null/absent
 * - "Apply this mapping": Always | Only during object creation (`apply: 'always' | 'create'`)
 * - "Match objects using this attribute" + "Matching precedence" (`matchingPrecedence`, 1 = first)
 * - the target must be in the target attribute list ("Edit attribute list for customappsso"), which carries
 *   the type and whether it is required
 */
export type ApplyMode = 'always' | 'create';
export type TargetType = 'String' | 'Boolean' | 'Integer' | 'DateTime' | 'Reference';

export interface TargetAttribute {
  name: string;
  type: TargetType;
  required?: boolean;
  multiValued?: boolean;
}

export interface AttributeMappingInput {
  target: string;
  source?: string;
  constant?: string;
  expression?: string;
  default?: string;
  apply?: ApplyMode;
  matchingPrecedence?: number;
}

export interface ObjectMappingInput {
  /** Start from Entra's shipped customappsso mappings (default) or from nothing ("delete all unused ones"). */
  preset?: 'customappsso' | 'none';
  /** Targets whose preset mapping is deleted. */
  remove?: string[];
  /** Mappings added, or replacing the preset mapping with the same target. */
  mappings?: AttributeMappingInput[];
  /** Attributes added to the target attribute list ("Edit attribute list for customappsso"). */
  attributes?: TargetAttribute[];
}

export interface MappingsInput {
  users?: ObjectMappingInput;
  groups?: ObjectMappingInput;
}
