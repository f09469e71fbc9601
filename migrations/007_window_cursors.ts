/**
 * Window cursors, for endpoints read in date windows (marketing-ads performance and attributed
 * leads): kind `window` joins the allowed kinds, and `walk_segment` holds the segmentation value
 * being read in the window in progress. A window cursor keeps its last settled window's first day
 * in `bookmark` and the window in progress in `walk_bookmark` (both as UTC midnights), its last
 * loaded page in `page`.
 *
 * `down` deletes window cursors (the kinds before this migration cannot hold them): their walks
 * start again from the start date, re-reading what is already staged. Frozen in time: never
 * imports from src/.
 */
import type { Knex } from 'knex';

function table(knex: Knex): string {
  return `"${knex.userParams.schema as string}"."_cursors"`;
}

export async function up(knex: Knex): Promise<void> {
  const cursors = table(knex);
  await knex.raw(`alter table ${cursors} add column walk_segment text`);
  await knex.raw(`alter table ${cursors}
    drop constraint _cursors_kind,
    add constraint _cursors_kind check (kind in ('export', 'list-incremental', 'list-full', 'per-parent', 'window')),
    add constraint _cursors_walk_segment_window check (walk_segment is null or kind = 'window')`);
  await knex.raw(
    `comment on column ${cursors}.kind is 'export | list-incremental | list-full | per-parent | window: the walk it belongs to'`,
  );
  await knex.raw(`comment on column ${cursors}.walk_segment is
    'window: the segmentation value being read in the window in progress (walk_bookmark), null without segments'`);
}

export async function down(knex: Knex): Promise<void> {
  const cursors = table(knex);
  await knex.raw(`delete from ${cursors} where kind = 'window'`);
  await knex.raw(`alter table ${cursors}
    drop constraint _cursors_walk_segment_window,
    drop constraint _cursors_kind,
    add constraint _cursors_kind check (kind in ('export', 'list-incremental', 'list-full', 'per-parent'))`);
  await knex.raw(`alter table ${cursors} drop column walk_segment`);
  await knex.raw(`comment on column ${cursors}.kind is 'export | list-incremental | list-full | per-parent: the walk it belongs to'`);
}
