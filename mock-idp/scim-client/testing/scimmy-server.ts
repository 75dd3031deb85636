/*
 * Test helper: a real, independent SCIM 2.0 service provider (scimmy + scimmy-routers on express 5, loopback,
 * ephemeral port) with an in-memory store, the enterprise extension and NinjaOne's custom extension
 * (organizationId required). The engine tests provision into it; it is not the project's reference SP.
 *
 * scimmy keeps its resource declarations process-wide, so each test file gets one declaration (vitest forks
 * one process per file) and a fresh store per server.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import SCIMMY from 'scimmy';
import SCIMMYRouters from 'scimmy-routers';

export const NINJAONE_URN = 'urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User';

type Json = Record<string, any>;

export interface ScimmyServer {
  url: string;
  token: string;
  users: Map<string, Json>;
  groups: Map<string, Json>;
  /** Every request the server saw: method, path with query, body. */
  requests: Array<{ method: string; url: string; body: unknown }>;
  close(): Promise<void>;
}

const T = SCIMMY.Types as any;

class NinjaOneUser extends (SCIMMY.Types.Schema as any) {
  static #definition = new T.SchemaDefinition('NinjaOneUser', NINJAONE_URN, 'NinjaOne user extension', [
    new T.Attribute('string', 'organizationId', { required: true }),
    new T.Attribute('string', 'userType'),
  ]);
  static get id() {
    return NinjaOneUser.#definition.id;
  }
  static get definition() {
    return NinjaOneUser.#definition;
  }
  constructor(resource: unknown, direction = 'both', basepath?: string, filters?: unknown) {
    super(resource, direction);
    Object.assign(this, NinjaOneUser.#definition.coerce(resource, direction, basepath, filters));
  }
}

interface Store {
  users: Map<string, Json>;
  groups: Map<string, Json>;
  index: { users?: Map<string, Json>; groups?: Map<string, Json> };
  dirty: { users: boolean; groups: boolean };
}
let current: Store | undefined;
let declared = false;
let nextId = 1;

function declare(ninjaOne: boolean): void {
  if (declared) return;
  declared = true;
  const R = SCIMMY.Resources as any;
  R.User.extend(SCIMMY.Schemas.EnterpriseUser, false);
  if (ninjaOne) R.User.extend(NinjaOneUser, true);
  const store = (kind: 'users' | 'groups') => current![kind];
  const uniqueOf = { users: 'userName', groups: 'displayName' } as const;
  // name → id, rebuilt lazily when the store changed size or a name changed (cheap at test sizes, O(1) lookups).
  const index = (kind: 'users' | 'groups') => {
    const c = current!;
    if (!c.index[kind] || c.dirty[kind]) {
      const map = new Map<string, Json>();
      for (const r of store(kind).values()) map.set(String(r[uniqueOf[kind]]).toLowerCase(), r);
      c.index[kind] = map;
      c.dirty[kind] = false;
    }
    return c.index[kind]!;
  };
  const handlers = (kind: 'users' | 'groups', unique: 'userName' | 'displayName') => ({
    ingress: (resource: any, instance: any) => {
      const data = JSON.parse(JSON.stringify(instance)) as Json;
      const lower = String(data[unique]).toLowerCase();
      const other = index(kind).get(lower);
      if (other && other['id'] !== resource.id) throw new T.Error(409, 'uniqueness', `${unique} ${data[unique]} is taken`);
      if (resource.id) {
        const before = store(kind).get(resource.id);
        if (!before) throw new T.Error(404, null, `Resource ${resource.id} not found`);
        const next = { ...data, id: resource.id, meta: { ...before['meta'], lastModified: new Date().toISOString() } };
        store(kind).set(resource.id, next);
        current!.dirty[kind] = true;
        return next;
      }
      const id = `s${nextId++}`;
      const created: Json = { ...data, id, meta: { created: new Date().toISOString(), lastModified: new Date().toISOString() } };
      store(kind).set(id, created);
      current!.index[kind]?.set(String(created[unique]).toLowerCase(), created);
      return created;
    },
    egress: (resource: any) => {
      if (resource.id) {
        const hit = store(kind).get(resource.id);
        if (!hit) throw new T.Error(404, null, `Resource ${resource.id} not found`);
        return hit;
      }
      // Fast path for the lookups provisioning clients make (`userName eq "…"`), so a 10,000-user benchmark
      // does not scan the store per request; scimmy's own filter still decides the result.
      const eq = /^\s*(userName|displayName)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/i.exec(String(resource.filter?.expression ?? ''));
      if (eq && eq[1]!.toLowerCase() === unique.toLowerCase()) {
        const hit = index(kind).get(JSON.parse(`"${eq[2]}"`).toLowerCase());
        return hit ? resource.filter.match([hit]) : [];
      }
      const all = [...store(kind).values()];
      return resource.filter ? resource.filter.match(all) : all;
    },
    degress: (resource: any) => {
      if (!store(kind).delete(resource.id)) throw new T.Error(404, null, `Resource ${resource.id} not found`);
      current!.dirty[kind] = true;
    },
  });
  for (const [res, kind, unique] of [
    [R.User, 'users', 'userName'],
    [R.Group, 'groups', 'displayName'],
  ] as const) {
    const h = handlers(kind, unique);
    SCIMMY.Resources.declare(res.ingress(h.ingress).egress(h.egress).degress(h.degress));
  }
}

export async function startScimmyServer(options: { token?: string; ninjaOne?: boolean } = {}): Promise<ScimmyServer> {
  declare(options.ninjaOne ?? true);
  const token = options.token ?? 'test-token';
  const users = new Map<string, Json>();
  const groups = new Map<string, Json>();
  current = { users, groups, index: {}, dirty: { users: false, groups: false } };
  const requests: ScimmyServer['requests'] = [];
  const app = express();
  app.use(express.json({ type: ['application/json', 'application/scim+json'] }));
  app.use((req, _res, next) => {
    requests.push({ method: req.method, url: req.originalUrl, body: req.body });
    next();
  });
  app.use(
    '/scim/v2',
    new SCIMMYRouters({
      type: 'bearer',
      handler: (req) => {
        if (req.header('Authorization') !== `Bearer ${token}`) throw new Error('Authorization failed');
        return 'provisioning-agent';
      },
    }) as unknown as express.Router,
  );
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/scim/v2`,
    token,
    users,
    groups,
    requests,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
