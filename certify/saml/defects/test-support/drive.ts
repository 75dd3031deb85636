/*
 * Test support for the defect layer's own tests: the mock IdP over real HTTP on loopback, and a browser that signs
 * in to an SP the way the certification does (GET the SP's login URL, follow its redirect to the IdP's SSO URL,
 * read the auto-posting form, POST it to the ACS, then ask the SP's whoami who is signed in). A test may edit the
 * decoded response before it is posted (an attack the IdP cannot make by itself), or post an IdP-initiated one.
 */
import { createServer, type Server } from 'node:http';
import { createMockIdp, parsePostForm, registrationFromSpMetadata, systemClock, type DeviationInput, type MockIdp, type SpRegistrationInput } from '../../../../mock-idp/index.ts';
import { Browser } from '../../../../steps/support/saml/browser.ts';

export const USERS = ['alice@example.com', 'bob@example.com', 'mallory@example.com'] as const;

export interface SpUnderTest {
  readonly metadataUrl: string;
  readonly loginUrl: string;
  readonly whoamiUrl: string;
}

export interface TestIdp {
  readonly idp: MockIdp;
  readonly metadataXml: string;
  close(): Promise<void>;
}

export async function startTestIdp(): Promise<TestIdp> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const idp = createMockIdp({ baseUrl, clock: systemClock });
  for (const email of USERS) {
    const name = email.split('@')[0]!;
    const given = name.charAt(0).toUpperCase() + name.slice(1);
    idp.control.addUser({ email, login: email, givenName: given, surname: 'Example', displayName: `${given} Example`, groups: [] });
  }
  server.on('request', idp.app);
  return {
    idp,
    metadataXml: idp.metadataXml(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Registers the SP at the IdP from its metadata (fetched over HTTP), sending the attributes the SPs here ask for. */
export async function registerSp(idp: MockIdp, sp: SpUnderTest, overrides: Partial<SpRegistrationInput> = {}): Promise<string> {
  const metadata = await (await fetch(sp.metadataUrl)).text();
  const registration = registrationFromSpMetadata(metadata);
  idp.control.registerSp({
    ...registration,
    encryptionCertPem: undefined,
    attributes: [
      { name: 'email', from: 'email' },
      { name: 'givenName', from: 'givenName' },
      { name: 'surname', from: 'surname' },
    ],
    ...overrides,
  });
  return registration.entityId;
}

export interface Attempt {
  /** The ACS's status and redirect target. */
  readonly status: number;
  readonly location: string | undefined;
  /** Who the SP's whoami says is signed in afterwards (null: nobody). */
  readonly user: string | null;
  /** The refusal code in the ACS's answer, when it names one (`area/what`; the mini SPs do). */
  readonly code: string | undefined;
  /** The decoded response as posted. */
  readonly xml: string;
  readonly form: { readonly action: string; readonly fields: Record<string, string> };
  readonly browser: Browser;
}

export interface AttemptOptions {
  readonly user?: string;
  readonly deviations?: readonly DeviationInput[];
  readonly relayState?: string;
  /** Changes the decoded response XML before it is posted. */
  readonly edit?: (xml: string) => string;
  /** IdP-initiated: no AuthnRequest, the IdP answers unsolicited. */
  readonly unsolicited?: boolean;
  readonly browser?: Browser;
}

export async function whoami(browser: Browser, sp: SpUnderTest): Promise<string | null> {
  const answer = await browser.fetch(sp.whoamiUrl, { redirect: 'manual' });
  if (answer.status !== 200) return null;
  return ((await answer.json()) as { user?: string }).user ?? null;
}

/** Posts a form to the ACS with the browser's cookies and reads the oracle. */
export async function postToAcs(browser: Browser, sp: SpUnderTest, form: Attempt['form']): Promise<Omit<Attempt, 'xml' | 'form' | 'browser'>> {
  const answer = await browser.fetch(form.action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form.fields).toString(),
    redirect: 'manual',
  });
  const code = /refused: ([a-z0-9-]+\/[a-z0-9-]+)/.exec(await answer.text())?.[1];
  return { status: answer.status, location: answer.headers.get('location') ?? undefined, user: await whoami(browser, sp), code };
}

/** One sign-in attempt, SP-initiated unless `unsolicited`. */
export async function attempt(idp: MockIdp, sp: SpUnderTest, spEntityId: string, options: AttemptOptions = {}): Promise<Attempt> {
  const browser = options.browser ?? new Browser('user');
  const user = options.user ?? USERS[0];
  idp.control.setNextSignIn({ user, deviations: [...(options.deviations ?? [])] });
  let html: string;
  if (options.unsolicited) {
    html = (await idp.control.idpInitiated({ sp: spEntityId, relayState: options.relayState })).html;
  } else {
    const login = new URL(sp.loginUrl);
    if (options.relayState !== undefined) login.searchParams.set('RelayState', options.relayState);
    const redirect = await browser.fetch(login, { redirect: 'manual' });
    const location = redirect.headers.get('location');
    if (redirect.status !== 302 || !location) throw new Error(`the SP's login answered ${redirect.status} without a redirect`);
    const answer = await browser.fetch(new URL(location, login), { redirect: 'manual' });
    html = await answer.text();
    if (answer.status !== 200) throw new Error(`the IdP answered ${answer.status}: ${html.slice(0, 200)}`);
  }
  const parsed = parsePostForm(html);
  const fields = { ...parsed.fields };
  let xml = Buffer.from(fields['SAMLResponse'] ?? '', 'base64').toString('utf8');
  if (options.edit) {
    xml = options.edit(xml);
    fields['SAMLResponse'] = Buffer.from(xml, 'utf8').toString('base64');
  }
  const form = { action: parsed.action, fields };
  return { ...(await postToAcs(browser, sp, form)), xml, form, browser };
}
