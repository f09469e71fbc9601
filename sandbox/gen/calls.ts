/** Phone calls (telecom v2 export shape). `excuseMemo` and `tag` arrive null although required (§9.5). */
import type { Rng } from '../random.js';
import type { Rec } from '../data/table.js';
import { T } from '../data/names.js';
import { duration } from '../time.js';
import { build } from './fill.js';
import { named } from './common.js';
import { phone } from './values.js';
import type { World } from './world.js';

export interface CallParties {
  customer: Rec | null;
  location: Rec | null;
  campaignId: number | null;
  reasonId: number | null;
  type: 'Booked' | 'Unbooked' | 'Abandoned' | 'Excused' | 'NotLead' | null;
  direction: 'Inbound' | 'Outbound';
}

export function createCall(world: World, rng: Rng, parties: CallParties, createdMs: number): Rec {
  const agentId = rng.pick(world.pool(T.employees));
  const agent = world.record(T.employees, agentId)!;
  const seconds = parties.type === 'Abandoned' ? rng.int(3, 40) : rng.int(45, 900);
  const modifiedMs = createdMs + seconds * 1000 + rng.int(1000, 30_000);
  const id = world.ids.next(createdMs);
  const call = build(
    world,
    T.calls,
    rng,
    { createdMs, modifiedMs },
    {
      id,
      duration: duration(seconds),
      from: parties.direction === 'Inbound' ? phone(rng) : '4805550000',
      to: parties.direction === 'Inbound' ? '4805550000' : phone(rng),
      direction: parties.direction,
      status: parties.type === 'Abandoned' ? 'Answered' : 'Completed',
      type: parties.type,
      recordingUrl: parties.type === 'Abandoned' ? null : `https://recordings.example.com/calls/${id}.mp3`,
      voiceMailPath: null,
      reason: parties.reasonId === null ? null : named(world, T.callReasons, parties.reasonId),
      customer: parties.customer ? { id: parties.customer.id, name: parties.customer.name } : null,
      location: parties.location ? { id: parties.location.id, name: parties.location.name } : null,
      campaign: parties.campaignId === null ? null : named(world, T.campaigns, parties.campaignId),
      job: null,
      agent: { id: agentId, name: agent.loginName },
      createdBy: null,
      excuseMemo: null,
      tag: null,
      active: true,
      lead: null,
    },
  );
  world.insert(T.calls, call);
  return call;
}

/** A call that did not book a job (abandoned, unbooked, excused, not a lead, or outbound). */
export function createOtherCall(world: World, rng: Rng, createdMs: number): Rec {
  const customerId = world.pool(T.customers).length > 0 && rng.chance(0.6) ? rng.pick(world.pool(T.customers)) : null;
  const customer = customerId === null ? null : (world.record(T.customers, customerId) ?? null);
  const direction = rng.chance(0.2) ? 'Outbound' : 'Inbound';
  const type =
    direction === 'Outbound'
      ? null
      : rng.weighted([
          ['Unbooked', 4],
          ['Abandoned', 3],
          ['Excused', 2],
          ['NotLead', 3],
        ] as const);
  return createCall(
    world,
    rng,
    {
      customer,
      location: null,
      campaignId: rng.chance(0.7) ? rng.pick(world.pool(T.campaigns)) : null,
      reasonId: type === 'Abandoned' || type === null ? null : rng.pick(world.pool(T.callReasons)),
      type,
      direction,
    },
    createdMs,
  );
}
