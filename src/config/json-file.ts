/**
 * Reads the JSON files configuration comes from (atlas.config.json and the two seed credential
 * files). Problems are reported by file name and line/column, never by quoting file content:
 * these files hold secrets.
 */
import { readFile } from 'node:fs/promises';
import { locateJsonSyntaxError } from './json-syntax.js';

export type JsonFileResult =
  | { status: 'ok'; path: string; value: unknown }
  | { status: 'missing'; path: string }
  | { status: 'invalid'; path: string; problem: string };

/** `label` is how the file is named in messages, e.g. `config file "atlas.config.json"`. */
export async function readJsonFile(path: string, label: string): Promise<JsonFileResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { status: 'missing', path };
    const why = code === 'EISDIR' ? 'is a directory, not a file' : code === 'EACCES' ? 'cannot be read (permission denied)' : `cannot be read (${code ?? 'unknown error'})`;
    return { status: 'invalid', path, problem: `${label} ${why}` };
  }
  // Editors on Windows (where Titanpy users made their credential files) often save a BOM.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return { status: 'ok', path, value: JSON.parse(text) };
  } catch {
    const where = locateJsonSyntaxError(text);
    const detail = where ? `at line ${where.line}, column ${where.column}: ${where.problem}` : 'could not be parsed';
    return { status: 'invalid', path, problem: `${label} is not valid JSON ${detail}` };
  }
}
