/**
 * Caches that live for the understanding of one message: the extractors ask the same small
 * questions many times per mail (the compact form of a word, the cleaned form of a run), and the
 * answers are kept until the next message starts. Emptied at the start of every extraction, so a
 * benchmark that repeats messages gains nothing from them that a single inbound mail would not,
 * and a long-lived process holds nothing from earlier mail.
 */

const caches: Map<unknown, unknown>[] = [];

/** A map that {@link clearPerMessageCaches} empties. */
export function createPerMessageCache<K, V>(): Map<K, V> {
  const cache = new Map<K, V>();
  caches.push(cache as Map<unknown, unknown>);
  return cache;
}

/** Empties every per-message cache; called when the extraction of a message starts. */
export function clearPerMessageCaches(): void {
  // Clearing a map allocates a fresh table, so maps that are already empty are left alone.
  for (const cache of caches) if (cache.size > 0) cache.clear();
}
