import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { unreadable } from './input-file.ts';

/** Where an accounting file is read to, a chunk at a time, and what takes the chunks. */
export interface ChunkSink {
  /**
   * Buffer `which` (0 or 1) of at least `size` bytes, with what it held at its front. Asked for anew before
   * each use: the sink may have moved it.
   */
  buffer(which: 0 | 1, size: number): Uint8Array;
  /** Before a read of `size` bytes into one buffer begins, while the other is consumed. */
  prepareRead?(size: number): void;
  /**
   * The bytes from `start` to `end`: returns where the first line it could not finish begins (carried to
   * the front of the next chunk). `last` marks the final chunk, whose rest is the last line.
   */
  consume(bytes: Uint8Array, start: number, end: number, last: boolean): number;
}

/**
 * Reads an accounting file in chunks into two buffers in turn, the next chunk read while the sink consumes
 * the one before (so reading and controlling take two cores). Each buffer has room in front of the chunk
 * for the rest of the previous one, the line it could not finish: that rest is copied there, so the line
 * continues without a copy of the chunk. A line longer than that room doubles it. A file smaller than a
 * chunk is read at once, into the first buffer. A national year is never held as one string, nor a large
 * file as one buffer.
 */
export async function readAccountChunks(path: string, sink: ChunkSink, chunkBytes = 1 << 22): Promise<void> {
  if (readSmallFile(path, sink, chunkBytes)) return;
  const file = await open(path, 'r').catch((error: unknown) => {
    throw unreadable(path, error);
  });
  let reading: Promise<{ bytesRead: number }> | undefined;
  try {
    const { size } = await file.stat();
    const wanted = Math.max(Math.min(chunkBytes, size + 1), 1);
    let room = Math.min(1 << 12, wanted);
    let which: 0 | 1 = 0;
    let position = 0;
    let rest = new Uint8Array(0);
    sink.prepareRead?.(room + wanted);
    reading = file.read(sink.buffer(0, room + wanted), room, wanted, 0);
    for (;;) {
      const { bytesRead } = await reading;
      position += bytesRead;
      const last = bytesRead === 0;
      if (rest.length > room) {
        // Nothing is being read now: the chunk just read moves back to make the room larger.
        const larger = Math.max(room * 2, rest.length);
        sink.buffer(which, larger + wanted).copyWithin(larger, room, room + bytesRead);
        room = larger;
      }
      if (!last) {
        sink.prepareRead?.(room + wanted);
        reading = file.read(sink.buffer(which === 0 ? 1 : 0, room + wanted), room, wanted, position);
      }
      const bytes = sink.buffer(which, room + wanted);
      const start = room - rest.length;
      bytes.set(rest, start);
      const end = room + bytesRead;
      const done = sink.consume(bytes, start, end, last);
      if (last) return;
      rest = sink.buffer(which, room + wanted).slice(done, end);
      which = which === 0 ? 1 : 0;
    }
  } catch (error) {
    // A read may still be under way (the sink failed): it ends before the file is closed.
    await reading?.catch(() => undefined);
    throw unreadable(path, error);
  } finally {
    await file.close();
  }
}

/**
 * A file smaller than a chunk (a national year is 356 of them) read at once, without the thread pool:
 * there, its open, stat, reads and close would take longer than its control. Returns false, having passed
 * nothing on, for a file of a chunk or more (or one that grew meanwhile): that is read in chunks.
 */
function readSmallFile(path: string, sink: ChunkSink, chunkBytes: number): boolean {
  return withFile(path, (fd) => {
    const { size } = fstatSync(fd);
    if (size >= chunkBytes) return false;
    // A byte more than the file has: a read that fills it finds a file that grew.
    const room = size + 1;
    sink.prepareRead?.(room);
    const bytes = sink.buffer(0, room);
    let read = 0;
    for (let n = 1; read < room && n > 0; read += n) n = readSync(fd, bytes, read, room - read, read);
    if (read === room) return false;
    sink.consume(sink.buffer(0, room), 0, read, true);
    return true;
  });
}

/**
 * The first line of a file, without its line break, read synchronously: at most `max` bytes of it (the
 * declared fields of an accounting file are its first thirteen). Undefined for an empty file.
 */
export function firstLine(path: string, max = 4096): string | undefined {
  return withFile(path, (fd) => {
    const bytes = Buffer.alloc(max);
    const read = readSync(fd, bytes, 0, max, 0);
    if (read === 0) return undefined;
    const lineEnd = bytes.subarray(0, read).indexOf(10);
    let end = lineEnd < 0 ? read : lineEnd;
    if (end > 0 && bytes[end - 1] === 13) end--;
    return bytes.toString('latin1', 0, end);
  });
}

/** What `use` makes of a file opened for reading, closed after; a file that cannot be read is named. */
function withFile<T>(path: string, use: (fd: number) => T): T {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw unreadable(path, error);
  }
  try {
    return use(fd);
  } catch (error) {
    throw unreadable(path, error);
  } finally {
    closeSync(fd);
  }
}
