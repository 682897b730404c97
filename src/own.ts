// Plain objects used as lookup tables must never answer for a key they do not hold: feedback and
// headers are untrusted text, and a word such as "constructor" or "__proto__" would otherwise find
// Object.prototype's member (a function, or the prototype itself) instead of "not found".

/** The value stored under `key` in a table, or undefined; never an inherited member. */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** An empty table without a prototype, for keys that come from files (`__proto__` is just a key). */
export function emptyTable<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
