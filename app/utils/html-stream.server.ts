import { Transform } from "node:stream";

/**
 * The stream a page's HTML goes through between React and the response.
 *
 * 1. Writes made in the same turn of the event loop are joined into one chunk. React writes a
 *    page as many small chunks (its 2 KB buffer, then each streamed script), and Remix's adapter
 *    writes every chunk to the response and flushes it: with compression in the process each chunk
 *    was compressed and sync-flushed on its own and sent in a socket write of its own. On the
 *    product page that was a fifth of the request's CPU (zlib's `processChunk` and `writev` in the
 *    issue 12 profile). What React renders synchronously (the shell) now leaves as one chunk, and
 *    each streamed part (the loader data for hydration) as one more; nothing waits for a timer.
 * 2. NUL bytes are dropped: React 18's streaming renderer can emit them where a chunk boundary
 *    falls inside a multi-byte character (facebook/react#24985). Browsers drop them; crawlers and
 *    other parsers may not. A NUL byte never belongs in our HTML (forms refuse them), and UTF-8
 *    never uses 0x00 inside a character.
 */
export function htmlBodyStream() {
  let pending: Buffer[] = [];
  let scheduled = false;
  const take = () => {
    const joined = pending.length === 1 ? pending[0]! : Buffer.concat(pending);
    pending = [];
    return withoutNulBytes(joined);
  };
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      pending.push(chunk);
      if (!scheduled) {
        scheduled = true;
        setImmediate(() => {
          scheduled = false;
          if (pending.length > 0 && !stream.destroyed) stream.push(take());
        });
      }
      done();
    },
    flush(done) {
      done(null, pending.length > 0 ? take() : undefined);
    },
  });
  return stream;
}

/** The bytes without any 0x00, copied in runs (a byte-by-byte filter cost ms per page). */
function withoutNulBytes(bytes: Buffer): Buffer {
  let nul = bytes.indexOf(0);
  if (nul === -1) return bytes;
  const runs: Buffer[] = [];
  let start = 0;
  while (nul !== -1) {
    if (nul > start) runs.push(bytes.subarray(start, nul));
    start = nul + 1;
    nul = bytes.indexOf(0, start);
  }
  runs.push(bytes.subarray(start));
  return Buffer.concat(runs);
}
