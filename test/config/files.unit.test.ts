import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { configError, problemLines, SECRET, tempDir, tenantEnv, writeJson } from './support.js';

describe('config and credential files', () => {
  it('is fine without the default atlas.config.json', async () => {
    await expect(loadConfig({ cwd: await tempDir(), env: tenantEnv() })).resolves.toBeTruthy();
  });

  it('reports a missing explicit file with CONFIG_NOT_FOUND, listing every missing file', async () => {
    const cwd = await tempDir();
    const error = await configError({ cwd, env: tenantEnv(), configPath: 'nope.json', stCredentialsPath: 'st.json' });
    expect(error.code).toBe('CONFIG_NOT_FOUND');
    expect(problemLines(error)).toEqual([
      `config file nope.json does not exist (looked for ${cwd}/nope.json): pass the path of an existing file, e.g. --config ./atlas.config.json`,
      `--st-credentials file st.json does not exist (looked for ${cwd}/st.json): pass the path of an existing file, e.g. --st-credentials ./servicetitan-credentials.json`,
    ]);
  });

  it('says which file is not valid JSON, and where', async () => {
    const cwd = await tempDir();
    await writeJson(cwd, 'atlas.config.json', '{\n  "schema": "atlas",\n  "concurrency": 4,\n}\n');
    const error = await configError({ cwd, env: tenantEnv() });
    expect(error.code).toBe('CONFIG_INVALID');
    expect(problemLines(error)).toEqual(['config file atlas.config.json is not valid JSON at line 4, column 1: trailing comma before "}"']);
  });

  it('never quotes the file when a credentials file is not valid JSON', async () => {
    const cwd = await tempDir();
    // An unquoted secret: V8's own message would quote the text around it.
    await writeJson(cwd, 'st.json', `{"CLIENT_ID": "${SECRET.clientId}", "CLIENT_SECRET": ${SECRET.clientSecret}}`);
    const error = await configError({ cwd, env: {}, stCredentialsPath: 'st.json' });
    expect(problemLines(error)).toEqual([
      `--st-credentials file st.json is not valid JSON at line 1, column ${`{"CLIENT_ID": "${SECRET.clientId}", "CLIENT_SECRET": `.length + 1}: expected a value (a "string", number, true, false, null, {object} or [array])`,
    ]);
    expect(error.message).not.toContain(SECRET.clientId);
    expect(error.message).not.toContain('TESTCLIENTSECRET');
  });

  it('requires the files to hold JSON objects', async () => {
    const cwd = await tempDir();
    await writeJson(cwd, 'atlas.config.json', '[]');
    await writeJson(cwd, 'sql.json', '"postgres://x"');
    const lines = problemLines(await configError({ cwd, env: tenantEnv(), sqlCredentialsPath: 'sql.json' }));
    expect(lines[0]).toMatch(/^config file atlas\.config\.json must hold a JSON object, not an array: e\.g\. \{/);
    expect(lines[1]).toMatch(/^--sql-credentials sql\.json must hold a JSON object, not a string: e\.g\. \{"host": "localhost"/);
  });

  it('reports a directory given as a file', async () => {
    const cwd = await tempDir();
    const error = await configError({ cwd, env: tenantEnv(), configPath: '.' });
    expect(problemLines(error)).toEqual(['config file . is a directory, not a file']);
  });
});
