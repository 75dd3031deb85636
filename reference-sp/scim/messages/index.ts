/* Public entry of the SCIM messages — RFC 7644 §3.4.2 / §3.4.3 / §3.5.2 / §3.7. */
export * from './patch-op.ts';
export * from './list-response.ts';
export * from './search-request.ts';
export * from './bulk-request.ts';
