// A Map that holds at most `max` entries: setting a new key past the cap forgets the oldest one.
// A Map keeps insertion order, so its first key is the oldest and this is the whole of a FIFO
// bound. lru-cache 11 (recency on every read) was tried first: on the bench's POST it cost 1.5 % of
// a request (a bucket read and a job write per request), more than the rest of the rate limit.
export class BoundedMap<K, V> extends Map<K, V> {
  readonly max: number;

  constructor(max: number) {
    super();
    if (!Number.isSafeInteger(max) || max <= 0) throw new RangeError(`max must be a positive integer, got ${max}`);
    this.max = max;
  }

  override set(key: K, value: V): this {
    if (!this.has(key) && this.size >= this.max) {
      const oldest = this.keys().next();
      if (!oldest.done) this.delete(oldest.value);
    }
    return super.set(key, value);
  }
}
