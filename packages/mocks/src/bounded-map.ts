// A map that holds at most `max` entries: a new key past the cap forgets the oldest one (first in,
// first out; setting a key that is already there keeps its place). No delete: entries leave only
// by eviction or clear(), which keeps the queue below exact.
//
// Why a queue beside the Map rather than the Map's own order: evicting `map.keys().next()` scans
// the holes that earlier deletes left at the front of V8's table, up to `max` of them per eviction
// (3 µs a request in the bench). lru-cache 11 (recency on every read) was tried before that:
// 1.5 % of a POST's time, for nothing a mock needs.
export class BoundedMap<K, V> {
  readonly max: number;
  readonly #map = new Map<K, V>();
  #queue: K[] = [];
  #head = 0;

  constructor(max: number) {
    if (!Number.isSafeInteger(max) || max <= 0) throw new RangeError(`max must be a positive integer, got ${max}`);
    this.max = max;
  }

  get size(): number {
    return this.#map.size;
  }

  get(key: K): V | undefined {
    return this.#map.get(key);
  }

  has(key: K): boolean {
    return this.#map.has(key);
  }

  set(key: K, value: V): void {
    const map = this.#map;
    if (!map.has(key)) {
      this.#queue.push(key);
      if (map.size >= this.max) map.delete(this.#queue[this.#head++] as K);
      if (this.#head >= this.max) {
        this.#queue = this.#queue.slice(this.#head);
        this.#head = 0;
      }
    }
    map.set(key, value);
  }

  /** Values, oldest first. */
  values(): IterableIterator<V> {
    return this.#map.values();
  }

  clear(): void {
    this.#map.clear();
    this.#queue = [];
    this.#head = 0;
  }
}
