// A curl command moved to the replacement: the URL's path, the media type of its Accept/Content-Type
// headers, and a check of its method. Left for a person: a request body (JSON inside shell quoting is
// not edited here), a computed method or media type, options from a config file.
import type { Edit } from '../model.ts';
import { type MappedValue, mediaTypeEdits, mediaTypeHeaders, pathEdits } from '../path-edits.ts';
import { HOLE, type PathMatch } from '../path-match.ts';
import { unsafe } from '../unsafe.ts';

const bodyOptions = [
  '-d',
  '--data',
  '--data-raw',
  '--data-binary',
  '--data-ascii',
  '--data-urlencode',
  '--json',
  '-F',
  '--form',
  '-T',
  '--upload-file',
];

/** `-X POST`, `-XPOST`, `--request=POST`: the option's value, or undefined when `word` is not `names`. */
function optionValue(
  words: MappedValue[],
  index: number,
  short: string,
  long: string,
): { value?: MappedValue; next: number } | undefined {
  const word = (words[index] as MappedValue).value;
  if (word === short || word === long) return { value: words[index + 1], next: index + 1 };
  for (const prefix of [`${long}=`, short]) {
    if (word.startsWith(prefix) && word.length > prefix.length && !(prefix === short && word.startsWith('--'))) {
      const cut = prefix.length;
      const whole = words[index] as MappedValue;
      return { value: { value: whole.value.slice(cut), offsets: whole.offsets.slice(cut) }, next: index };
    }
  }
  return undefined;
}

/** `words`: the arguments after `curl`; `url`: the index of the one that holds the dead path. */
export function planCurl(words: MappedValue[], url: number, match: PathMatch): Edit[] {
  const op = match.op;
  const edits = pathEdits(words[url] as MappedValue, match, op);
  let method: string | undefined;
  let body = false;
  for (let i = 0; i < words.length; i++) {
    if (i === url) continue;
    const word = (words[i] as MappedValue).value;
    if (word === '-K' || word.startsWith('--config')) unsafe('curl reads options from a config file');
    if (bodyOptions.some((option) => word === option || word.startsWith(`${option}=`)) || /^-[dF]./.test(word))
      body = true;
    const request = optionValue(words, i, '-X', '--request');
    if (request) {
      const value = request.value?.value ?? '';
      if (value.includes(HOLE)) unsafe('the HTTP method is computed');
      method = value.toUpperCase();
      i = request.next;
      continue;
    }
    const header = optionValue(words, i, '-H', '--header');
    if (header?.value) {
      const name = header.value.value.split(':')[0]?.trim().toLowerCase() ?? '';
      const moved = mediaTypeEdits(header.value, op, `the ${name} header`);
      if (moved.length === 0 && mediaTypeHeaders.includes(name) && header.value.value.includes(HOLE)) {
        unsafe(`the ${name} header is computed; it must name ${op.replacement.mediaType}`);
      }
      edits.push(...moved);
      i = header.next;
    }
  }
  if (body) {
    const fields = [...(op.replacement.requestBody?.properties ?? [])].join(', ') || 'no body';
    unsafe(`the request body of a shell command is not rewritten (the new one takes ${fields})`);
  }
  const sent = method ?? (body ? 'POST' : 'GET');
  if (sent !== op.method) unsafe(`the command sends ${sent}, not ${op.method}`);
  return edits;
}
