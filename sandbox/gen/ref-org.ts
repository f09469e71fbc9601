/**
 * The contractor's organisation: business units, tag types, user roles, zones, teams, employees,
 * technicians and their payroll settings. Generated first: everything else points at these.
 */
import { T } from '../data/names.js';
import { DAY, duration, midnight } from '../time.js';
import { build } from './fill.js';
import { refTimes } from './common.js';
import { address, COMPANY, emailFor, personName, phone } from './values.js';
import type { World } from './world.js';

const BUSINESS_UNITS: ReadonlyArray<readonly [string, string, string]> = [
  ['Residential Service', 'HVAC', 'Residential'],
  ['Residential Install', 'HVAC', 'Residential'],
  ['HVAC Sales', 'HVAC', 'Residential'],
  ['Commercial Service', 'HVAC', 'Commercial'],
  ['Plumbing Service', 'Plumbing', 'Residential'],
  ['Plumbing Install', 'Plumbing', 'Residential'],
  ['Electrical Service', 'Electrical', 'Residential'],
  ['Maintenance', 'HVAC', 'Residential'],
];

const TAG_TYPES = [
  'VIP',
  'Do Not Service',
  'Member',
  'New Construction',
  'Warranty',
  'Dog On Site',
  'Gate Code',
  'Elderly',
  'Commercial Priority',
  'Referral',
  'Financing',
  'Second Opinion',
  'Rental Property',
  'Callback',
  'Spanish',
  'Google Lead',
];

const ROLES: ReadonlyArray<readonly [string, 'Employee' | 'Technician']> = [
  ['Admin', 'Employee'],
  ['CSR', 'Employee'],
  ['Dispatcher', 'Employee'],
  ['Accounting', 'Employee'],
  ['Service Manager', 'Employee'],
  ['Field Technician', 'Technician'],
  ['Installer', 'Technician'],
  ['Comfort Advisor', 'Technician'],
  ['Apprentice', 'Technician'],
];

const ZONES = ['East Valley', 'West Mesa', 'Gilbert North', 'Gilbert South', 'Chandler', 'Tempe', 'Scottsdale', 'Queen Creek'];
const TEAMS = ['North', 'South', 'Install Crew', 'Commercial'];
const EMPLOYEE_ROLES = ['CSR', 'Dispatch', 'Accounting', 'GeneralOffice', 'Admin', 'SalesManager', 'FieldManager'];

export function generateOrganisation(world: World): void {
  const rng = world.rng('org');
  const tenant = {
    id: Number(world.tenantId),
    name: COMPANY,
    accountCode: null,
    franchiseId: null,
    conceptCode: null,
    modifiedOn: midnight(world.originMs),
  };

  BUSINESS_UNITS.forEach(([name, trade, division]) => {
    const times = refTimes(world, rng);
    const addr = address(rng);
    world.insert(
      T.businessUnits,
      build(world, T.businessUnits, rng, times, {
        active: true,
        name,
        officialName: COMPANY,
        email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@larkspur.example.com`,
        currency: 'USD',
        phoneNumber: phone(rng),
        invoiceHeader: null,
        invoiceMessage: null,
        defaultTaxRate: 0.0805,
        authorizationParagraph: null,
        acknowledgementParagraph: null,
        address: { ...addr, isManualCoordinates: false, isMilitary: false },
        materialSku: null,
        quickbooksClass: trade,
        accountCode: null,
        franchiseId: null,
        conceptCode: null,
        corporateContractNumber: null,
        trade: { id: 1 + ['HVAC', 'Plumbing', 'Electrical'].indexOf(trade), name: trade },
        division: { id: division === 'Residential' ? 1 : 2, name: division },
        tagTypeIds: [],
        tenant,
        externalData: null,
        certifiedSentriconSpecialistCode: null,
      }),
    );
  });

  for (const name of TAG_TYPES) {
    world.insert(
      T.tagTypes,
      build(world, T.tagTypes, rng, refTimes(world, rng), {
        name,
        code: name
          .toUpperCase()
          .replace(/[^A-Z]+/g, '')
          .slice(0, 6),
        active: true,
      }),
    );
  }

  for (const [name, employeeType] of ROLES) {
    world.insert(T.userRoles, build(world, T.userRoles, rng, refTimes(world, rng), { active: true, name, employeeType }));
  }

  const businessUnits = world.pool(T.businessUnits);
  for (const name of ZONES) {
    const cityZips = Array.from({ length: rng.int(2, 5) }, () => address(rng).zip as string);
    world.insert(
      T.zones,
      build(world, T.zones, rng, refTimes(world, rng), {
        active: true,
        name,
        zips: cityZips,
        cities: [name.split(' ')[0]],
        territoryNumbers: [],
        locnNumbers: [],
        serviceDaysEnabled: false,
        serviceDays: [],
        businessUnits: rng.sample(businessUnits, 2),
        technicians: [],
      }),
    );
  }
  for (const name of TEAMS) {
    world.insert(T.teams, build(world, T.teams, rng, refTimes(world, rng), { active: true, name }));
  }

  const employeeCount = world.count(24, 6);
  for (let i = 0; i < employeeCount; i++) {
    const p = personName(rng);
    const times = refTimes(world, rng);
    const terminated = i > 4 && rng.chance(0.1);
    world.insert(
      T.employees,
      build(world, T.employees, rng, times, {
        customFields: [],
        permissions: null,
        userId: world.ids.next(times.createdMs),
        name: p.full,
        firstName: p.first,
        lastName: p.last,
        managerId: null,
        role: rng.pick(EMPLOYEE_ROLES),
        roleIds: [world.pool(T.userRoles)[rng.int(0, 4)]],
        businessUnitId: rng.pick(businessUnits),
        email: emailFor(p.full, rng),
        phoneNumber: phone(rng),
        loginName: `${p.first[0]}${p.last}`.toLowerCase(),
        active: !terminated,
        aadUserId: null,
        accountLocked: false,
        home: { street: null, unit: null, country: null, city: null, state: null, zip: null },
        agentId: 0,
        startDate: midnight(times.createdMs),
        terminationDate: terminated ? midnight(times.modifiedMs) : null,
        hourlyRate: rng.int(18, 34),
        overtimeProfileId: null,
      }),
    );
  }

  const technicianCount = world.count(36, 5);
  const zones = world.pool(T.zones);
  for (let i = 0; i < technicianCount; i++) {
    const p = personName(rng);
    const times = refTimes(world, rng);
    const home = address(rng);
    const mainZoneId = rng.pick(zones);
    const skill = rng.pick(['HVAC', 'Plumbing', 'Electrical']);
    const active = i < 3 || !rng.chance(0.08);
    world.insert(
      T.technicians,
      build(world, T.technicians, rng, times, {
        userId: world.ids.next(times.createdMs),
        name: p.full,
        roleIds: [world.pool(T.userRoles)[5 + (i % 4)]],
        businessUnitId: rng.pick(businessUnits),
        mainZoneId,
        zoneIds: [mainZoneId, ...rng.sample(zones, 1).filter((z) => z !== mainZoneId)],
        email: emailFor(p.full, rng),
        phoneNumber: phone(rng),
        loginName: `${p.first[0]}${p.last}`.toLowerCase(),
        home: {
          street: home.street,
          unit: null,
          country: 'USA',
          city: home.city,
          state: 'AZ',
          zip: home.zip,
          streetAddress: home.street,
          latitude: home.latitude,
          longitude: home.longitude,
        },
        dailyGoal: rng.pick([1000, 1500, 2000, 2500]),
        isManagedTech: true,
        licenseType: 'ManagedTech',
        customFields: [],
        active,
        aadUserId: null,
        burdenRate: rng.int(8, 16),
        team: rng.pick(TEAMS),
        permissions: null,
        accountLocked: false,
        commissionRate: 0.05,
        currentValue: null,
        firstName: p.first,
        lastName: p.last,
        hourlyRate: rng.int(24, 45),
        jobId: null,
        mobilePhone: phone(rng),
        outboundCallerId: null,
        payrollId: `E${1000 + i}`,
        payrollProfileId: null,
        appoitmentId: null,
        shiftStart: duration(7 * 3600),
        shiftEnd: duration(16 * 3600),
        soldByRate: 0.03,
        startDate: midnight(times.createdMs),
        status: active ? 'Idle' : 'Offline' /* not in the SPEC enum: real enums grow */,
        skills: [{ id: 30 + ['HVAC', 'Plumbing', 'Electrical'].indexOf(skill), name: skill }],
        positions: [rng.pick(['Service', 'Installer', 'Sales', 'Maintenance'])],
        location: {
          latitude: home.latitude,
          longitude: home.longitude,
          coordinatesUpdatedOn: midnight(world.clockMs - rng.int(0, 5) * DAY),
        },
        bio: null,
        memo: null,
      }),
    );
  }

  // Payroll settings: one row per technician and per employee (composite key employeeType + employeeId).
  for (const [table, employeeType] of [
    [T.technicians, 'Technician'],
    [T.employees, 'Employee'],
  ] as const) {
    for (const id of world.pool(table)) {
      const person = world.record(table, id)!;
      world.insert(
        T.payrollSettings,
        build(world, T.payrollSettings, rng, refTimes(world, rng), {
          employeeId: id,
          employeeType,
          externalPayrollId: (person.payrollId as string | undefined) ?? null,
          hourlyRate: person.hourlyRate,
          managerId: null,
          payrollBusinessUnitId: person.businessUnitId,
          isIncludedInPayroll: true,
          hireDate: person.startDate,
          active: person.active,
          customFields: [],
        }),
      );
    }
  }
}
