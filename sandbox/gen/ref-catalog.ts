/**
 * Reference lists: job types, campaigns and their costs, call reasons, accounting lists (payment
 * types/terms, tax zones, GL accounts), job/project reasons and statuses, arrival windows, payroll
 * codes, timesheet activity setup, inventory vendors/warehouses/trucks, equipment types.
 */
import { T } from '../data/names.js';
import { DAY, duration } from '../time.js';
import { build } from './fill.js';
import { refTimes } from './common.js';
import { address, companyName, emailFor, personName, phone } from './values.js';
import type { World } from './world.js';

const JOB_TYPES: ReadonlyArray<readonly [string, string, number]> = [
  ['No Cool', 'HVAC', 7200],
  ['No Heat', 'HVAC', 7200],
  ['AC Tune-Up', 'HVAC', 5400],
  ['Furnace Tune-Up', 'HVAC', 5400],
  ['Heat Pump Install', 'HVAC', 28800],
  ['Ductwork Repair', 'HVAC', 14400],
  ['Thermostat Install', 'HVAC', 3600],
  ['Water Heater Repair', 'Plumbing', 7200],
  ['Water Heater Install', 'Plumbing', 14400],
  ['Drain Cleaning', 'Plumbing', 5400],
  ['Leak Detection', 'Plumbing', 7200],
  ['Toilet Repair', 'Plumbing', 3600],
  ['Repipe Estimate', 'Plumbing', 3600],
  ['Panel Upgrade', 'Electrical', 21600],
  ['Breaker Trip', 'Electrical', 5400],
  ['Outlet Repair', 'Electrical', 3600],
  ['Membership Visit', 'HVAC', 5400],
  ['Warranty Callback', 'HVAC', 3600],
  ['Commercial PM', 'HVAC', 10800],
  ['Comfort Consultation', 'HVAC', 5400],
  ['Air Quality Assessment', 'HVAC', 3600],
  ['Gas Leak', 'Plumbing', 5400],
  ['Sewer Camera', 'Plumbing', 3600],
  ['Generator Service', 'Electrical', 5400],
];

const CAMPAIGN_CATEGORIES: ReadonlyArray<readonly [string, 'Regular' | 'GoogleHomeServices']> = [
  ['Paid Search', 'Regular'],
  ['Local Services Ads', 'GoogleHomeServices'],
  ['Direct Mail', 'Regular'],
  ['Referral', 'Regular'],
  ['Vehicle Wraps', 'Regular'],
  ['Organic', 'Regular'],
];

const CAMPAIGNS: ReadonlyArray<readonly [string, number, string, string]> = [
  ['Google Ads', 0, 'Google', 'CPC'],
  ['Bing Ads', 0, 'Bing', 'CPC'],
  ['Google LSA', 1, 'Google', 'LSA'],
  ['Spring Postcard', 2, 'Mailer', 'Print'],
  ['Fall Postcard', 2, 'Mailer', 'Print'],
  ['Customer Referral', 3, 'Referral', 'Word of mouth'],
  ['Truck Wrap', 4, 'Vehicle', 'Outdoor'],
  ['Website', 5, 'Website', 'Organic'],
  ['Yelp', 0, 'Yelp', 'CPC'],
  ['Nextdoor', 5, 'Nextdoor', 'Social'],
  ['Facebook', 0, 'Facebook', 'Social'],
  ['Existing Customer', 3, 'Existing', 'Repeat'],
  ['Radio Spot', 2, 'Radio', 'Broadcast'],
  ['Home Show', 2, 'Event', 'Event'],
  ['Angi', 0, 'Angi', 'Lead'],
  ['Membership Renewal', 3, 'Existing', 'Repeat'],
  ['Builder Partner', 3, 'Partner', 'Referral'],
  ['Default', 5, 'Other', 'Other'],
];

const CALL_REASONS: ReadonlyArray<readonly [string, boolean]> = [
  ['No Cool', true],
  ['No Heat', true],
  ['Maintenance', true],
  ['Estimate Request', true],
  ['Water Heater', true],
  ['Drain Issue', true],
  ['Electrical Problem', true],
  ['Billing Question', false],
  ['Reschedule', false],
  ['Cancel Appointment', false],
  ['Warranty', true],
  ['Parts Status', false],
  ['Wrong Number', false],
  ['Solicitor', false],
];

export function generateCatalog(world: World): void {
  const rng = world.rng('catalog');
  const bus = world.pool(T.businessUnits);
  const tagTypes = world.pool(T.tagTypes);

  for (const [name, skill, seconds] of JOB_TYPES) {
    world.insert(
      T.jobTypes,
      build(world, T.jobTypes, rng, refTimes(world, rng), {
        name,
        businessUnitIds: rng.sample(bus, 2),
        skills: [skill],
        tagTypeIds: rng.chance(0.2) ? rng.sample(tagTypes, 1) : [],
        priority: rng.pick(['Normal', 'Normal', 'High', 'Low', 'Urgent']),
        duration: seconds,
        soldThreshold: 0,
        class: name.includes('Install') ? 'Install' : 'Service',
        // HTML in summary (reference §8.1).
        summary: rng.chance(0.5) ? `<p>${name}: <b>confirm</b> access before arrival</p>` : '',
        noCharge: name === 'Warranty Callback',
        enforceRecurringServiceEventSelection: false,
        invoiceSignaturesRequired: rng.chance(0.5),
        externalData: null,
        active: rng.chance(0.92),
        isSmartDispatched: false,
        defaultEstimateSoldAction: rng.pick(['None', 'CreateFollowUpJob', 'MarkJobAsSold']),
        customFieldTypeIds: [],
      }),
    );
  }

  CAMPAIGN_CATEGORIES.forEach(([name, type]) => {
    world.insert(T.marketingCategories, build(world, T.marketingCategories, rng, refTimes(world, rng), { name, active: true, type }));
  });
  const categories = world.pool(T.marketingCategories);
  CAMPAIGNS.forEach(([name, cat, source, medium]) => {
    const categoryId = categories[cat];
    world.insert(
      T.campaigns,
      build(world, T.campaigns, rng, refTimes(world, rng), {
        name,
        active: name === 'Default' || rng.chance(0.85),
        isDefaultCampaign: name === 'Default',
        category: { id: categoryId, name: CAMPAIGN_CATEGORIES[cat][0], active: true },
        source,
        otherSource: null,
        businessUnit: null,
        medium,
        otherMedium: null,
        campaignPhoneNumbers: rng.chance(0.7) ? [phone(rng)] : [],
      }),
    );
  });
  // Campaign costs: one row per campaign and month over the last six months (no active/modifiedOn).
  const months = 6;
  for (const campaignId of world.pool(T.campaigns)) {
    for (let back = months - 1; back >= 0; back--) {
      const d = new Date(world.clockMs - back * 30 * DAY);
      const createdMs = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
      world.insert(
        T.campaignCosts,
        build(
          world,
          T.campaignCosts,
          rng,
          { createdMs, modifiedMs: createdMs },
          {
            year: d.getUTCFullYear(),
            month: d.getUTCMonth() + 1,
            dailyCost: rng.money(5, 120),
            campaignId,
          },
        ),
      );
    }
  }

  for (const [name, isLead] of CALL_REASONS) {
    world.insert(T.callReasons, build(world, T.callReasons, rng, refTimes(world, rng), { name, isLead, active: rng.chance(0.93) }));
  }

  for (const name of ['Cash', 'Check', 'Credit Card', 'ACH', 'Financing', 'Gift Card', 'Warranty Credit', 'Other']) {
    world.insert(T.paymentTypes, build(world, T.paymentTypes, rng, refTimes(world, rng), { name }));
  }
  [
    ['Due Upon Receipt', 0],
    ['Net 15', 15],
    ['Net 30', 30],
    ['Net 45', 45],
    ['Net 60', 60],
  ].forEach(([name, days], i) => {
    world.insert(
      T.paymentTerms,
      build(world, T.paymentTerms, rng, refTimes(world, rng), {
        name,
        dueDayType: 'NumberOfDays',
        dueDay: days,
        isCustomerDefault: i === 0,
        isVendorDefault: i === 2,
        active: true,
        inUse: i < 3,
      }),
    );
  });
  // Seven tax zones; locations use only the first five, so the last two may be hard-deleted safely.
  ['Maricopa County', 'Mesa City', 'Gilbert Town', 'Chandler City', 'Tempe City', 'Pinal County', 'Legacy Zone'].forEach((name, i) => {
    const rate = [0.0805, 0.083, 0.078, 0.078, 0.081, 0.067, 0.07][i];
    world.insert(
      T.taxZones,
      build(world, T.taxZones, rng, refTimes(world, rng), {
        name,
        color: rng.int(0, 0xffffff),
        isTaxRateSeparated: false,
        isMultipleTaxZone: false,
        active: true,
        rates: [
          {
            id: world.ids.next(world.originMs),
            taxName: `${name} Sales Tax`,
            taxBaseType: ['Subtotal'],
            taxRate: rate,
            salesTaxItem: null,
          },
        ],
      }),
    );
  });
  const glNames: ReadonlyArray<readonly [string, string, string, string]> = [
    ['Service Income', '4000', 'Income', 'Revenue'],
    ['Install Income', '4100', 'Income', 'Revenue'],
    ['Equipment Sales', '4200', 'Income', 'Revenue'],
    ['Membership Revenue', '4300', 'Income', 'MembershipRevenue'],
    ['Undeposited Funds', '1200', 'Bank', 'UndepositedFunds'],
    ['Operating Account', '1000', 'Bank', 'CheckingAccount'],
    ['Accounts Receivable', '1100', 'Accounts Receivable', 'AccountsReceivable'],
    ['Inventory Asset', '1300', 'Other Current Asset', 'Inventory'],
    ['Accounts Payable', '2000', 'Accounts Payable', 'AccountsPayable'],
    ['Sales Tax Payable', '2200', 'Other Current Liability', 'SalesTaxPayable'],
    ['COGS Materials', '5000', 'Cost of Goods Sold', 'CostOfGoodsSoldMaterials'],
    ['COGS Equipment', '5100', 'Cost of Goods Sold', 'CostOfGoodsSoldEquipment'],
    ['Payroll Labor', '6000', 'Expense', 'PayrollLabor'],
    ['Refunds', '4900', 'Income', 'Refunds'],
  ];
  for (const [name, number, type, defaultAccountType] of glNames) {
    world.insert(
      T.glAccounts,
      build(world, T.glAccounts, rng, refTimes(world, rng), {
        name,
        number,
        description: null,
        type,
        subtype: null,
        active: true,
        isIntacctGroup: false,
        isIntacctBankAccount: false,
        source: 'AccountingSystem',
        defaultAccountType,
      }),
    );
  }

  for (const name of ['Customer Canceled', 'Scheduling Conflict', 'Price Too High', 'Went With Competitor', 'Duplicate Job', 'Weather']) {
    world.insert(T.jobCancelReasons, build(world, T.jobCancelReasons, rng, refTimes(world, rng), { name, active: true }));
  }
  for (const name of ['Waiting On Parts', 'Waiting On Customer', 'Financing Pending', 'Permit Pending', 'Needs Second Visit']) {
    world.insert(T.jobHoldReasons, build(world, T.jobHoldReasons, rng, refTimes(world, rng), { name, active: true }));
  }
  ['Planning', 'Permitting', 'In Progress', 'Inspection', 'Completed', 'Canceled'].forEach((name, order) => {
    world.insert(T.projectStatuses, build(world, T.projectStatuses, rng, refTimes(world, rng), { name, order }));
  });
  const statuses = world.pool(T.projectStatuses);
  ['Awaiting Deposit', 'Design', 'Submitted', 'Approved', 'Rough-In', 'Trim-Out', 'Passed', 'Failed', 'Closed'].forEach((name, i) => {
    world.insert(
      T.projectSubStatuses,
      build(world, T.projectSubStatuses, rng, refTimes(world, rng), {
        name,
        statusId: statuses[Math.min(statuses.length - 1, Math.floor(i / 2))],
        order: i,
        active: true,
      }),
    );
  });
  for (const name of ['System Replacement', 'New Construction', 'Commercial Retrofit', 'Repipe']) {
    world.insert(T.projectTypes, build(world, T.projectTypes, rng, refTimes(world, rng), { name, description: `${name} projects` }));
  }

  [
    [8, 2],
    [10, 2],
    [12, 2],
    [14, 2],
    [8, 4],
  ].forEach(([startHour, hours]) => {
    world.insert(
      T.arrivalWindows,
      build(world, T.arrivalWindows, rng, refTimes(world, rng), {
        start: duration(startHour * 3600),
        duration: duration(hours * 3600),
        businessUnitIds: rng.sample(bus, 3),
        active: true,
      }),
    );
  });

  (
    [
      ['Regular Time', 'REG', 'Timesheet'],
      ['Overtime', 'OT', 'Timesheet'],
      ['Sales Commission', 'COM', 'Commission'],
      ['Spiff', 'SPF', 'Commission'],
      ['Mileage', 'MIL', 'Reimbursement'],
      ['Tools', 'TLS', 'Reimbursement'],
      ['Training', 'TRN', 'Timesheet'],
      ['Holiday', 'HOL', 'Timesheet'],
    ] as const
  ).forEach(([name, code, earningCategory]) => {
    world.insert(
      T.activityCodes,
      build(world, T.activityCodes, rng, refTimes(world, rng), {
        name,
        code,
        earningCategory,
        isDiscretionary: earningCategory !== 'Timesheet',
        active: true,
      }),
    );
  });
  (
    [
      ['SHOP', 'Shop time', 'Paid'],
      ['MEET', 'Meeting', 'Paid'],
      ['LUNCH', 'Lunch', 'Unpaid'],
      ['PTO', 'Paid time off', 'PaidTimeOff'],
      ['TRAIN', 'Training', 'Paid'],
      ['CLOCK', 'Clock in/out', 'ClockInOut'],
      ['SUPPLY', 'Supply house', 'Paid'],
      ['SICK', 'Sick', 'PaidTimeOff'],
    ] as const
  ).forEach(([code, description, type]) => {
    world.insert(
      T.timesheetCodes,
      build(world, T.timesheetCodes, rng, refTimes(world, rng), {
        code,
        description,
        type,
        applicableEmployeeType: 'All',
        rateInfo: { hourlyRate: 'EmployeeHourlyRate', customHourlyRate: null, rateMultiplier: 1 },
        active: true,
      }),
    );
  });
  (
    [
      ['Idle', 'Idle'],
      ['Meal', 'Meal'],
      ['PTO', 'PaidTimeOff'],
      ['On Job', 'OnJobActivities'],
      ['Training', 'Training'],
      ['Travel', 'Travel'],
      ['Other', 'Other'],
    ] as const
  ).forEach(([name, type]) => {
    world.insert(
      T.activityCategories,
      build(world, T.activityCategories, rng, refTimes(world, rng), {
        name,
        type,
        allowEdit: true,
        isDefault: type === 'Other',
        active: true,
      }),
    );
  });
  const categoriesOfActivities = world.pool(T.activityCategories);
  ['DRIVE', 'LUNCH', 'SHOP', 'TRAIN', 'WORK', 'PTO', 'SUPPLY', 'MEET', 'IDLE', 'OTHER'].forEach((code) => {
    world.insert(
      T.activityTypes,
      build(world, T.activityTypes, rng, refTimes(world, rng), {
        code,
        categoryId: rng.pick(categoriesOfActivities),
        description: `${code.toLowerCase()} activity`,
        businessUnitId: null,
        laborTypeId: null,
        visibleToRoles: [],
        defaultTagTypeIds: [],
        isArchived: false,
        isDraft: false,
        active: true,
      }),
    );
  });

  const vendorCount = 12;
  for (let i = 0; i < vendorCount; i++) {
    const contact = personName(rng);
    const addr = address(rng);
    world.insert(
      T.vendors,
      build(world, T.vendors, rng, refTimes(world, rng), {
        name: companyName(rng).replace(/ (HOA|Church|Apartments)$/, ' Supply'),
        active: rng.chance(0.9),
        isTruckReplenishment: i < 3,
        isMobileCreationRestricted: false,
        memo: '',
        deliveryOption: rng.pick(['Pickup', 'Delivery']),
        defaultTaxRate: 0.0805,
        contactInfo: { firstName: contact.first, lastName: contact.last, phone: phone(rng), email: emailFor(contact.full, rng), fax: '' },
        address: { street: addr.street, unit: null, city: addr.city, state: 'AZ', zip: addr.zip, country: 'USA' },
        externalData: [],
        customFields: [],
      }),
    );
  }
  for (const name of ['Main Warehouse', 'East Yard', 'Install Staging']) {
    const addr = address(rng);
    world.insert(
      T.warehouses,
      build(world, T.warehouses, rng, refTimes(world, rng), {
        name,
        active: true,
        address: { street: addr.street, unit: null, city: addr.city, state: 'AZ', zip: addr.zip, country: 'USA' },
        inventoryTemplateId: null,
        externalData: [],
      }),
    );
  }
  const techs = world.pool(T.technicians);
  const warehouses = world.pool(T.warehouses);
  techs.forEach((techId, i) => {
    world.insert(
      T.trucks,
      build(world, T.trucks, rng, refTimes(world, rng), {
        name: `Truck ${String(i + 1).padStart(2, '0')}`,
        active: true,
        memo: '',
        warehouseId: rng.pick(warehouses),
        technicianIds: [techId],
        inventoryTemplateId: null,
        externalData: [],
      }),
    );
  });
  for (const name of [
    'Air Conditioner',
    'Furnace',
    'Heat Pump',
    'Water Heater',
    'Air Handler',
    'Thermostat',
    'Water Softener',
    'Electrical Panel',
  ]) {
    world.insert(T.equipmentTypes, build(world, T.equipmentTypes, rng, refTimes(world, rng), { name, active: true }));
  }
}
