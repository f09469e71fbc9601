/**
 * `atlas sandbox`: runs the simulated ServiceTitan tenant until SIGINT/SIGTERM and prints how to
 * point Atlas (or anything else) at it. The printed credentials are fake demo credentials.
 */
import type { Command } from 'commander';
import { ConfigError } from '../../errors.js';

import { action } from '../context.js';
import { loadSandbox, sandboxEnvLines } from '../sandbox-connection.js';

interface SandboxFlags {
  port: string;
  host: string;
  scale: string;
  seed: string;
  batchSize?: string;
}

function numberFlag(name: string, value: string, check: (n: number) => boolean, expected: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || !check(n)) throw new ConfigError(`--${name} must be ${expected} (got "${value}")`);
  return n;
}

function waitForSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const done = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve(signal);
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}

export function registerSandboxCommand(program: Command, context: { stdout: (s: string) => void }): void {
  program
    .command('sandbox')
    .description('run the sandbox ServiceTitan tenant (simulated API over HTTP) until Ctrl-C')
    .option('--port <n>', 'port to listen on (0 = any free port)', '0')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--scale <x>', 'data size (1 ≈ 2,000 customers and 8,000 jobs)', '1')
    .option('--seed <n>', 'data seed (same seed and scale give the same data)', '1')
    .option('--batch-size <n>', 'fixed export batch size (default: varies between 200 and 500)')
    .action(
      action(async (flags: SandboxFlags) => {
        const port = numberFlag('port', flags.port, (n) => Number.isInteger(n) && n >= 0 && n <= 65535, 'an integer from 0 to 65535');
        const scale = numberFlag('scale', flags.scale, (n) => n > 0 && n <= 20, 'a number above 0 (at most 20)');
        const seed = numberFlag('seed', flags.seed, (n) => Number.isInteger(n), 'an integer');
        const batchSize = flags.batchSize === undefined
          ? undefined
          : numberFlag('batch-size', flags.batchSize, (n) => Number.isInteger(n) && n >= 1, 'a positive integer');
        const { startSandbox } = await loadSandbox();
        const sandbox = await startSandbox({ port, host: flags.host, scale, seed, batchSize });
        context.stdout(
          [
            `Sandbox ServiceTitan tenant ${sandbox.tenantId} (seed ${seed}, scale ${scale}), clock ${sandbox.clock()}`,
            `  API:    ${sandbox.apiUrl}/{module}/v2/tenant/${sandbox.tenantId}/...`,
            `  Auth:   ${sandbox.authUrl}`,
            `  Control: ${sandbox.url}/_sandbox/info (advance, truth, requests, faults)`,
            `  Client id: ${sandbox.credentials.clientId}`,
            `  Client secret: ${sandbox.credentials.clientSecret}`,
            `  App key: ${sandbox.credentials.appKey}`,
            '',
            'Demo credentials for your shell:',
            ...sandboxEnvLines(sandbox),
            '',
            'Press Ctrl-C to stop.',
          ].join('\n'),
        );
        const signal = await waitForSignal();
        await sandbox.close();
        context.stdout(`Sandbox stopped (${signal}).`);
      }),
    );
}
