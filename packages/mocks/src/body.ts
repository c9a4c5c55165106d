// Reads a request body up to a byte limit. A declared Content-Length past the limit is refused
// without reading a byte; a body without one (chunked) is read until the limit is passed, then
// the reader is cancelled. Either way no more than `limit` bytes (plus one chunk) are ever held,
// and nothing past the limit is parsed.

// Stateless use only (one whole buffer per call), so one decoder serves concurrent reads.
const decoder = new TextDecoder();

/** The body as text, or undefined when it is larger than `limit` bytes. */
export async function readBody(request: Request, limit: number): Promise<string | undefined> {
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > limit) return undefined;
  if (request.body === null) return '';
  const reader = request.body.getReader();
  // Most bodies arrive as one chunk: an array only from the second on.
  let first: Uint8Array | undefined;
  let more: Uint8Array[] | undefined;
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: a source that never settles its cancel must not hold the answer back.
      reader.cancel().catch(() => {});
      return undefined;
    }
    if (first === undefined) first = value;
    else if (more === undefined) more = [value];
    else more.push(value);
  }
  if (first === undefined) return '';
  if (more === undefined) return decoder.decode(first);
  const whole = new Uint8Array(size);
  whole.set(first, 0);
  let at = first.byteLength;
  for (const chunk of more) {
    whole.set(chunk, at);
    at += chunk.byteLength;
  }
  return decoder.decode(whole);
}
