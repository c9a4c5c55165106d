// Parts that few calls need (Digest hashing, the 429 loop, the deprecation header parser and the
// rendered notice) are loaded with import() when first needed, so that importing the client, and
// a browser page bundling it, pays only for what every call uses. A bundler emits each as a chunk
// of its own. A load that failed (a chunk a browser could not fetch) is tried again next time.
export interface Lazy<T> {
  /** The module once loaded; undefined before. */
  readonly value: T | undefined;
  load(): Promise<T>;
}

export function lazy<T>(importer: () => Promise<T>): Lazy<T> {
  let value: T | undefined;
  let pending: Promise<T> | undefined;
  return {
    get value() {
      return value;
    },
    load() {
      pending ??= importer().then(
        (loaded) => {
          value = loaded;
          return loaded;
        },
        (error: unknown) => {
          pending = undefined;
          throw error;
        },
      );
      return pending;
    },
  };
}
