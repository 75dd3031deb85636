/*
 * Where sso-harness finds its own files, whether it runs from the TypeScript sources (this repository, through
 * tsx) or compiled (dist/, the published package):
 * - PACKAGE_ROOT: the directory holding sso-harness's package.json (the clone, or node_modules/sso-harness) —
 *   features/ and package.json live there;
 * - CODE_ROOT: the root of the module tree that is running — PACKAGE_ROOT for the sources, PACKAGE_ROOT/dist
 *   when compiled; step definitions and assets beside the code are found from it;
 * - COMPILED / MODULE_EXTENSION: whether that tree is the compiled one, and the extension its modules carry.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);

export const COMPILED = here.endsWith('.js');
export const MODULE_EXTENSION: '.js' | '.ts' = COMPILED ? '.js' : '.ts';
export const CODE_ROOT = dirname(dirname(here));
export const PACKAGE_ROOT = COMPILED ? dirname(CODE_ROOT) : CODE_ROOT;
