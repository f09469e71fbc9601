/**
 * `atlas sandbox`: runs the simulated ServiceTitan tenant until SIGINT/SIGTERM and prints how to
 * point Atlas (or anything else) at it. The printed credentials are fake demo credentials.
 */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { numberFlag } from '../numeric-flag.js';
import { loadSandbox, sandboxEnvLines } from '../sandbox-connection.js';
import { SANDBOX_SCALE, SANDBOX_SEED } from '../sandbox-flags.js';

interface SandboxFlags {
  port: number;
  host: string;
  scale: number;
  seed: number;
  batchSize?: number;
  rateLimit?: number;
  latency?: number;
  latencyJitter?: number;
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

export function registerSandboxCommand(program: Command, context: CliContext): void {
  program
    .command('sandbox')
    .description('run the sandbox ServiceTitan tenant (simulated API over HTTP) until Ctrl-C')
    .option('--port <n>', 'port to listen on (0 = any free port)', numberFlag('port', { integer: true, min: 0, max: 65535 }), 0)
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--scale <x>', 'data size (1 ≈ 2,000 customers and 8,000 jobs)', numberFlag('scale', SANDBOX_SCALE), 1)
    .option('--seed <n>', 'data seed (same seed and scale give the same data)', numberFlag('seed', SANDBOX_SEED), 1)
    .option(
      '--batch-size <n>',
      'fixed export batch size (default: varies from 200 to 500)',
      numberFlag('batch-size', { integer: true, min: 1 }),
    )
    .option(
      '--rate-limit <n>',
      'answer 429 beyond n API requests in any sliding second (default: no limit)',
      numberFlag('rate-limit', { above: 0 }),
    )
    .option('--latency <ms>', 'answer every API request after this many milliseconds', numberFlag('latency', { min: 0 }))
    .option(
      '--latency-jitter <ms>',
      'random inbound delay, up to this, before the rate limit counts a request (default: latency / 5)',
      numberFlag('latency-jitter', { min: 0 }),
    )
    .action(
      context.action(async ({ port, host, scale, seed, batchSize, rateLimit, latency, latencyJitter }: SandboxFlags) => {
        const { startSandbox } = await loadSandbox();
        const sandbox = await startSandbox({
          port,
          host,
          scale,
          seed,
          batchSize,
          rateLimit,
          latency: latency === undefined ? undefined : { ms: latency, jitterMs: latencyJitter },
        });
        // Listen before saying "Press Ctrl-C": a signal sent as soon as that line is read must stop it cleanly.
        const stopped = waitForSignal();
        context.io.stdout(
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
        const signal = await stopped;
        await sandbox.close();
        context.io.stdout(`Sandbox stopped (${signal}).`);
      }),
    );
}
