// Reads a request body up to a byte limit. A declared Content-Length past the limit is refused
// without reading a byte; a body without one (chunked) is read until the limit is passed, then
// the reader is cancelled. Either way no more than `limit` bytes (plus one chunk) are ever held,
// and nothing past the limit is parsed.

export type BodyRead = { ok: true; text: string } | { ok: false; tooLarge: true };

// Stateless use only (one whole buffer per call), so one decoder serves concurrent reads.
const decoder = new TextDecoder();

export async function readBody(request: Request, limit: number): Promise<BodyRead> {
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > limit) return { ok: false, tooLarge: true };
  if (request.body === null) return { ok: true, text: '' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: a source that never settles its cancel must not hold the answer back.
      reader.cancel().catch(() => {});
      return { ok: false, tooLarge: true };
    }
    chunks.push(value);
  }
  if (chunks.length <= 1) return { ok: true, text: chunks[0] ? decoder.decode(chunks[0]) : '' };
  const whole = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ok: true, text: decoder.decode(whole) };
}
