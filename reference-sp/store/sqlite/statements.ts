/*
 * A typed statement set: each port module declares its SQL once, with the types of its parameters and of the
 * row it reads, and gets back prepared better-sqlite3 statements typed accordingly. No statement is looked up
 * by a string key at run time, and a wrong parameter list or a misread column is a compile error.
 *
 *   const s = prepareAll(db, {
 *     userGet: sql<[id: string, tenantId: string], UserDbRow>('SELECT * FROM users WHERE id = ? AND tenant_id = ?'),
 *   });
 *   s.userGet.get(id, tenantId); // UserDbRow | undefined
 */
import type { Database, Statement } from 'better-sqlite3';

/** SQL text tagged with its parameter and row types (the types exist at compile time only). */
export interface Sql<P extends unknown[], R> {
  readonly text: string;
  readonly types?: (params: P) => R;
}

export const sql = <P extends unknown[] = [], R = never>(text: string): Sql<P, R> => ({ text });

// `any` only in the constraint, so that every Sql<P, R> fits it; each statement keeps its own P and R.
type AnySql = Sql<any, any>;

export type Statements<T extends Record<string, AnySql>> = {
  readonly [K in keyof T]: T[K] extends Sql<infer P, infer R> ? Statement<P, R> : never;
};

export function prepareAll<T extends Record<string, AnySql>>(db: Database, set: T): Statements<T> {
  const out: Record<string, Statement<unknown[], unknown>> = {};
  for (const [name, s] of Object.entries(set)) out[name] = db.prepare<unknown[], unknown>(s.text);
  return out as Statements<T>;
}
