// Module customization hooks (node:module `register`): records each module URL before loading it.
// Runs on the loader thread, hence a synchronous append (no ordering to keep between threads).
import { appendFileSync } from 'node:fs';

let file;

export function initialize(data) {
  file = data.file;
}

export async function load(url, context, nextLoad) {
  appendFileSync(file, `${url}\n`);
  return nextLoad(url, context);
}
