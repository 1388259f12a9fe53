import { describe, expect, it } from 'vitest';
import { clearPerMessageCaches, createPerMessageCache } from '../../../../functions/core/understanding/fields/per-message-cache.js';

describe('per-message cache', () => {
  it('computes an answer once and keeps it for the message', () => {
    // Prepare
    const cache = createPerMessageCache<string, number>(10);
    let computed = 0;
    const length = (text: string) => {
      computed += 1;
      return text.length;
    };

    // Act
    const answers = [cache.remember('acme', length), cache.remember('acme', length)];
    clearPerMessageCaches();
    const afterNextMessage = cache.remember('acme', length);

    // Assess
    expect(answers).toEqual([4, 4]);
    expect(afterNextMessage).toBe(4);
    expect(computed).toBe(2);
  });

  it('is emptied before it grows past its limit, so hostile mail cannot grow it without end', () => {
    // Prepare
    const cache = createPerMessageCache<number, boolean>(3);

    // Act
    for (let key = 0; key < 7; key += 1) cache.remember(key, () => true);

    // Assess
    expect(cache.size).toBeLessThanOrEqual(3);
    expect(cache.has(6)).toBe(true);
  });

  it('keeps null and false answers (only undefined means "not asked yet")', () => {
    // Prepare
    const cache = createPerMessageCache<string, string | null>(5);
    let computed = 0;

    // Act
    cache.remember('x', () => ((computed += 1), null));
    cache.remember('x', () => ((computed += 1), null));

    // Assess
    expect(computed).toBe(1);
  });
});
