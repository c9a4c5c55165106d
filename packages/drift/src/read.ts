import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { InputError } from './errors.ts';

const describe = (st: Stats): string =>
  st.isDirectory()
    ? 'is a directory'
    : st.isFIFO()
      ? 'is a FIFO (named pipe), not a regular file'
      : st.isCharacterDevice() || st.isBlockDevice()
        ? 'is a device, not a regular file'
        : st.isSocket()
          ? 'is a socket, not a regular file'
          : 'is not a regular file';

/**
 * Reads at most `maxBytes` of a regular file. Devices (`/dev/zero`), FIFOs and sockets are refused
 * before a byte is read: they have no end or never answer. O_NONBLOCK keeps the open itself from
 * waiting for a FIFO's writer; the size check happens on the opened descriptor (fstat), so a file
 * swapped after a check cannot slip through, and a file that grows while read is still cut at the cap.
 */
export function readBounded(file: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'ENOTDIR'
            ? 'a parent is not a directory'
            : (code ?? 'unreadable');
    throw new InputError(`cannot read ${file}: ${why}`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new InputError(`cannot read ${file}: ${describe(st)}`);
    if (st.size > maxBytes) throw new InputError(tooLarge(file, `${st.size} bytes`, maxBytes));
    // st.size is a hint (a file can grow, /proc files say 0): read until EOF, never past the cap
    let buffer = Buffer.allocUnsafe(Math.min(Math.max(st.size, 65_536), maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) throw new InputError(tooLarge(file, 'the file', maxBytes));
        const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > maxBytes) throw new InputError(tooLarge(file, 'the file', maxBytes));
    return gunzipIfGzip(buffer.subarray(0, length), file, maxBytes);
  } finally {
    closeSync(fd);
  }
}

export function tooLarge(source: string, size: string, maxBytes: number): string {
  return `refusing ${source}: ${size} is over the limit of ${maxBytes} bytes (raise it with --max-bytes)`;
}

/**
 * A gzip file (magic bytes 1f 8b, whatever its name) is decompressed with an output cap: a small
 * gzip bomb that inflates to gigabytes stops at `maxBytes` instead of taking all memory.
 */
export function gunzipIfGzip(bytes: Buffer, source: string, maxBytes: number): Buffer {
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
      throw new InputError(tooLarge(source, 'its gzip content', maxBytes));
    }
    throw new InputError(`bad gzip data in ${source}: ${(error as Error).message}`);
  }
}
