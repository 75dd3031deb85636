/*
 * The out-of-band XXE witness (CWE-611; OWASP XXE Prevention Cheat Sheet, "blind" XXE): a loopback HTTP listener
 * the harness runs for one scenario. The test's DOCTYPE points its external entities at it; any request that
 * arrives means the SP's XML parser resolved an entity — whatever it then answered, and even if the signature
 * check refused the response afterwards. It answers every request 200 with an empty body (an empty external
 * subset and an empty entity are both well-formed), and records only the method and the path the harness chose:
 * nothing the SP sends is kept or echoed.
 */
import { createServer, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';

export interface FetchListener {
  /** A URL on the listener, distinct per `name` (e.g. "general", "parameter"). */
  url(name: string): string;
  /** What was fetched so far, as "GET parameter" (method and name), in arrival order. */
  fetches(): readonly string[];
  close(): Promise<void>;
}

export async function startFetchListener(): Promise<FetchListener> {
  // A token in every path, so a stray request to the port (a browser, a scanner) is not mistaken for the SP's.
  const token = randomBytes(8).toString('hex');
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    const name = path.startsWith(`/${token}/`) ? path.slice(token.length + 2) : undefined;
    if (name !== undefined && /^[a-z-]{1,32}$/.test(name)) seen.push(`${req.method === 'HEAD' ? 'HEAD' : 'GET'} ${name}`);
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '0' }).end();
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
  return {
    url: (name) => `http://127.0.0.1:${port}/${token}/${name}`,
    fetches: () => [...seen],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
