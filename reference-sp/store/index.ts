export { emptyStoreImage, openStore, storePathFor, type OpenStoreOptions } from './open-store.ts';
export { StoreError, isStoreError, type StoreErrorCode } from './errors.ts';
export { hashToken, USER_SCHEMA, GROUP_SCHEMA } from './sqlite-store.ts';
export { displayNameKey, userNameKey } from './keys.ts';
export type * from './types.ts';
export type * from './sso-directory.ts';
export type * from './sp-state.ts';
export type * from './replay-store.ts';
export { MAX_OUTSTANDING_REQUESTS_PER_TENANT } from './sp-state.ts';
