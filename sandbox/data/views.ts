/**
 * Record views for endpoints whose item shape differs from the table's record: telecom calls
 * v3 and v2 lists (built from the v2 export call), and a generic projection onto a list's SPEC
 * field list (fields the record lacks are sent as null: every non-key field is nullable in practice).
 */
import { fieldNames, type ObjectShape } from '../shapes/index.js';
import type { Rec } from './table.js';
import { T } from './names.js';
import type { World } from '../gen/world.js';
import type { ViewName } from './aliases.js';

function pick(rec: Rec | undefined, fields: string[]): Rec | null {
  if (!rec) return null;
  const out: Rec = {};
  for (const f of fields) out[f] = rec[f] ?? null;
  return out;
}

function leadCallOf(world: World, call: Rec): Rec {
  const reason = call.reason as Rec | null;
  const reasonRec = reason ? world.record(T.callReasons, reason.id as number) : undefined;
  const agent = call.agent as Rec | null;
  return {
    createdOn: call.createdOn,
    active: call.active,
    id: call.id,
    receivedOn: call.createdOn,
    duration: call.duration,
    from: call.from,
    to: call.to,
    direction: call.direction,
    callType: call.type,
    reason: reason ? { id: reason.id, name: reason.name, lead: reasonRec?.isLead ?? false, active: reasonRec?.active ?? true } : null,
    recordingUrl: call.recordingUrl,
    voiceMailUrl: call.voiceMailPath,
    createdBy: call.createdBy,
    customer: call.customer,
    campaign: call.campaign,
    modifiedOn: call.modifiedOn,
    agent: agent ? { id: agent.id, name: agent.name, externalId: null } : null,
    sid: null,
    tags: [],
  };
}

function jobOfCall(world: World, call: Rec): Rec | undefined {
  const job = call.job as Rec | null;
  return job ? world.record(T.jobs, job.id as number) : undefined;
}

function callV3(world: World, call: Rec): Rec {
  const job = jobOfCall(world, call);
  const bu = job ? world.record(T.businessUnits, job.businessUnitId as number) : undefined;
  const jobType = job ? world.record(T.jobTypes, job.jobTypeId as number) : undefined;
  return {
    id: call.id,
    jobNumber: job ? job.jobNumber : null,
    projectId: job ? (job.projectId ?? null) : null,
    businessUnit: bu ? { id: bu.id, name: bu.name } : null,
    type: jobType ? { id: jobType.id, name: jobType.name, modifiedOn: jobType.modifiedOn } : null,
    leadCall: leadCallOf(world, call),
  };
}

function callV2(world: World, call: Rec): Rec {
  const v3 = callV3(world, call);
  const job = jobOfCall(world, call);
  const bu = job ? world.record(T.businessUnits, job.businessUnitId as number) : undefined;
  const customerRef = call.customer as Rec | null;
  const customer = customerRef ? world.record(T.customers, customerRef.id as number) : undefined;
  const campaignRef = call.campaign as Rec | null;
  const campaign = campaignRef ? world.record(T.campaigns, campaignRef.id as number) : undefined;
  const lead = v3.leadCall as Rec;
  const { createdOn, active, ...leadRest } = lead;
  return {
    ...v3,
    businessUnit: pick(bu, [
      'id',
      'active',
      'name',
      'officialName',
      'email',
      'currency',
      'phoneNumber',
      'invoiceHeader',
      'invoiceMessage',
      'defaultTaxRate',
      'authorizationParagraph',
      'acknowledgementParagraph',
      'address',
      'materialSku',
      'quickbooksClass',
      'accountCode',
      'franchiseId',
      'conceptCode',
      'corporateContractNumber',
      'tenant',
      'modifiedOn',
    ]),
    leadCall: {
      ...leadRest,
      customer: customer
        ? {
            ...pick(customer, ['id', 'active', 'name']),
            email: null,
            balance: customer.balance,
            doNotMail: customer.doNotMail,
            address: customer.address,
            importId: null,
            doNotService: customer.doNotService,
            type: customer.type,
            contacts: [],
            mergedToId: customer.mergedToId,
            modifiedOn: customer.modifiedOn,
            memberships: [],
            hasActiveMembership: false,
            customFields: customer.customFields,
            createdOn: customer.createdOn,
            createdBy: customer.createdById,
            phoneSettings: [],
          }
        : null,
      campaign: campaign
        ? {
            ...pick(campaign, [
              'id',
              'name',
              'modifiedOn',
              'createdOn',
              'active',
              'isDefaultCampaign',
              'category',
              'source',
              'otherSource',
              'businessUnit',
              'medium',
              'otherMedium',
            ]),
            dnis: null,
          }
        : null,
      createdOn,
      active,
    },
  };
}

export type Render = (rec: Rec) => unknown;

/** The renderer of an endpoint, or null when the table's record is served as is. */
export function rendererFor(world: World, view: ViewName | undefined, listShape: ObjectShape | null, tableFields: string[]): Render | null {
  if (view === 'callV3') return (rec) => callV3(world, rec);
  if (view === 'callV2') return (rec) => callV2(world, rec);
  if (!listShape) return null;
  const fields = fieldNames(listShape);
  const same = fields.length === tableFields.length && fields.every((f, i) => f === tableFields[i]);
  return same ? null : (rec) => pick(rec, fields);
}
