/*
 * The plain SCIM requests every vendor client sends the same way (RFC 7644 §3.3 create, §3.4.1 read, §3.4.2 query,
 * §3.5.2 PATCH), so a client file holds only what its IdP does differently. A read answers null on 404; a create must
 * answer an id; a query must answer a ListResponse.
 */
import { ProvisioningError } from '../errors.ts';
import type { ScimHttp } from '../http/scim-http.ts';
import type { ObjectRef } from '../log/log.ts';
import { patchBody } from '../entra/patch-ops.ts';
import type { PatchOperation } from '../entra/patch-ops.ts';
import { listResources } from './client.ts';
import type { Found, ScimResource } from './client.ts';

/** `ref` is undefined for requests outside any object (Test Connection). */
const about = (ref: ObjectRef | undefined) => (ref ? { object: ref } : {});

export async function readResource(http: ScimHttp, ref: ObjectRef, path: string): Promise<ScimResource | null> {
  const res = await http.request('GET', path, { object: ref, expect: [200, 404] });
  return res.status === 404 ? null : (res.body as ScimResource);
}

export async function createResource(http: ScimHttp, ref: ObjectRef | undefined, path: string, body: ScimResource): Promise<Found> {
  const res = await http.request('POST', path, { body, ...about(ref), expect: [201, 200] });
  const id = (res.body as ScimResource | undefined)?.id;
  if (typeof id !== 'string' || !id) throw new ProvisioningError('http/bad-response', `POST ${path} answered without an id`, [], res.status);
  return { id, resource: res.body as ScimResource };
}

export async function queryResources(http: ScimHttp, ref: ObjectRef, path: string, query: Record<string, string>): Promise<ScimResource[]> {
  const res = await http.request('GET', path, { query, object: ref, expect: [200] });
  const list = listResources(res.body);
  if (!list) throw new ProvisioningError('http/bad-response', `GET ${path} did not answer a ListResponse`, [], res.status);
  return list;
}

/** PATCH succeeds on 200 with the resource or 204 No Content (RFC 7644 §3.5.2). */
export async function patchResource(http: ScimHttp, ref: ObjectRef | undefined, path: string, ops: PatchOperation[]): Promise<void> {
  await http.request('PATCH', path, { body: patchBody(ops), ...about(ref), expect: [200, 204] });
}
