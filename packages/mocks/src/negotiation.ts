// Media-type checks of a request, with the `content-type` package (RFC 9110 parsing; its
// `comma` mode walks an Accept list). The rules are Atlas's:
//  - Accept must name the operation's versioned type (`application/vnd.atlas.<date>+json`) with
//    q > 0. A list without it — `*/*`, `application/json`, another date, nothing — names "no
//    version or a version the resource lacks": 406 INVALID_VERSION_DATE. Wildcards do not count:
//    they name no version.
//  - A request body is JSON sent as one of the media types the spec lists for it, or as
//    `application/json` (see documented-facts.ts: the spec's own code samples send it); any other
//    type, or none, is 415 Unsupported Media Type.
import { parse } from 'content-type';
import { plainJsonMediaType } from './documented-facts.ts';

/** True when the Accept header lists `mediaType` with a non-zero quality. */
export function acceptsMediaType(accept: string | null, mediaType: string): boolean {
  if (!accept) return false;
  let start = 0;
  // Each round parses one media range and stops at its comma (empty elements included); the
  // round limit bounds the work a hostile header can cause.
  for (let rounds = 0; start < accept.length && rounds < 1000; rounds++) {
    const range = parse(accept, { comma: true, start });
    if (range.type === mediaType) {
      const q = range.parameters.q;
      if (q === undefined || Number(q) > 0) return true;
    }
    if (range.index < start) break;
    start = range.index + 1;
  }
  return false;
}

/** The media type of a Content-Type header, lower-cased and without parameters; null when absent or malformed. */
export function contentMediaType(contentType: string | null): string | null {
  if (!contentType) return null;
  try {
    return parse(contentType, { parameters: false }).type;
  } catch {
    return null;
  }
}

/** True when a body sent with this Content-Type is read as the operation's JSON body. */
export function takesContentType(contentType: string | null, mediaTypes: readonly string[]): boolean {
  const type = contentMediaType(contentType);
  return type !== null && (type === plainJsonMediaType || mediaTypes.includes(type));
}
