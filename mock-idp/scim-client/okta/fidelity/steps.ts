/*
 * Test support: makes Okta's simulator (profile okta-2024) perform the step one of Okta's documented examples shows,
 * against the in-memory endpoint (../../fidelity/recording-endpoint.ts), and captures the request it sent from the
 * provisioning log. The Okta org is one user shaped like Okta's examples (test.user@okta.local, "Test User") and,
 * for group steps, one pushed group; the mappings are the app profile an Okta admin sets up for them:
 *
 * - test-connection     Test API Credentials
 * - find-user, create-user                    the user is assigned: the lookup, the POST
 * - deactivate-user                           the user is unassigned: the PATCH
 * - create-group                              a group without members is pushed: the POST
 * - rename-group, membership, delete-group    a pushed group is renamed / gets a member and loses one / is unlinked
 */
import { resolveConfig } from '../../config/load.ts';
import { createProvisioner } from '../../engine/create.ts';
import type { SentRequest } from '../../fidelity/documented-request.ts';
import { startRecordingEndpoint } from '../../fidelity/recording-endpoint.ts';
import type { Exchange } from '../../log/log.ts';

export type OktaStep = 'test-connection' | 'find-user' | 'create-user' | 'deactivate-user' | 'create-group' | 'rename-group' | 'membership' | 'delete-group';

export interface OktaStepResult {
  readonly sent: SentRequest | undefined;
  readonly ids: readonly string[];
  readonly all: readonly SentRequest[];
}

const clock = { now: () => new Date('2026-01-01T00:00:00Z') };
const USER = 'test.user@okta.local';
const OTHER = 'other.user@okta.local';
const GROUP = 'Test SCIMv2';

const person = (userPrincipalName: string, givenName: string, objectId: string) => ({
  userPrincipalName,
  objectId,
  givenName,
  surname: 'User',
  displayName: `${givenName} User`,
  mail: userPrincipalName,
  assigned: true,
});

/** Okta's example user's app profile: userName, name, one work email, displayName, locale, externalId = the Okta user id. */
const mappings = {
  users: {
    preset: 'none',
    mappings: [
      { source: 'userPrincipalName', target: 'userName', matchingPrecedence: 1 },
      { expression: 'Switch([IsSoftDeleted], , "False", "True", "True", "False")', target: 'active' },
      { source: 'givenName', target: 'name.givenName' },
      { source: 'surname', target: 'name.familyName' },
      { source: 'mail', target: 'emails[type eq "work"].value' },
      { source: 'displayName', target: 'displayName' },
      { expression: '"en-US"', target: 'locale' },
      { source: 'objectId', target: 'externalId' },
    ],
  },
};

export async function runOktaStep(step: OktaStep): Promise<OktaStepResult> {
  const endpoint = startRecordingEndpoint();
  const users = [person(USER, 'Test', '00ujl29u0le5T6Aj10h7'), ...(step === 'membership' ? [person(OTHER, 'Other', '00ujl29u0le5T6Aj10h8')] : [])];
  const groupSteps: OktaStep[] = ['create-group', 'rename-group', 'membership', 'delete-group'];
  const groups = groupSteps.includes(step) ? [{ displayName: GROUP, members: step === 'membership' ? [OTHER] : [], assigned: true }] : [];
  const config = resolveConfig({ client: 'okta-2024', directory: { users, groups }, mappings }, { clock });
  const p = createProvisioner({ config, url: endpoint.url, token: 'fidelity', clock, sleep: async () => {}, fetch: endpoint.fetch, settings: { concurrency: 1 } });
  const dir = config.directory;
  const on = (method: string, path: RegExp, cycle?: number) => (e: Exchange) =>
    e.method === method && path.test(new URL(e.url).pathname) && (cycle === undefined || e.cycle === cycle);
  let pick: (e: Exchange) => boolean;
  let nth = 0;
  if (step === 'test-connection') {
    await p.engine.testConnection();
    pick = on('GET', /\/Users$/);
  } else {
    await p.engine.runCycle();
    if (step === 'deactivate-user') dir.unassign(USER);
    if (step === 'rename-group') dir.rename(GROUP, 'Test SCIMv20');
    if (step === 'membership') {
      dir.addMember(GROUP, USER);
      dir.removeMember(GROUP, OTHER);
    }
    if (step === 'delete-group') dir.hardDelete(GROUP);
    if (step === 'deactivate-user' || step === 'rename-group' || step === 'membership' || step === 'delete-group') await p.engine.runCycle();
    const picks: Record<Exclude<OktaStep, 'test-connection'>, (e: Exchange) => boolean> = {
      'find-user': on('GET', /\/Users$/),
      'create-user': on('POST', /\/Users$/),
      'deactivate-user': on('PATCH', /\/Users\/[^/]+$/, 2),
      'create-group': on('POST', /\/Groups$/),
      'rename-group': on('PATCH', /\/Groups\/[^/]+$/, 2),
      // The rename Okta sends before every membership update comes first; the membership PATCH is the second.
      membership: on('PATCH', /\/Groups\/[^/]+$/, 2),
      'delete-group': on('DELETE', /\/Groups\/[^/]+$/, 2),
    };
    pick = picks[step];
    if (step === 'membership') nth = 1;
  }
  const base = p.tenant.base;
  const sentOf = (e: Exchange): SentRequest => ({ method: e.method, path: e.url.slice(base.length), ...(e.requestBody !== undefined ? { body: e.requestBody } : {}) });
  const hit = p.log.exchanges.filter(pick)[nth];
  return { sent: hit && sentOf(hit), ids: [...endpoint.issued], all: p.log.exchanges.map(sentOf) };
}
