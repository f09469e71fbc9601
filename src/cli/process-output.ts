/**
 * The process's standard output and error as the CLI uses them, so that what it prints arrives
 * whole wherever it goes (a terminal, a file, a pipe into `jq` or `head`).
 *
 * - Writes to a pipe are asynchronous: whatever the pipe buffer (64 KiB on Linux) cannot take yet
 *   is queued in the process. Ending the process with `process.exit` drops that queue, so the CLI
 *   ends with `finishProcess`, which waits for both streams to drain before exiting.
 * - A reader that goes away early (`atlas get … --all | head`) makes the next write fail with
 *   EPIPE. That is the reader's choice, not an error: the stream is marked closed, later writes are
 *   dropped, `outputClosed` is aborted so long outputs stop fetching, and nothing is printed.
 */

/** Aborted when standard output's reader has gone away (EPIPE); long outputs stop on it. */
const stdoutClosed = new AbortController();
export const outputClosed: AbortSignal = stdoutClosed.signal;

const closedStreams = new Set<NodeJS.WritableStream>();

function isClosed(stream: NodeJS.WriteStream): boolean {
  return closedStreams.has(stream) || stream.destroyed;
}

/** A closed reader (EPIPE) or a write after it (ERR_STREAM_DESTROYED) ends output quietly. */
function quietOnClosedReader(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
    closedStreams.add(stream);
    if (stream === process.stdout) stdoutClosed.abort();
  });
}

let guarded = false;
/** Installs the EPIPE handling on stdout and stderr (once; called by the executable, not by tests importing the program). */
export function guardProcessOutput(): void {
  if (guarded) return;
  guarded = true;
  quietOnClosedReader(process.stdout);
  quietOnClosedReader(process.stderr);
}

/**
 * Writes `text` to `stream` unless its reader has gone. Resolves once the stream can take more
 * (at once, or on 'drain'), so a caller that awaits each write holds at most one buffer of output
 * in memory however much it prints.
 */
export function writeOutput(stream: NodeJS.WriteStream, text: string): Promise<void> {
  if (isClosed(stream)) return Promise.resolve();
  return stream.write(text) ? Promise.resolve() : canWriteAgain(stream);
}

/** Resolves when `stream` drains, closes or fails (whichever comes first), leaving no listener behind. */
export function canWriteAgain(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      stream.off('error', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
    stream.on('error', done);
  });
}

/** Resolves once everything written to `stream` so far has been handed to the operating system (or the reader is gone). */
export function drained(stream: NodeJS.WriteStream): Promise<void> {
  if (isClosed(stream) || stream.writableLength === 0) return Promise.resolve();
  // Writes complete in order: the callback of an empty write runs after every earlier write.
  return new Promise((resolve) => {
    stream.once('close', resolve);
    stream.write('', () => resolve());
  });
}

/**
 * Ends the process with `process.exitCode` once stdout and stderr have drained. The exit is
 * explicit (not "when the event loop empties") so that a library's exit hook or a leftover handle
 * can neither keep the process alive nor change its exit code; see src/db/embedded.ts.
 */
export async function finishProcess(): Promise<never> {
  await Promise.all([drained(process.stdout), drained(process.stderr)]);
  process.exit(process.exitCode ?? 0);
}
