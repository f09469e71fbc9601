/**
 * The staging schema alone, for commands that only name tables (`atlas endpoints`). Same sources,
 * precedence and checks as loadConfig (default < `--sql-credentials` schema < config file `schema`
 * < ATLAS_SCHEMA < `--schema`), but only the `schema` key of the config file is read and the
 * tenant and database variables are left out: it works with nothing configured, and with a config
 * file whose `${NAME}` references (secrets) are unset on this machine. A `database` object in the
 * config file is not consulted for a schema.
 */
import { resolve } from 'node:path';
import { ENV } from './env.js';
import { registerSecret } from '../log/redact.js';
import { isPlainObject } from './checks.js';
import { DEFAULT_CONFIG_FILE, loadConfig, readJsonFile } from './load.js';
import { configErrorFor } from './problems.js';
import { resolveConfig } from './resolve.js';
import type { LoadConfigInput } from './types.js';

/** Variables that feed tenants or the database: left out, so they are neither needed nor checked here. */
const TENANT_AND_DATABASE_VARIABLES: readonly string[] = [
  ENV.databaseUrl,
  ENV.embeddedPort,
  ENV.tenantId,
  ENV.clientId,
  ENV.clientSecret,
  ENV.appKey,
  ENV.timezone,
  ENV.tenantName,
  ENV.environment,
  ENV.apiUrl,
  ENV.authUrl,
];

export type StagingSchemaInput = Pick<LoadConfigInput, 'cwd' | 'env' | 'configPath' | 'sqlCredentialsPath'> & { schema?: string };

export async function loadStagingSchema(input: StagingSchemaInput = {}): Promise<string> {
  const cwd = resolve(input.cwd ?? process.cwd());
  const env = input.env ?? process.env;
  const configPath = input.configPath ?? DEFAULT_CONFIG_FILE;
  const file = await readJsonFile(resolve(cwd, configPath), `config file ${configPath}`);
  const sql =
    input.sqlCredentialsPath === undefined
      ? undefined
      : await readJsonFile(resolve(cwd, input.sqlCredentialsPath), `--sql-credentials file ${input.sqlCredentialsPath}`);
  const fileMissing = file === 'missing' && input.configPath !== undefined;
  const unreadable =
    (file !== 'missing' && 'problem' in file) || fileMissing || (sql !== undefined && !(sql !== 'missing' && 'value' in sql));
  if (unreadable) {
    // loadConfig reports unreadable files first and alone: the same message as every other command.
    await loadConfig({ cwd, env, configPath: input.configPath, sqlCredentialsPath: input.sqlCredentialsPath, requireTenants: false });
  }

  const fileValue =
    file !== 'missing' && 'value' in file && isPlainObject(file.value) && file.value.schema !== undefined
      ? { schema: file.value.schema }
      : {};
  const resolution = resolveConfig({
    cwd,
    env: Object.fromEntries(Object.entries(env).filter(([name]) => !TENANT_AND_DATABASE_VARIABLES.includes(name))),
    file: { path: configPath, value: fileValue },
    sqlCredentials:
      sql !== undefined && sql !== 'missing' && 'value' in sql ? { path: input.sqlCredentialsPath!, value: sql.value } : undefined,
    flags: { schema: input.schema },
    requireTenants: false,
  });
  // Like loadConfig: a --sql-credentials password never reaches a later message unredacted.
  for (const secret of resolution.secrets) registerSecret(secret);
  if (!resolution.config)
    throw configErrorFor(
      resolution.problems,
      fileValue.schema === undefined && file === 'missing' ? 'no config file' : `config file ${configPath}`,
    );
  return resolution.config.schema;
}
