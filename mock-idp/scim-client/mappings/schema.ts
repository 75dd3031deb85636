/* JSON Schema (ajv) of the `mappings` section of a provisioning config. */
const attribute = {
  type: 'object',
  required: ['name', 'type'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1 },
    type: { enum: ['String', 'Boolean', 'Integer', 'DateTime', 'Reference'] },
    required: { type: 'boolean' },
    multiValued: { type: 'boolean' },
  },
};

const mapping = {
  type: 'object',
  required: ['target'],
  additionalProperties: false,
  properties: {
    target: { type: 'string', minLength: 1 },
    source: { type: 'string', minLength: 1 },
    constant: { type: 'string' },
    expression: { type: 'string', minLength: 1 },
    default: { type: 'string' },
    apply: { enum: ['always', 'create'] },
    matchingPrecedence: { type: 'integer', minimum: 1 },
  },
};

const objectMappings = {
  type: 'object',
  additionalProperties: false,
  properties: {
    preset: { enum: ['customappsso', 'none'] },
    remove: { type: 'array', items: { type: 'string' } },
    mappings: { type: 'array', items: mapping },
    attributes: { type: 'array', items: attribute },
  },
};

export const mappingsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { users: objectMappings, groups: objectMappings },
} as const;
