// Reads a request body up to a byte limit. A declared Content-Length past the limit is refused
// without reading a byte; a body without one (chunked) is read until the limit is passed, then
// the reader is cancelled. Either way no more than `limit` bytes (plus one chunk) are ever held,
// and nothing past the limit is parsed.

export type BodyRead = { ok: true; text: string } | { ok: false; tooLarge: true };

export async function readBody(request: Request, limit: number): Promise<BodyRead> {
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > limit) return { ok: false, tooLarge: true };
  if (request.body === null) return { ok: true, text: '' };
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
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
    text += decoder.decode(value, { stream: true });
  }
  return { ok: true, text: text + decoder.decode() };
}
