/**
 * Caches that live for the understanding of one message: the extractors ask the same small
 * questions many times per mail (the key of a company name, the cleaned form of a run), and the
 * answers are kept until the next message starts. Emptied at the start of every extraction, so a
 * benchmark that repeats messages gains nothing from them that a single inbound mail would not,
 * and a long-lived process holds nothing from earlier mail. Each is bounded too: a map that
 * would grow past its limit is emptied first, so hostile mail cannot grow it without end.
 */

/** A map for one message's answers, emptied when full and when the next message starts. */
class PerMessageCache<K, V> extends Map<K, V> {
  constructor(private readonly maxEntries: number) {
    super();
  }

  override set(key: K, value: V): this {
    if (this.size >= this.maxEntries && !this.has(key)) this.clear();
    return super.set(key, value);
  }

  /** The answer kept for `key`, or `compute(key)`, kept. Answers are never `undefined`. */
  remember(key: K, compute: (key: K) => V): V {
    let answer = this.get(key);
    if (answer === undefined) {
      answer = compute(key);
      this.set(key, answer);
    }
    return answer;
  }
}

const caches: PerMessageCache<unknown, unknown>[] = [];

/** A cache of at most `maxEntries` answers that {@link clearPerMessageCaches} empties. */
export function createPerMessageCache<K, V>(maxEntries: number): PerMessageCache<K, V> {
  const cache = new PerMessageCache<K, V>(maxEntries);
  caches.push(cache as PerMessageCache<unknown, unknown>);
  return cache;
}

/** Empties every per-message cache; called when the extraction of a message starts. */
export function clearPerMessageCaches(): void {
  // Clearing a map allocates a fresh table, so maps that are already empty are left alone.
  for (const cache of caches) if (cache.size > 0) cache.clear();
}
