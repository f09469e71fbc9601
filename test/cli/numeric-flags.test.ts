/**
 * Every numeric flag of every command, given a bad value, stops the real `atlas` binary before any
 * work with the config-error exit code (2, CONFIG_INVALID in docs/errors.md) and a message naming
 * the flag and the value. No database or tenant is configured: validation comes first.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/harness.js';

const badValues: Array<{ args: string[]; flag: string; value: string }> = [
  { args: ['status', '--runs', 'abc'], flag: '--runs', value: 'abc' },
  { args: ['status', '--runs', '0'], flag: '--runs', value: '0' },
  { args: ['demo', '--scale', 'abc'], flag: '--scale', value: 'abc' },
  { args: ['demo', '--seed', '1.5'], flag: '--seed', value: '1.5' },
  { args: ['sandbox', '--port', '70000'], flag: '--port', value: '70000' },
  { args: ['sandbox', '--scale', '-1'], flag: '--scale', value: '-1' },
  { args: ['sandbox', '--seed', 'x'], flag: '--seed', value: 'x' },
  { args: ['sandbox', '--batch-size', '0'], flag: '--batch-size', value: '0' },
  { args: ['build', '--concurrency', 'abc'], flag: '--concurrency', value: 'abc' },
  { args: ['sync', '--concurrency', '2.5'], flag: '--concurrency', value: '2.5' },
];

describe('numeric flags', () => {
  it.each(badValues)('atlas $args.0 $flag $value exits 2 naming the flag and the value', async ({ args, flag, value }) => {
    const result = await runCli(args, { PATH: process.env.PATH, HOME: process.env.HOME });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain(`atlas: ${flag} must be `);
    expect(result.stderr).toContain(`(got "${value}") [CONFIG_INVALID]`);
    // Nothing started: no sandbox URLs, no run summary.
    expect(result.stdout).toBe('');
  });
});
