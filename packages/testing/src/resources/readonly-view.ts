/** A live, read-only view of a map: unlike the map itself, a cast cannot make it writable. */
export function readonlyView<K, V>(map: ReadonlyMap<K, V>): ReadonlyMap<K, V> {
  const view: ReadonlyMap<K, V> = {
    get size() {
      return map.size
    },
    get: (key) => map.get(key),
    has: (key) => map.has(key),
    keys: () => map.keys(),
    values: () => map.values(),
    entries: () => map.entries(),
    forEach: (fn, thisArg) => map.forEach((value, key) => fn.call(thisArg, value, key, view)),
    [Symbol.iterator]: () => map[Symbol.iterator](),
  }
  return view
}
