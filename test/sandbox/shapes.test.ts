import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { endpointShapes, fieldNames, hasObjectItems, itemShape } from '../../sandbox/shapes/index.js';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ scale: 0.03 });
});
afterAll(async () => {
  await sb.close();
});

describe('sandbox records use exactly the SPEC field names', () => {
  // Telecom call lists are views built from the export call (checked in lists.test.ts).
  const collections = endpointShapes().filter(
    (s) => s.kind !== 'id' && hasObjectItems(s.name) && !(s.kind === 'list' && s.name.startsWith('telecom/')),
  );

  it('covers every export and list shape', () => {
    expect(collections.filter((s) => s.kind === 'export')).toHaveLength(53);
    expect(collections.filter((s) => s.kind === 'list').length).toBeGreaterThan(100);
  });

  it.each(collections.map((s) => s.name))('%s', (name) => {
    const fields = fieldNames(itemShape(name));
    const rows = sb.truth(name);
    for (const row of rows.slice(0, 50)) expect(Object.keys(row)).toEqual(fields);
    // Keys are unique (string ids included), so loaders keyed on id see every row.
    if (fields.includes('id') && !name.endsWith('gross-pay-items')) {
      expect(new Set(rows.map((r) => String(r.id))).size, name).toBe(rows.length);
    }
  });
});
