/**
 * Conventions of every file under models/: a header with grain and key, exactly one statement, no
 * DDL in the body, no schema name written out, every reference resolvable; and the typed views
 * under models/staging/ are exactly what the generator writes today.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModelFile } from '../../src/models/header.js';
import { defaultModelsDir, knownStagingTables, loadModels } from '../../src/models/index.js';
import { codeOnly, ddlKeywordsIn, statementCount } from '../../src/models/sql-text.js';
import { generateTypedViews } from '../../scripts/typed-views/generate.js';
import { projectRoot } from '../support/project-root.js';

const modelsDir = defaultModelsDir();

function sqlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sqlFiles(join(dir, e.name)) : e.name.endsWith('.sql') ? [join(dir, e.name)] : [],
  );
}

describe('models/ conventions', () => {
  const files = sqlFiles(modelsDir);

  it('has a typed view for every staging table', () => {
    expect(files.length).toBeGreaterThanOrEqual(knownStagingTables().length);
  });

  it('every model has a header with grain and key, one statement, no DDL and no schema name', () => {
    const problems: string[] = [];
    for (const path of files) {
      const file = relative(modelsDir, path);
      const text = readFileSync(path, 'utf8');
      try {
        const { header, body } = parseModelFile(file, text);
        if (!header.grain || header.key.length === 0) problems.push(`${file}: no grain or key`);
        if (statementCount(body) !== 1) problems.push(`${file}: ${statementCount(body)} statements`);
        const ddl = ddlKeywordsIn(body);
        if (ddl.length) problems.push(`${file}: DDL keywords ${ddl.join(', ')}`);
        const schemaName = /(^|[^a-z0-9_{}])"?(atlas|atlas_marts|public|pg_temp)"?\s*\./i.exec(codeOnly(body));
        if (schemaName) problems.push(`${file}: names the schema "${schemaName[2]}" (use {{ staging }} or {{ marts }})`);
      } catch (error) {
        problems.push((error as Error).message);
      }
    }
    expect(problems).toEqual([]);
  });

  it('loads as one graph: known references, unique names, no cycles', () => {
    const models = loadModels(knownStagingTables(), modelsDir);
    expect(models.length).toBe(files.length);
  });

  it('models/staging/ equals a fresh generation from the OpenAPI documents', () => {
    const generated = generateTypedViews(join(projectRoot, 'openapi', 'servicetitan'));
    const stagingDir = join(modelsDir, 'staging');
    const committed = new Map(
      readdirSync(stagingDir)
        .filter((f) => f.endsWith('.sql'))
        .map((f) => [f, readFileSync(join(stagingDir, f), 'utf8')]),
    );
    expect([...committed.keys()].sort()).toEqual([...generated.keys()].sort());
    const differing = [...generated].filter(([name, text]) => committed.get(name) !== text).map(([name]) => name);
    expect(differing).toEqual([]);
  });
});
