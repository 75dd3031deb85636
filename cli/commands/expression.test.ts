import { describe, expect, it } from 'vitest';
import { caretUnder, createExpressionCommand } from './expression.ts';

function harness(files: Record<string, string> = {}) {
  const out = { stdout: '', stderr: '' };
  const command = createExpressionCommand({
    write: (t) => void (out.stdout += t),
    error: (t) => void (out.stderr += t),
    readFile: async (path) => {
      if (!(path in files)) throw new Error(`ENOENT: no such file, open '${path}'`);
      return files[path]!;
    },
  });
  return { out, run: (...argv: string[]) => command.run(argv) };
}

const user = JSON.stringify({ userPrincipalName: 'ann@contoso.com', IsSoftDeleted: false, givenName: 'Zoë', surname: 'Doe' });

describe('sso-harness expression', () => {
  it('prints the NinjaOne active mapping for a user as a JSON string', async () => {
    const { out, run } = harness({ 'ann.json': user });
    expect(await run('Switch([IsSoftDeleted], , "False", "True", "True", "False")', '--user', 'ann.json')).toBe(0);
    expect(out.stdout).toBe('"True"\n');
  });

  it('evaluates nested functions against the user', async () => {
    const { out, run } = harness({ 'ann.json': user });
    expect(await run('ToLower(Join(".", NormalizeDiacritics([givenName]), [surname]))', '--user', 'ann.json')).toBe(0);
    expect(out.stdout).toBe('"zoe.doe"\n');
  });

  it('uses --now for Now()', async () => {
    const { out, run } = harness();
    expect(await run('DateAdd("d", 1, Now())', '--now', '2026-01-01T00:00:00Z')).toBe(0);
    expect(out.stdout).toBe('"1/2/2026 12:00:00 AM"\n');
  });

  it('prints null when the flow would be skipped', async () => {
    const { out, run } = harness({ 'ann.json': user });
    expect(await run('IgnoreFlowIfNullOrEmpty([department])', '--user', 'ann.json')).toBe(0);
    expect(out.stdout).toBe('null\n');
    expect(out.stderr).toMatch(/left out of the flow/);
  });

  it('exits 2 on a syntax error, printing the code, the expression and a caret under the position', async () => {
    const { out, run } = harness();
    expect(await run('Append([mail], "x)')).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('expression/syntax at position 15');
    expect(out.stderr).toContain('  Append([mail], "x)\n                 ^\n');
  });

  it('exits 2 on an unknown function and on wrong arity', async () => {
    const unknown = harness();
    expect(await unknown.run('Lefty([mail], 1)')).toBe(2);
    expect(unknown.out.stderr).toContain('expression/unknown-function at position 0');
    const arity = harness();
    expect(await arity.run('Join("x", Mid([mail], 1))')).toBe(2);
    expect(arity.out.stderr).toContain('expression/arity at position 10');
  });

  it('exits 1 when a valid expression fails for this user', async () => {
    const { out, run } = harness({ 'u.json': JSON.stringify({ hire: 'next week' }) });
    expect(await run('CDate([hire])', '--user', 'u.json')).toBe(1);
    expect(out.stderr).toContain('expression/type at position 6');
  });

  it.each([
    [['--user', 'a.json'], /exactly one expression/],
    [['[mail]', '--user', 'missing.json'], /cannot read user file missing\.json/],
    [['[mail]', '--now', 'yesterday'], /'--now <iso>' argument 'yesterday' is invalid/],
    [['[mail]', '--colour'], /unknown option '--colour'/],
  ])('exits 2 on usage errors: %j', async (argv, message) => {
    const { out, run } = harness();
    expect(await run(...argv)).toBe(2);
    expect(out.stderr).toMatch(message);
  });

  it('refuses a user file that is not a JSON object', async () => {
    const { out, run } = harness({ 'list.json': '[1,2]' });
    expect(await run('[mail]', '--user', 'list.json')).toBe(2);
    expect(out.stderr).toMatch(/must hold a JSON object/);
  });

  it('draws the caret on the right line of a multi-line expression', () => {
    expect(caretUnder('Join(",",\n\t[a], Lft([b]))', 16)).toBe('  \t[a], Lft([b]))\n  \t     ^\n');
  });
});
