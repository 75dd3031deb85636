/*
 * A per-PEM memo for key material parsed or derived once and reused by every signature (issue 15): each memo keeps
 * at most MAX_CACHED entries, oldest out first, so a test suite or a long run with many rolled-over keys never
 * grows it.
 */
const MAX_CACHED = 64;

/** `derive` wrapped so each distinct PEM is derived once (null is a value too; only undefined means "not yet"). */
export function boundedMemo<V>(derive: (pem: string) => V): (pem: string) => V {
  const cache = new Map<string, V>();
  return (pem) => {
    let value = cache.get(pem);
    if (value === undefined) {
      value = derive(pem);
      if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
      cache.set(pem, value);
    }
    return value;
  };
}
