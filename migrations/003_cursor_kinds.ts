/**
 * One cursor shape per walk kind. Until now per-parent walks (`crm/customers/{id}/notes`) saved
 * their position, a parent key, in `continue_from` (an export token column) under mode
 * `list-full`. Here `mode` becomes `kind` (export | list-incremental | list-full | per-parent),
 * the parent key moves to its own column, and check constraints keep each column to its kind.
 *
 * Per-parent rows are recognised by what only they can hold: a `{…}` path parameter in the
 * endpoint name (no other extracted endpoint has one), or a `continue_from` under `list-full`.
 * `down` turns them back into the old shape. Frozen in time: never imports from src/.
 */
import type { Knex } from 'knex';

/** Old-shape per-parent rows (`kindColumn` names the mode column, before or after its rename). */
const perParentOld = (kindColumn: string) => `${kindColumn} = 'list-full' and (endpoint like '%{%}%' or continue_from is not null)`;

function table(knex: Knex): string {
  return `"${knex.userParams.schema as string}"."_cursors"`;
}

export async function up(knex: Knex): Promise<void> {
  const cursors = table(knex);
  await knex.raw(`alter table ${cursors} rename column mode to kind`);
  await knex.raw(`alter table ${cursors} add column last_parent_key text`);
  await knex.raw(`update ${cursors} set kind = 'per-parent', last_parent_key = continue_from, continue_from = null
                  where ${perParentOld('kind')}`);
  await knex.raw(`alter table ${cursors}
    add constraint _cursors_kind check (kind in ('export', 'list-incremental', 'list-full', 'per-parent')),
    add constraint _cursors_continue_from_export check (continue_from is null or kind = 'export'),
    add constraint _cursors_last_parent_key_per_parent check (last_parent_key is null or kind = 'per-parent')`);
  await knex.raw(`comment on column ${cursors}.kind is 'export | list-incremental | list-full | per-parent: the walk it belongs to'`);
  await knex.raw(`comment on column ${cursors}.last_parent_key is
    'per-parent: key of the last parent whose records are loaded in the walk in progress'`);
  await knex.raw(`comment on column ${cursors}.walk_id is 'full lists, sweeps and per-parent walks: id of the walk in progress'`);
}

export async function down(knex: Knex): Promise<void> {
  const cursors = table(knex);
  await knex.raw(`alter table ${cursors}
    drop constraint _cursors_kind, drop constraint _cursors_continue_from_export, drop constraint _cursors_last_parent_key_per_parent`);
  await knex.raw(`update ${cursors} set kind = 'list-full', continue_from = last_parent_key where kind = 'per-parent'`);
  await knex.raw(`alter table ${cursors} drop column last_parent_key`);
  await knex.raw(`alter table ${cursors} rename column kind to mode`);
  await knex.raw(`comment on column ${cursors}.walk_id is 'full lists: id of the walk in progress'`);
}
