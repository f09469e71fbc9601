/** Model folders written for a test: each test gets its own temporary `models/` with the files it names. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export function modelsFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-models-'));
  writeModels(dir, files);
  return dir;
}

export function writeModels(dir: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
}
