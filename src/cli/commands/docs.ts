/**
 * `atlas docs [--out DIR] [--serve] [--port N] [--no-database]`: writes the data dictionary (a static
 * HTML site, see src/docs) and optionally serves it on localhost until Ctrl-C. The database is
 * optional: when it is reachable (a URL, or an embedded Postgres that has been built) the pages also
 * show mart column types, rows, last syncs and cursor ages; otherwise they say it was not.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { AtlasConfig } from '../../config/types.js';
import { openConfiguredWarehouse } from '../../db/connection.js';
import { fileFacts, readDatabaseFacts, serveSite, writeDocsSite, type DatabaseFacts } from '../../docs/index.js';
import { errorMessage } from '../../errors.js';
import type { Logger } from '../../log/logger.js';
import type { CliContext } from '../context.js';
import { numberFlag } from '../numeric-flag.js';

interface DocsFlags {
  out?: string;
  serve?: boolean;
  port: number;
  database: boolean;
}

/** The database's facts, or why there are none (never an error: the files alone make a dictionary). */
async function databaseFacts(config: AtlasConfig, logger: Logger): Promise<DatabaseFacts | string> {
  if (config.database.kind === 'embedded' && !existsSync(join(config.database.dataDir, 'PG_VERSION'))) {
    return `no embedded database under ${config.database.dataDir} yet (run \`atlas demo\` or \`atlas build\`)`;
  }
  try {
    const warehouse = await openConfiguredWarehouse(config.database, logger, 2);
    try {
      return await readDatabaseFacts(warehouse.pool, config.schema, config.martsSchema);
    } finally {
      await warehouse.close();
    }
  } catch (error) {
    return `the database is not reachable (${errorMessage(error)})`;
  }
}

export function registerDocsCommand(program: Command, context: CliContext): void {
  const { io } = context;
  program
    .command('docs')
    .description('write the data dictionary: a static HTML site of every mart, typed view and staging table, with lineage and search')
    .option('--out <dir>', 'folder to write the site to (default: <stateDir>/docs, i.e. .atlas/docs)')
    .option('--serve', 'serve the site on localhost until Ctrl-C')
    .option('--port <n>', 'port for --serve (0: any free port)', numberFlag('port', { integer: true, min: 0, max: 65535 }), 8700)
    .option('--no-database', 'do not read the database (pages without rows, sync times and mart column types)')
    .action(
      context.action(async (flags: DocsFlags) => {
        const config = await context.loadConfig({}, { requireTenants: false });
        const logger = context.logger(config);
        const out = resolve(flags.out ?? join(config.stateDir, 'docs'));
        const database = flags.database ? await databaseFacts(config, logger) : 'not read (--no-database)';
        if (typeof database === 'string') io.stderr(`docs: ${database}; the pages show what the model files and the catalog tell.`);
        const facts = { ...fileFacts(config.schema, config.martsSchema), database: typeof database === 'string' ? null : database };
        const site = await writeDocsSite(out, facts);
        io.stdout(`Data dictionary: ${site.pages.length} pages in ${out} (open ${join(out, 'index.html')})`);
        if (!flags.serve) return;
        const served = await serveSite(out, flags.port);
        io.stdout(`Serving on ${served.url} until Ctrl-C`);
        await new Promise<void>((done) => {
          process.once('SIGINT', done);
          process.once('SIGTERM', done);
        });
        await served.close();
      }),
    );
}
