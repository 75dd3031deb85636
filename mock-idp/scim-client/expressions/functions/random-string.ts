/*
 * RandomString(Length, MinimumNumbers, MinimumSpecialCharacters, MinimumCapital, MinimumLowerCase,
 * CharactersToAvoid) — a random string meeting the minimums, from the character classes of Windows' "Password must
 * meet complexity requirements" policy: A–Z, a–z, 0–9 and the specials ~!@#$%^&*_-+=`|\(){}[]:;"'<>,.?/
 * - Length is at most 256 and at least the sum of the minimums; the rest is drawn from all classes
 * - CharactersToAvoid are never used; a class left empty while its minimum is > 0 is expression/value
 * - uses the context's injected randomness, so tests are reproducible
 */
import type { FunctionDefinition } from './definition.ts';

const CLASSES = {
  numbers: '0123456789',
  special: '~!@#$%^&*_-+=`|\\(){}[]:;"\'<>,.?/',
  capital: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  lower: 'abcdefghijklmnopqrstuvwxyz',
} as const;

export const RandomString: FunctionDefinition = {
  name: 'RandomString',
  signature: 'RandomString(Length, MinimumNumbers, MinimumSpecialCharacters, MinimumCapital, MinimumLowerCase, CharactersToAvoid)',
  minArgs: 5,
  maxArgs: 6,
  call(args) {
    const params = ['Length', 'MinimumNumbers', 'MinimumSpecialCharacters', 'MinimumCapital', 'MinimumLowerCase'];
    const [length, ...minimums] = params.map((p, i) => {
      const n = args.integer(i, p);
      if (n === null || n < 0) return args.fail('expression/value', `${p} must be a non-negative integer`, i);
      return n;
    }) as [number, number, number, number, number];
    const avoid = args.given(5) ? (args.string(5, 'CharactersToAvoid') ?? '') : '';
    if (length > 256) return args.fail('expression/value', 'Length is at most 256', 0);
    const total = minimums.reduce((a, b) => a + b, 0);
    if (length < total) return args.fail('expression/value', `Length ${length} is less than the sum of the minimums (${total})`, 0);
    const pools = Object.values(CLASSES).map((chars) => [...chars].filter((c) => !avoid.includes(c)));
    const random = (n: number): number => Math.min(n - 1, Math.floor(args.run.random() * n));
    const out: string[] = [];
    pools.forEach((pool, k) => {
      if (minimums[k]! > 0 && pool.length === 0) args.fail('expression/value', `${params[k + 1]} cannot be met: every candidate character is avoided`, 1 + k);
      for (let i = 0; i < minimums[k]!; i++) out.push(pool[random(pool.length)]!);
    });
    const all = pools.flat();
    if (out.length < length && all.length === 0) return args.fail('expression/value', 'every character is avoided', 5);
    while (out.length < length) out.push(all[random(all.length)]!);
    for (let i = out.length - 1; i > 0; i--) {
      const j = random(i + 1);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out.join('');
  },
};
