/**
 * An auth option of `createAtlasClient` that must be a non-empty string, checked before anything is
 * sent. A name or token may not be blank either; a secret may hold only spaces, which a secret can
 * legitimately contain, so only the empty string is refused.
 */
export function requireCredential(value: unknown, option: string, kind: 'name' | 'secret'): string {
  if (typeof value !== 'string' || (kind === 'name' ? value.trim() : value) === '') {
    throw new TypeError(`createAtlasClient: auth.${option} must be a non-empty string`);
  }
  return value;
}
