/**
 * The sandbox in its own process (`atlas sandbox`), as ServiceTitan is a separate server: Atlas's
 * figures then do not include the simulator's own work on Atlas's event loop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseSandboxEnvLines, type SandboxConnection } from '../src/cli/sandbox-connection.js';

export interface SandboxProcess extends SandboxConnection {
  stop(): void;
}

const cli = fileURLToPath(new URL('../dist/src/cli/main.js', import.meta.url));

export function startSandboxProcess(scale: number): Promise<SandboxProcess> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [cli, 'sandbox', '--port', '0', '--scale', String(scale)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.on('exit', (code) => reject(new Error(`atlas sandbox exited with ${code}: ${out}`)));
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const connection = parseSandboxEnvLines(out);
      if (connection) {
        child.removeAllListeners('exit');
        resolve({ ...connection, stop: () => child.kill('SIGTERM') });
      }
    });
  });
}
