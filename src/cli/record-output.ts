/**
 * Where `atlas get` writes: standard output, or the file named by `--output`. Every write waits
 * until the destination can take more, so streaming a long feed holds at most one page in memory.
 * `stopped` aborts when standard output's reader has gone (`| head`): the producer stops fetching.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { ConfigError } from '../errors.js';
import { canWriteAgain, outputClosed, writeOutput } from './process-output.js';

export interface RecordOutput {
  write(text: string): Promise<void>;
  /** Finishes the output (a file is flushed and closed); errors of the destination surface here. */
  close(): Promise<void>;
  /** Aborted once nobody reads any more; never for a file. */
  stopped: AbortSignal;
}

export function stdoutRecordOutput(): RecordOutput {
  return { write: (text) => writeOutput(process.stdout, text), close: async () => {}, stopped: outputClosed };
}

function outputProblem(path: string, error: unknown): ConfigError {
  const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return new ConfigError(`--output ${path}: cannot write the file (${reason})`, { cause: error });
}

/** Opens (creates or truncates) `path`; fails with CONFIG_INVALID naming the path when it cannot. */
export async function fileRecordOutput(path: string): Promise<RecordOutput> {
  const stream: WriteStream = createWriteStream(path);
  let failure: unknown = null;
  stream.on('error', (error) => {
    failure = error;
  });
  try {
    await once(stream, 'open');
  } catch (error) {
    throw outputProblem(path, error);
  }
  const check = () => {
    if (failure) throw outputProblem(path, failure);
  };
  return {
    stopped: new AbortController().signal,
    write: async (text) => {
      check();
      if (!stream.write(text)) await canWriteAgain(stream);
      check();
    },
    close: async () => {
      check();
      await new Promise<void>((resolve, reject) =>
        stream.end((error?: Error | null) => (error ? reject(outputProblem(path, error)) : resolve())),
      );
    },
  };
}
