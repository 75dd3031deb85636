/*
 * A provisioning config file (YAML or JSON): the source directory, the attribute mappings, the scoping filters
 * and the engine settings. Validated once, every problem collected with its full path; mappings and
 * expressions compile here, so a bad expression fails before any request is sent.
 *
 *   client:    okta-2024                            # the client profile (../profiles/); default entra-2024
 *   directory: { users: [...], groups: [...] }     # or directoryFile: people.yaml (relative to the config)
 *   mappings:  { users: { preset, remove, mappings, attributes }, groups: {...} }
 *   scoping:   { users: [ { clauses: [ {attribute, operator, value} ] } ], groups: [...] }
 *   settings:  { scope, provisionGroups, listExtensionSchemas, defaultPatch, concurrency, retry, ... }
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Clock } from '../../clock.ts';
import type { Directory } from '../directory/directory.ts';
import { directoryFromFixture, parseFixtureText } from '../directory/load.ts';
import type { EngineSettings } from '../engine/settings.ts';
import { defaultEngineSettings } from '../engine/settings.ts';
import { ProvisioningError } from '../errors.ts';
import { compileMappings } from '../mappings/compile.ts';
import type { CompiledMappings } from '../mappings/compile.ts';
import type { MappingsInput } from '../mappings/types.ts';
import { profiles } from '../profiles/index.ts';
import { compileScope } from '../scoping/filter.ts';
import type { CompiledScope, ScopingFilterInput } from '../scoping/filter.ts';
import { validateAgainst } from '../validate.ts';

const clause = {
  type: 'object',
  required: ['attribute', 'operator'],
  additionalProperties: false,
  properties: { attribute: { type: 'string' }, operator: { type: 'string' }, value: { type: ['string', 'number', 'boolean'] } },
};
const filters = {
  type: 'array',
  items: { type: 'object', required: ['clauses'], additionalProperties: false, properties: { name: { type: 'string' }, clauses: { type: 'array', items: clause } } },
};

export const configSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    client: { type: 'string', minLength: 1 },
    directory: { type: 'object' },
    directoryFile: { type: 'string', minLength: 1 },
    mappings: { type: 'object' },
    scoping: { type: 'object', additionalProperties: false, properties: { users: filters, groups: filters } },
    settings: {
      type: 'object',
      additionalProperties: false,
      properties: {
        scope: { enum: ['assigned', 'all'] },
        provisionGroups: { type: 'boolean' },
        listExtensionSchemas: { type: 'boolean' },
        defaultPatch: { enum: ['legacy', 'compliant'] },
        concurrency: { type: 'integer', minimum: 1, maximum: 64 },
        retry: {
          type: 'object',
          additionalProperties: false,
          properties: { maxAttempts: { type: 'integer', minimum: 1 }, baseDelayMs: { type: 'integer', minimum: 0 }, maxDelayMs: { type: 'integer', minimum: 0 } },
        },
        quarantineAfterCycles: { type: 'integer', minimum: 1 },
        failureRate: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
      },
    },
  },
} as const;

export interface ProvisioningConfigInput {
  /** The provisioning client profile (../profiles/): `entra-2024`, `entra-2025`, `okta-2024`, or a family alias. */
  client?: string;
  directory?: unknown;
  directoryFile?: string;
  mappings?: MappingsInput;
  scoping?: { users?: ScopingFilterInput[]; groups?: ScopingFilterInput[] };
  settings?: Partial<EngineSettings>;
}

export interface ProvisioningConfig {
  /** The profile the config names, checked against the registry (undefined: the caller's or the default). */
  readonly client?: string;
  readonly directory: Directory;
  readonly mappings: CompiledMappings;
  readonly scoping: { readonly users: CompiledScope; readonly groups: CompiledScope };
  readonly settings: Readonly<EngineSettings>;
}

/** Builds the config from parsed input; `baseDir` resolves `directoryFile`. Throws `config/invalid` etc. */
export function resolveConfig(input: unknown, options: { baseDir?: string; clock?: Clock } = {}): ProvisioningConfig {
  const problems = validateAgainst(configSchema, input ?? {}, '');
  if (problems.length) throw new ProvisioningError('config/invalid', `invalid provisioning config: ${problems.join('; ')}`, problems);
  const c = (input ?? {}) as ProvisioningConfigInput;
  if (c.client !== undefined) profiles.resolve(c.client, 'client');
  if (c.directory !== undefined && c.directoryFile !== undefined) {
    throw new ProvisioningError('config/invalid', 'give either directory or directoryFile, not both', ['directory and directoryFile are exclusive']);
  }
  let directory: Directory;
  if (c.directoryFile !== undefined) {
    const file = resolve(options.baseDir ?? '.', c.directoryFile);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new ProvisioningError('config/invalid', `directoryFile ${file} cannot be read: ${(e as Error).message}`, [`directoryFile cannot be read`]);
    }
    directory = directoryFromFixture(parseFixtureText(text, file), options.clock);
  } else directory = directoryFromFixture(c.directory ?? {}, options.clock, 'directory');

  const mappings = compileMappings(c.mappings, 'mappings');
  const scoping = Object.freeze({
    users: compileScope(c.scoping?.users, 'scoping.users'),
    groups: compileScope(c.scoping?.groups, 'scoping.groups'),
  });
  const settings = Object.freeze({
    ...defaultEngineSettings,
    ...c.settings,
    retry: Object.freeze({ ...defaultEngineSettings.retry, ...c.settings?.retry }),
  });
  return Object.freeze({ ...(c.client !== undefined ? { client: c.client } : {}), directory, mappings, scoping, settings });
}

export function loadProvisioningConfig(file: string, clock?: Clock): ProvisioningConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ProvisioningError('config/invalid', `config ${file} cannot be read: ${(e as Error).message}`, [`${file} cannot be read`]);
  }
  const parsed = parseFixtureText(text, file);
  return resolveConfig(parsed, { baseDir: dirname(file), ...(clock ? { clock } : {}) });
}
