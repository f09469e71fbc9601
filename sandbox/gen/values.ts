/**
 * Word lists for a fictional contractor: Larkspur Heating, Cooling & Plumbing, Mesa AZ.
 * Every person, street and company name here is invented.
 */
import type { Rng } from '../random.js';

export const COMPANY = 'Larkspur Heating, Cooling & Plumbing';

export const FIRST_NAMES = [
  'Dana',
  'Luis',
  'Jordan',
  'Maya',
  'Ethan',
  'Priya',
  'Marcus',
  'Elena',
  'Tomas',
  'Grace',
  'Owen',
  'Keiko',
  'Andre',
  'Fatima',
  'Caleb',
  'Rosa',
  'Victor',
  'Hannah',
  'Isaac',
  'Lena',
  'Darius',
  'Nora',
  'Felix',
  'Amara',
  'Wyatt',
  'Sofia',
  'Reggie',
  'Ingrid',
  'Mateo',
  'Tessa',
  'Colin',
  'Yara',
  'Bennett',
  'Lucia',
  'Hugo',
  'Zoe',
] as const;

export const LAST_NAMES = [
  'Whitfield',
  'Ortega',
  'Smith',
  'Castillo',
  'Nguyen',
  'Patel',
  'Brennan',
  'Okafor',
  'Lindqvist',
  'Moreau',
  'Haddad',
  'Kowalski',
  'Reyes',
  'Tanaka',
  'Fischer',
  'Delgado',
  'Abernathy',
  'Sato',
  'Mbeki',
  'Quinlan',
  'Ferreira',
  'Holloway',
  'Ivanova',
  'Jameson',
  'Kaur',
  'Lachance',
  'Marlowe',
  'Novak',
  'Oyelaran',
  'Pruitt',
] as const;

export const STREET_NAMES = [
  'Larkspur Dr',
  'Mesquite St',
  'Saguaro Ave',
  'Palo Verde Ln',
  'Ocotillo Rd',
  'Juniper Way',
  'Cholla Ct',
  'Desert Willow Blvd',
  'Ironwood Dr',
  'Agave Pl',
  'Sonoran Loop',
  'Granite Reef Rd',
  'Camelback Ave',
  'Brown Rd',
  'University Dr',
  'Main St',
  'Broadway Rd',
  'Southern Ave',
  'Baseline Rd',
  'Guadalupe Rd',
] as const;

export const CITIES: ReadonlyArray<readonly [string, string, number, number]> = [
  ['Mesa', '852', 33.4152, -111.8315],
  ['Gilbert', '852', 33.3528, -111.789],
  ['Chandler', '852', 33.3062, -111.8413],
  ['Tempe', '852', 33.4255, -111.94],
  ['Scottsdale', '852', 33.4942, -111.9261],
  ['Queen Creek', '851', 33.2487, -111.6343],
  ['Apache Junction', '851', 33.4151, -111.5496],
];

export const COMPANY_WORDS = [
  'Sonoran',
  'Copperline',
  'Red Mountain',
  'Superstition',
  'Canal',
  'Eastmark',
  'Bluebird',
  'Ridgeview',
  'Sunstone',
  'Mesa Verde',
  'Granite',
  'Lakeshore',
] as const;

export const COMPANY_SUFFIXES = ['Properties LLC', 'Dental Group', 'Storage', 'Apartments', 'Church', 'Market', 'Offices', 'HOA'] as const;

export const JOB_SUMMARIES = [
  'No cooling upstairs',
  'Furnace not igniting',
  'Water heater leaking',
  'Annual AC tune-up',
  'Thermostat blank',
  'Drain clogged in kitchen',
  'Breaker keeps tripping',
  'Noisy condenser fan',
  'Low airflow in bedrooms',
  'Replace capacitor',
  'Install new heat pump',
  'Duct cleaning estimate',
  'Toilet running constantly',
  'Garbage disposal jammed',
  'Slab leak suspected',
  'Heat pump frozen over',
] as const;

export const NOTE_TEXTS = [
  'Customer prefers morning appointments.',
  'Gate code on file; dog in backyard.',
  'Called to confirm arrival window.',
  'Left voicemail about estimate follow-up.',
  'Customer asked for itemized invoice.',
  'Tenant occupied: call owner first.',
  'Parts ordered, ETA two days.',
  'Warranty registration sent.',
  'Customer requested same technician as last visit.',
] as const;

export const WORDS = [
  'standard',
  'premium',
  'seasonal',
  'priority',
  'regional',
  'legacy',
  'custom',
  'annual',
  'monthly',
  'north',
  'south',
  'east',
  'west',
  'primary',
  'backup',
  'residential',
  'commercial',
  'general',
  'special',
  'basic',
] as const;

export function personName(rng: Rng): { first: string; last: string; full: string } {
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  return { first, last, full: `${first} ${last}` };
}

export function companyName(rng: Rng): string {
  return `${rng.pick(COMPANY_WORDS)} ${rng.pick(COMPANY_SUFFIXES)}`;
}

export interface Address {
  street: string | null;
  unit: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  country: string | null;
  latitude: number | null;
  longitude: number | null;
}

export function address(rng: Rng): Address {
  const [city, zipPrefix, lat, lon] = rng.pick(CITIES);
  return {
    street: `${rng.int(100, 9899)} ${rng.pick(STREET_NAMES)}`,
    unit: rng.chance(0.12) ? `Unit ${rng.int(1, 40)}` : null,
    city,
    state: 'AZ',
    zip: `${zipPrefix}${String(rng.int(0, 99)).padStart(2, '0')}`,
    country: 'USA',
    latitude: Math.round((lat + rng.float(-0.05, 0.05)) * 1e6) / 1e6,
    longitude: Math.round((lon + rng.float(-0.05, 0.05)) * 1e6) / 1e6,
  };
}

export function phone(rng: Rng): string {
  return `${rng.pick(['480', '602', '623'])}555${String(rng.int(0, 9999)).padStart(4, '0')}`;
}

export function emailFor(name: string, rng: Rng): string {
  const base = name
    .toLowerCase()
    .replace(/[^a-z]+/g, '.')
    .replace(/^\.|\.$/g, '');
  return `${base}${rng.chance(0.3) ? rng.int(1, 99) : ''}@${rng.pick(['example.com', 'example.net', 'example.org'])}`;
}

export function sentence(rng: Rng): string {
  return rng.pick(NOTE_TEXTS);
}
