/**
 * Work-breakdown-structure segments (`jpm/work-breakdown-structure/segments`): the few levels a
 * budget code is built from (cost code, cost type, custom segments such as a phase).
 *
 * Generated last and from streams of their own — their own random stream and an id range below
 * the shared id space (sandbox/ids.ts starts at 20,000,000) — so adding them shifts no other
 * table's ids or values: every table that existed before keeps its staging fingerprint.
 */
import { T } from '../data/names.js';
import type { World } from './world.js';

/** Segment ids are small and tenant-wide, like other configuration ids; below the shared id space. */
const FIRST_SEGMENT_ID = 3_001;

const SEGMENTS: ReadonlyArray<{ name: string; type: string; structure: string; isRequired: boolean }> = [
  { name: 'Cost Code', type: 'CostCode', structure: 'Hierarchal', isRequired: true },
  { name: 'Cost Type', type: 'CostType', structure: 'Flat', isRequired: true },
  { name: 'Phase', type: 'Custom', structure: 'Flat', isRequired: false },
  { name: 'Area', type: 'Custom', structure: 'Hierarchal', isRequired: false },
  { name: 'Legacy Division', type: 'Custom', structure: 'Flat', isRequired: false },
];

export function generateWbsSegments(world: World): void {
  const rng = world.rng('wbs-segments');
  // Cost code and cost type always; custom segments by chance; the legacy one retired.
  SEGMENTS.forEach((segment, i) => {
    if (segment.type === 'Custom' && segment.name !== 'Legacy Division' && !rng.chance(0.7)) return;
    world.insert(T.wbsSegments, {
      id: FIRST_SEGMENT_ID + i,
      name: segment.name,
      type: segment.type,
      structure: segment.structure,
      isActive: segment.name !== 'Legacy Division',
      isRequired: segment.isRequired,
    });
  });
}
