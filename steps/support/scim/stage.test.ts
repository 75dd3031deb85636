import { describe, expect, it } from 'vitest';
import { ScimStage, readPath } from './stage.ts';

describe('readPath', () => {
  const user = {
    userName: 'a@example.com',
    name: { givenName: 'Ann' },
    emails: [{ type: 'work', value: 'a@example.com' }],
    'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { manager: { value: 'm-1' } },
    active: false,
  };
  it.each([
    ['userName', 'a@example.com'],
    ['USERNAME', 'a@example.com'],
    ['name.givenName', 'Ann'],
    ['emails.0.value', 'a@example.com'],
    ['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.manager.value', 'm-1'],
    ['active', false],
    ['title', undefined],
    ['emails.1.value', undefined],
    ['emails.value', undefined],
  ])('%s → %j', (path, expected) => expect(readPath(user, path)).toEqual(expected));
});

describe('ScimStage.expand', () => {
  const stage = new ScimStage(() => undefined);
  stage.remember('Users', 'alice', { id: 'id-1', userName: 'x-alice@example.com', emails: [{ value: 'w@example.com' }] });

  it('expands aliases, the prefix and random values', () => {
    expect(stage.expand('userName eq "<alice.userName>" and id eq "<alice.id>"')).toBe('userName eq "x-alice@example.com" and id eq "id-1"');
    expect(stage.expand('<alice.emails.0.value>')).toBe('w@example.com');
    expect(stage.expand('<prefix>')).toBe(stage.prefix);
    expect(stage.expand('<random>')).toMatch(new RegExp(`^${stage.prefix}[0-9a-f]{12}$`));
  });

  it('leaves unknown placeholders alone and refuses a missing attribute of a known resource', () => {
    expect(stage.expand('<bob.id>')).toBe('<bob.id>');
    expect(() => stage.expand('<alice.title>')).toThrow(/no title/);
  });

  it('names users and groups with the scenario prefix', () => {
    expect(stage.userName('bob')).toBe(`${stage.prefix}bob@example.com`);
    expect(stage.prefix).toMatch(/^ssoh-[0-9a-f]{8}-$/);
  });
});
