// Pure string functions remembered for the values that repeat on nearly every request of a log (URLs, user
// agents, endpoints, accounts), in bounded memory: the cache starts again empty once it holds `cap` values.

export function memoized(fn: (value: string) => string, cap = 10_000): (value: string) => string {
  let cache = new Map<string, string>();
  return (value) => {
    let out = cache.get(value);
    if (out === undefined) {
      out = fn(value);
      if (cache.size >= cap) cache = new Map();
      cache.set(value, out);
    }
    return out;
  };
}

/**
 * One shared instance of each recent value: strings kept for a while (in the records of open chains) then share
 * one copy of a repeated user agent or content type instead of keeping the one each log line was parsed into.
 */
export function interned(cap = 10_000): (value: string) => string {
  return memoized((value) => value, cap);
}
