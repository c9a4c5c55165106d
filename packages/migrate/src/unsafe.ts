/** Thrown while planning a rewrite when a part of the call cannot be moved safely; the reason becomes the TODO. */
export class Unsafe extends Error {}

export function unsafe(reason: string): never {
  throw new Unsafe(reason);
}
