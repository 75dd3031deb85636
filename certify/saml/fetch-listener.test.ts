import { describe, expect, it } from 'vitest';
import { startFetchListener } from './fetch-listener.ts';

describe('startFetchListener', () => {
  it('records the names fetched under its own token, answers 200 with nothing, ignores other paths', async () => {
    const listener = await startFetchListener();
    try {
      expect(listener.fetches()).toEqual([]);
      const answer = await fetch(listener.url('parameter'));
      expect(answer.status).toBe(200);
      expect(await answer.text()).toBe('');
      await fetch(`${new URL(listener.url('general')).origin}/somewhere-else`);
      await fetch(listener.url('general'));
      expect(listener.fetches()).toEqual(['GET parameter', 'GET general']);
      expect(listener.url('general')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[0-9a-f]{16}\/general$/);
    } finally {
      await listener.close();
    }
  });
});
