/**
 * The pricebook (categories, services, materials, equipment) and the membership catalogue
 * (invoice templates, recurring service types, membership types).
 */
import { T } from '../data/names.js';
import { build } from './fill.js';
import { refTimes } from './common.js';
import type { World } from './world.js';

const SERVICE_NAMES = [
  'Diagnostic Fee',
  'Replace Dual Run Capacitor',
  'Replace Contactor',
  'Refrigerant Recharge (per lb)',
  'Clean Condenser Coil',
  'Replace Blower Motor',
  'Replace Igniter',
  'Flush Water Heater',
  'Snake Main Line',
  'Hydro Jet Drain',
  'Replace Wax Ring',
  'Replace Breaker',
  'Install GFCI Outlet',
  'AC Tune-Up',
  'Furnace Tune-Up',
  'Thermostat Install',
  'Duct Sealing',
  'Replace TXV',
  'Replace Flapper',
  'Install Surge Protector',
];
const MATERIAL_NAMES = [
  'CAP-45/5',
  'CAP-35/5',
  'Contactor 2P 30A',
  'R-410A (lb)',
  'Hot Surface Igniter',
  'Flame Sensor',
  'Condensate Pump',
  'PVC 3/4in (10ft)',
  'Wax Ring',
  'Flapper',
  'GFCI Outlet',
  'Breaker 20A',
  'Filter 16x25x1',
  'Filter 20x25x4',
  'TXV 3 Ton',
  'Thermostat Wire (ft)',
  'Teflon Tape',
  'Copper 3/8 (ft)',
  'Disconnect 60A',
  'Surge Protector',
];
const EQUIPMENT_NAMES: ReadonlyArray<readonly [string, string]> = [
  ['3 Ton 16 SEER Heat Pump', 'Heat Pump'],
  ['4 Ton 16 SEER Heat Pump', 'Heat Pump'],
  ['3 Ton 14 SEER AC', 'Air Conditioner'],
  ['80k BTU Furnace', 'Furnace'],
  ['50 Gal Gas Water Heater', 'Water Heater'],
  ['Tankless Water Heater', 'Water Heater'],
  ['Smart Thermostat', 'Thermostat'],
  ['Air Handler 3 Ton', 'Air Handler'],
  ['Water Softener', 'Water Softener'],
  ['200A Panel', 'Electrical Panel'],
];

export function generatePricebook(world: World): void {
  const rng = world.rng('pricebook');
  const bus = world.pool(T.businessUnits);
  const vendors = world.pool(T.vendors);
  const gl = world.pool(T.glAccounts);

  const topCategories: ReadonlyArray<readonly [string, 'Services' | 'Materials']> = [
    ['HVAC Repair', 'Services'],
    ['HVAC Maintenance', 'Services'],
    ['Plumbing Repair', 'Services'],
    ['Drains', 'Services'],
    ['Electrical', 'Services'],
    ['HVAC Parts', 'Materials'],
    ['Plumbing Parts', 'Materials'],
    ['Electrical Parts', 'Materials'],
    ['Filters', 'Materials'],
    ['Refrigerant', 'Materials'],
  ];
  topCategories.forEach(([name, categoryType], position) => {
    const times = refTimes(world, rng);
    const id = world.ids.next(times.createdMs);
    const subs = Array.from({ length: rng.int(0, 2) }, (_, i) => ({
      id: world.ids.next(times.createdMs),
      name: `${name} ${['Basic', 'Premium'][i]}`,
      active: true,
      description: null,
      image: null,
      parentId: id,
      position: i,
      categoryType,
      subcategories: [],
      businessUnitIds: [],
      skuImages: [],
      skuVideos: [],
      source: null,
      externalId: null,
      hideInMobile: false,
      createdOn: world.stamp(times.createdMs),
      modifiedOn: world.stamp(times.modifiedMs),
    }));
    world.insert(
      T.pricebookCategories,
      build(world, T.pricebookCategories, rng, times, {
        id,
        name,
        active: true,
        description: null,
        image: null,
        parentId: null,
        position,
        categoryType,
        subcategories: subs,
        businessUnitIds: rng.sample(bus, 2),
        skuImages: [],
        skuVideos: [],
        source: null,
        externalId: null,
        hideInMobile: false,
      }),
    );
  });
  const categories = world.pool(T.pricebookCategories);
  const categoryRef = (id: number) => ({ id, name: (world.record(T.pricebookCategories, id)?.name as string) ?? '', active: true });

  const vendorRef = (cost: number) => {
    const vendorId = rng.pick(vendors);
    return {
      id: world.ids.next(world.originMs),
      vendorName: (world.record(T.vendors, vendorId)?.name as string) ?? '',
      vendorId,
      memo: null,
      vendorPart: `VP-${rng.int(1000, 9999)}`,
      cost,
      active: true,
      primarySubAccount: null,
      otherSubAccounts: [],
    };
  };

  const materialCount = Math.max(MATERIAL_NAMES.length, world.count(120, 20));
  for (let i = 0; i < materialCount; i++) {
    const code = i < MATERIAL_NAMES.length ? MATERIAL_NAMES[i] : `MAT-${1000 + i}`;
    const cost = rng.money(1, 220);
    world.insert(
      T.pricebookMaterials,
      build(world, T.pricebookMaterials, rng, refTimes(world, rng), {
        code,
        displayName: code,
        description: `<p>${code}</p>`,
        cost,
        active: rng.chance(0.93),
        price: Math.round(cost * 2.4 * 100) / 100,
        memberPrice: Math.round(cost * 2.1 * 100) / 100,
        addOnPrice: Math.round(cost * 2.2 * 100) / 100,
        addOnMemberPrice: Math.round(cost * 2 * 100) / 100,
        hours: 0,
        bonus: 0,
        commissionBonus: 0,
        paysCommission: true,
        deductAsJobCost: false,
        unitOfMeasure: 'Each',
        isInventory: true,
        account: 'Service Income',
        costOfSaleAccount: 'COGS Materials',
        assetAccount: 'Inventory Asset',
        taxable: true,
        primaryVendor: vendorRef(cost),
        otherVendors: [],
        categories: [rng.pick(categories.slice(5))],
        assets: [],
        source: null,
        externalId: null,
        externalData: null,
        isConfigurableMaterial: false,
        chargeableByDefault: true,
        variationsOrConfigurableMaterials: [],
        businessUnitId: null,
        generalLedgerAccountId: gl[0],
        isOtherDirectCost: false,
        costTypeId: null,
        defaultAssetUrl: null,
        isChemical: false,
        epaNumber: null,
        activeIngredients: null,
      }),
    );
  }
  const materials = world.pool(T.pricebookMaterials);

  const serviceCount = Math.max(SERVICE_NAMES.length, world.count(60, 20));
  for (let i = 0; i < serviceCount; i++) {
    const name = i < SERVICE_NAMES.length ? SERVICE_NAMES[i] : `Service ${1000 + i}`;
    const price = rng.money(89, 900);
    world.insert(
      T.pricebookServices,
      build(world, T.pricebookServices, rng, refTimes(world, rng), {
        code: `SVC-${100 + i}`,
        displayName: name,
        description: `<p>${name}</p>`,
        warranty: { duration: 12, description: '1 year labor' },
        categories: [categoryRef(rng.pick(categories.slice(0, 5)))],
        price,
        memberPrice: Math.round(price * 0.85 * 100) / 100,
        addOnPrice: price,
        addOnMemberPrice: Math.round(price * 0.85 * 100) / 100,
        taxable: false,
        account: 'Service Income',
        hours: rng.pick([0.5, 1, 1.5, 2, 3]),
        isLabor: true,
        recommendations: [],
        upgrades: [],
        assets: [],
        serviceMaterials: rng.chance(0.5) ? [{ skuId: rng.pick(materials), quantity: 1 }] : [],
        serviceEquipment: [],
        active: rng.chance(0.94),
        crossSaleGroup: null,
        paysCommission: true,
        bonus: 0,
        commissionBonus: 0,
        source: null,
        externalId: null,
        externalData: null,
        businessUnitId: null,
        cost: Math.round(price * 0.2 * 100) / 100,
        soldByCommission: 0,
        defaultAssetUrl: null,
        budgetCostCode: null,
        budgetCostType: null,
        isPriceLocked: false,
      }),
    );
  }

  const equipmentTypes = world.pool(T.equipmentTypes);
  const equipmentCount = Math.max(EQUIPMENT_NAMES.length, world.count(30, 10));
  for (let i = 0; i < equipmentCount; i++) {
    const [name] = EQUIPMENT_NAMES[i % EQUIPMENT_NAMES.length];
    const cost = rng.money(300, 6000);
    world.insert(
      T.pricebookEquipment,
      build(world, T.pricebookEquipment, rng, refTimes(world, rng), {
        code: `EQ-${200 + i}`,
        displayName: i < EQUIPMENT_NAMES.length ? name : `${name} (${i})`,
        description: `<p>${name}</p>`,
        active: rng.chance(0.9),
        price: Math.round(cost * 2.1),
        memberPrice: Math.round(cost * 1.95),
        addOnPrice: Math.round(cost * 2.1),
        addOnMemberPrice: Math.round(cost * 1.95),
        manufacturer: rng.pick(['Trane', 'Carrier', 'Rheem', 'Lennox', 'Goodman', 'Bradford White']),
        model: `M-${rng.int(1000, 9999)}`,
        manufacturerWarranty: { duration: 120, description: '10 year parts' },
        serviceProviderWarranty: { duration: 12, description: '1 year labor' },
        categories: [],
        assets: [],
        recommendations: [],
        upgrades: [],
        equipmentMaterials: [],
        primaryVendor: vendorRef(cost),
        otherVendors: [],
        account: 'Equipment Sales',
        costOfSaleAccount: 'COGS Equipment',
        assetAccount: null,
        crossSaleGroup: null,
        paysCommission: true,
        bonus: 0,
        commissionBonus: 0,
        hours: 6,
        taxable: true,
        cost,
        unitOfMeasure: 'Each',
        isInventory: false,
        source: null,
        externalId: null,
        externalData: null,
        isConfigurableEquipment: false,
        variationsOrConfigurableEquipment: [],
        typeId: equipmentTypes.length > 0 ? rng.pick(equipmentTypes) : null,
        displayInAmount: true,
        generalLedgerAccountId: gl[2],
        defaultAssetUrl: null,
        dimensions: null,
        budgetCostCode: null,
        budgetCostType: null,
        isCostLocked: false,
        isPriceLocked: false,
      }),
    );
  }
}

export function generateMembershipCatalog(world: World): void {
  const rng = world.rng('membership-catalog');
  const services = world.pool(T.pricebookServices);
  const jobTypes = world.pool(T.jobTypes);
  const bus = world.pool(T.businessUnits);

  [
    'Annual Membership Invoice',
    'Monthly Membership Invoice',
    'Tune-Up Visit',
    'Plumbing Inspection',
    'Commercial PM Visit',
    'Filter Change',
  ].forEach((name, i) => {
    const price = rng.pick([14.95, 19.95, 179, 199, 249, 89]);
    world.insert(
      T.invoiceTemplates,
      build(world, T.invoiceTemplates, rng, refTimes(world, rng), {
        name,
        active: true,
        total: price,
        isSettingsTemplate: i < 2,
        importId: null,
        items: [
          {
            id: world.ids.next(world.originMs),
            skuId: rng.pick(services),
            skuType: 'Service',
            quantity: 1,
            unitPrice: price,
            isAddOn: false,
            importId: null,
            workflowActionItemId: null,
            description: `<p>${name}</p>`,
            cost: 0,
            hours: 1,
          },
        ],
      }),
    );
  });
  const templates = world.pool(T.invoiceTemplates);

  (
    [
      ['Spring AC Tune-Up', ['March', 'April', 'May']],
      ['Fall Furnace Tune-Up', ['September', 'October', 'November']],
      ['Annual Plumbing Inspection', ['January']],
      ['Quarterly Commercial PM', ['January', 'April', 'July', 'October']],
      ['Filter Change', ['February', 'May', 'August', 'November']],
      ['Water Heater Flush', ['June']],
    ] as const
  ).forEach(([name, months]) => {
    world.insert(
      T.recurringServiceTypes,
      build(world, T.recurringServiceTypes, rng, refTimes(world, rng), {
        active: true,
        recurrenceType: 'Seasonal',
        recurrenceInterval: 1,
        recurrenceMonths: [...months],
        durationType: 'Continuous',
        durationLength: 0,
        invoiceTemplateId: rng.pick(templates),
        businessUnitId: bus[bus.length - 1],
        jobTypeId: jobTypes[16 % jobTypes.length],
        priority: 'Normal',
        campaignId: null,
        jobSummary: name,
        name,
        importId: null,
      }),
    );
  });
  const rsTypes = world.pool(T.recurringServiceTypes);

  (
    [
      ['Comfort Club', 'Annual', 179],
      ['Comfort Club Monthly', 'Monthly', 14.95],
      ['Plumbing Protection', 'Annual', 149],
      ['Total Home Plan', 'Annual', 299],
      ['Commercial Care', 'Quarterly', 450],
    ] as const
  ).forEach(([name, billingFrequency, price], i) => {
    const times = refTimes(world, rng);
    const typeId = world.ids.next(times.createdMs);
    // Null elements inside durationBilling are a real-world quirk (reference §9.5).
    const durationBilling: Array<Record<string, unknown> | null> = [
      { duration: 12, billingFrequency, salePrice: price, billingPrice: price, renewalPrice: price },
    ];
    if (i % 2 === 0) durationBilling.push(null);
    world.insert(
      T.membershipTypes,
      build(world, T.membershipTypes, rng, times, {
        id: typeId,
        importId: null,
        billingTemplateId: templates[i % 2],
        discount: 15,
        durationBilling,
        discounts: [],
        recurringServices: rng.sample(rsTypes, 2).map((recurringServiceTypeId) => ({
          membershipTypeId: typeId,
          recurringServiceTypeId,
          offset: 0,
          offsetType: 'Months',
          allocation: 0,
        })),
        tagTypeIds: [],
        name,
        displayName: name,
        active: i < 4,
        discountMode: 'Basic',
        locationTarget: 'SingleLocation',
        revenueRecognitionMode: 'Deferred',
        autoCalculateInvoiceTemplates: false,
        useMembershipPricingTable: false,
        showMembershipSavings: true,
      }),
    );
  });
}
