/**
 * Test trials for the store contract and benchmarks: a small builder, a corpus modelled on real leukaemia and
 * cancer trials (titles, conditions and drugs as their registries give them; other details simplified), and a
 * deterministic generator of synthetic trials in bulk.
 */
import { finaliseTrial } from '../domain/content-hash.ts';
import type { GeoPoint } from '../domain/geo.ts';
import type { PostcodeTable } from '../domain/postcode.ts';
import { registryId } from '../domain/registry-id.ts';
import {
  PHASES,
  STATUSES,
  type Eligibility,
  type Intervention,
  type KeyDates,
  type Provenance,
  type Site,
  type Trial,
  type TrialContent,
  type TrialStatus,
} from '../domain/trial.ts';

/** Every field optional; nested objects are merged over the defaults. */
export type TrialOverrides = Partial<Omit<TrialContent, 'eligibility' | 'dates' | 'provenance'>> & {
  readonly eligibility?: Partial<Eligibility>;
  readonly dates?: Partial<KeyDates>;
  readonly provenance?: Partial<Omit<Provenance, 'importedAt' | 'contentHash'>>;
};

export const IMPORTED_AT = new Date('2026-01-15T09:00:00Z');

export function site(country: string | null, city: string | null = null): Site {
  return { facility: null, city, state: null, postcode: null, country, status: null, latitude: null, longitude: null, contacts: [] };
}

/** Where a site is and how it recruits; a site with neither coordinates nor postcode cannot be placed. */
export interface SitePlace {
  readonly facility?: string | null;
  readonly city?: string | null;
  readonly country?: string | null;
  readonly postcode?: string | null;
  readonly at?: GeoPoint | null;
  readonly status?: TrialStatus | null;
}

/** A site with a place: registry coordinates (`at`), or a postcode for the district table to place. */
export function placedSite(place: SitePlace): Site {
  return {
    ...site(place.country === undefined ? 'United Kingdom' : place.country, place.city ?? null),
    facility: place.facility ?? null,
    postcode: place.postcode ?? null,
    status: place.status ?? null,
    latitude: place.at?.lat ?? null,
    longitude: place.at?.lon ?? null,
  };
}

export function intervention(name: string, otherNames: readonly string[] = [], type = 'drug'): Intervention {
  return { type, name, otherNames, description: null };
}

/** A finalised (hashed and stamped) trial with primary id `id`; ids default to that id alone. */
export function buildTrial(id: string, overrides: TrialOverrides = {}, importedAt: Date = IMPORTED_AT): Trial {
  const { eligibility, dates, provenance, ...rest } = overrides;
  const content: TrialContent = {
    id,
    ids: [registryId(id)],
    briefTitle: `Trial ${id}`,
    officialTitle: null,
    acronym: null,
    briefSummary: null,
    detailedDescription: null,
    conditions: [],
    keywords: [],
    interventions: [],
    arms: [],
    phases: [],
    studyType: 'interventional',
    status: 'recruiting',
    statusRaw: null,
    enrollment: null,
    sponsor: null,
    collaborators: [],
    centralContacts: [],
    sites: [],
    hasResults: false,
    ...rest,
    dates: { start: null, primaryCompletion: null, completion: null, firstPosted: null, lastUpdate: null, statusVerified: null, ...dates },
    eligibility: { criteria: null, minAgeYears: null, maxAgeYears: null, sex: 'all', healthyVolunteers: null, ...eligibility },
    provenance: { source: 'ctgov-v2', recordUpdated: dates?.lastUpdate ?? null, ...provenance },
  };
  return finaliseTrial(content, importedAt);
}

/** The corpus the contract's filter, facet and ranking tests read. Ids are the trials' own except where noted. */
export function corpus(): Trial[] {
  return [
    buildTrial('NCT02101853', {
      briefTitle: 'Blinatumomab in Treating Younger Patients With Relapsed B-cell Acute Lymphoblastic Leukemia',
      acronym: 'AALL1331',
      briefSummary: 'This randomized phase III trial studies blinatumomab to see how well it works compared with combination chemotherapy.',
      conditions: ['Recurrent B Acute Lymphoblastic Leukemia', 'Down Syndrome'],
      interventions: [intervention('Blinatumomab', ['MT103', 'Blincyto'], 'biological'), intervention('Methotrexate')],
      phases: ['3'],
      status: 'active-not-recruiting',
      eligibility: { minAgeYears: 1, maxAgeYears: 30, criteria: 'First relapse of B-ALL.', healthyVolunteers: false },
      sites: [site('United States', 'Birmingham'), site('Canada', 'Toronto'), site('United States', 'Boston')],
      hasResults: true,
      sponsor: "Children's Oncology Group",
      dates: { lastUpdate: '2024-05-10' },
    }),
    buildTrial('NCT03914625', {
      briefTitle: 'A Study to Investigate Blinatumomab in Combination With Chemotherapy in Patients With Newly Diagnosed B-Lymphoblastic Leukemia',
      acronym: 'AALL1731',
      conditions: ['B Acute Lymphoblastic Leukemia', 'Down Syndrome'],
      interventions: [intervention('Blinatumomab', ['Blincyto'], 'biological'), intervention('Vincristine Sulfate')],
      phases: ['3'],
      eligibility: { minAgeYears: 1, maxAgeYears: 31, healthyVolunteers: false },
      sites: [site('United States'), site('Australia'), site('New Zealand')],
      dates: { lastUpdate: '2025-11-03' },
    }),
    buildTrial('ISRCTN64515327', {
      ids: [registryId('ISRCTN64515327'), registryId('2010-020924-22', 'EudraCT')],
      briefTitle: 'United Kingdom National Randomised Trial For Children and Young Adults with Acute Lymphoblastic Leukaemia and Lymphoma 2011',
      acronym: 'UKALL 2011',
      conditions: ['Acute Lymphoblastic Leukaemia', 'Lymphoblastic Lymphoma'],
      interventions: [intervention('Dexamethasone'), intervention('Mercaptopurine', ['6-MP'])],
      phases: ['3'],
      status: 'completed',
      eligibility: { minAgeYears: 1, maxAgeYears: 24, healthyVolunteers: false },
      sites: [site('UK', 'Birmingham'), site('Ireland', 'Dublin')],
      provenance: { source: 'ctgov-xml' },
      dates: { lastUpdate: '2023-02' },
    }),
    buildTrial('NCT01406756', {
      briefTitle: 'Risk-Adapted Chemotherapy in Younger Patients With Newly Diagnosed Standard-Risk Acute Lymphoblastic Leukemia',
      acronym: 'AALL0932',
      conditions: ['Acute Lymphoblastic Leukemia'],
      interventions: [intervention('Mercaptopurine'), intervention('Methotrexate')],
      phases: ['3'],
      status: 'completed',
      eligibility: { minAgeYears: 1, maxAgeYears: 30.99, healthyVolunteers: false },
      sites: [site('United States'), site('Canada')],
      hasResults: true,
      dates: { lastUpdate: '2024-05-10' },
    }),
    buildTrial('NCT01371981', {
      briefTitle: 'Bortezomib and Sorafenib Tosylate in Treating Patients With Newly Diagnosed Acute Myeloid Leukemia',
      conditions: ['Acute Myeloid Leukemia'],
      interventions: [intervention('Bortezomib', ['Velcade']), intervention('Sorafenib Tosylate', ['Nexavar'])],
      phases: ['3'],
      status: 'completed',
      eligibility: { maxAgeYears: 29 },
      sites: [site('United States'), site('Puerto Rico')],
      hasResults: true,
      dates: { lastUpdate: '2022-08-30' },
    }),
    buildTrial('NCT02032823', {
      briefTitle: 'Olaparib as Adjuvant Treatment in Patients With Germline BRCA Mutated High Risk HER2 Negative Primary Breast Cancer',
      acronym: 'OlympiA',
      conditions: ['Breast Cancer'],
      keywords: ['BRCA1', 'BRCA2', 'PARP inhibitor'],
      interventions: [intervention('Olaparib', ['Lynparza']), intervention('Placebo')],
      phases: ['3'],
      status: 'active-not-recruiting',
      eligibility: { minAgeYears: 18, sex: 'female', healthyVolunteers: false },
      sites: [site('United Kingdom'), site('Germany'), site('United States')],
      hasResults: true,
      dates: { lastUpdate: '2025-03-14' },
    }),
    buildTrial('NCT02446405', {
      briefTitle: 'Enzalutamide in First Line Androgen Deprivation Therapy for Metastatic Prostate Cancer',
      acronym: 'ENZAMET',
      conditions: ['Prostate Cancer'],
      interventions: [intervention('Enzalutamide'), intervention('Conventional NSAA')],
      phases: ['3'],
      status: 'active-not-recruiting',
      eligibility: { minAgeYears: 18, sex: 'male' },
      sites: [site('Australia'), site('United Kingdom'), site('Ireland')],
    }),
    // Invented ids below: cases the tests need that no single real record shows.
    buildTrial('NCT09000001', {
      briefTitle: 'Temozolomide and Radiation Therapy in Adults With Newly Diagnosed Glioblastoma',
      conditions: ['Glioblastoma'],
      interventions: [intervention('Temozolomide'), intervention('Radiation Therapy', [], 'radiation')],
      phases: ['2'],
      status: 'not-yet-recruiting',
      eligibility: { minAgeYears: 18, maxAgeYears: 70 },
      sites: [site('France'), site('Germany')],
      dates: { lastUpdate: '2025-12-01' },
    }),
    buildTrial('NCT09000002', {
      briefTitle: 'Quality of Life After Treatment for Brain Tumours',
      conditions: ['Brain Neoplasms'],
      phases: ['not-applicable'],
      studyType: 'observational',
      eligibility: {
        criteria: 'Inclusion: adults treated for a primary brain tumour, including low grade glioma or glioblastoma, at least two years ago.',
        minAgeYears: 18,
        healthyVolunteers: false,
      },
      sites: [site('United Kingdom', 'London')],
      dates: { lastUpdate: '2025-12-01' },
    }),
    buildTrial('NCT09000003', {
      briefTitle: 'Genetic Predisposition to Childhood Leukemia in Families',
      conditions: ['Childhood Leukemia', 'Leukemia'],
      studyType: 'observational',
      status: 'enrolling-by-invitation',
      eligibility: { maxAgeYears: 17, healthyVolunteers: true },
      sites: [site('Germany'), site('Switzerland')],
      dates: { lastUpdate: '2024' },
    }),
    buildTrial('NCT09000004', {
      briefTitle: 'Early Phase Study of a CD19 CAR T Cell Therapy in Infants',
      conditions: ['B-cell Leukemia'],
      interventions: [intervention('CD19 CAR T cells', ['tisagenlecleucel'], 'biological')],
      phases: ['early-1', '1'],
      status: 'withdrawn',
      studyType: 'expanded-access',
      eligibility: { maxAgeYears: 0.5, sex: 'all' },
      sites: [site(null), site('Spain')],
      dates: { lastUpdate: '2021-01-20' },
    }),
  ];
}

/**
 * A few real postcode districts with their centroids as the bundled table gives them (data/postcodes/), so tests
 * place sites the way the product does without loading the whole table.
 */
export const TEST_POSTCODES: PostcodeTable = new Map([
  ['M1', { lat: 53.47769, lon: -2.23629, country: 'England' }],
  ['M20', { lat: 53.42446, lon: -2.23248, country: 'England' }],
  ['NW1', { lat: 51.53272, lon: -0.14264, country: 'England' }],
  ['SW1A', { lat: 51.5018, lon: -0.13261, country: 'England' }],
  ['G12', { lat: 55.88047, lon: -4.30079, country: 'Scotland' }],
  ['LS9', { lat: 53.79994, lon: -1.5098, country: 'England' }],
] as const);

/** Manchester city centre (the M1 district centroid): where the distance tests search from. */
export const MANCHESTER: GeoPoint = { lat: 53.47769, lon: -2.23629 };

/** Hospitals with their approximate real coordinates. */
export const HOSPITALS = {
  christie: { facility: 'The Christie', city: 'Manchester', at: { lat: 53.4297, lon: -2.233 } },
  manchesterRoyal: { facility: 'Manchester Royal Infirmary', city: 'Manchester', at: { lat: 53.4626, lon: -2.2262 } },
  uclh: { facility: 'University College London Hospitals', city: 'London', at: { lat: 51.5246, lon: -0.1357 } },
  guys: { facility: "Guy's Hospital", city: 'London', at: { lat: 51.5033, lon: -0.0873 } },
  beatson: { facility: 'Beatson West of Scotland Cancer Centre', city: 'Glasgow', at: { lat: 55.8792, lon: -4.3316 } },
  stJames: { facility: "St James's University Hospital", city: 'Leeds', at: { lat: 53.8073, lon: -1.5204 } },
} as const satisfies Record<string, SitePlace>;

/**
 * Trials with UK sites for the distance, synonym and cancer-type tests (invented ids, modelled on real UK trials).
 * From Manchester: NCT09100001 is nearest (The Christie), NCT09100003 next (placed only by its postcode M20 4BX),
 * NCT09100004 in London, NCT09100002 in Glasgow (its nearer Manchester site has closed); NCT09100005 and NCT09100006
 * have no open site that can be placed.
 */
export function placesCorpus(): Trial[] {
  const { christie, manchesterRoyal, uclh, guys, beatson, stJames } = HOSPITALS;
  return [
    buildTrial('NCT09100001', {
      briefTitle: 'Imatinib With Chemotherapy for Adults With Ph+ ALL',
      conditions: ['Philadelphia Positive ALL'],
      interventions: [intervention('Imatinib Mesylate'), intervention('Vincristine')],
      phases: ['2'],
      eligibility: { minAgeYears: 60 },
      sites: [placedSite({ ...christie, status: 'recruiting' }), placedSite({ ...uclh, status: 'recruiting' })],
      dates: { lastUpdate: '2025-06-01' },
    }),
    buildTrial('NCT09100002', {
      briefTitle: 'Midostaurin and Intensive Chemotherapy in Acute Myeloid Leukaemia',
      conditions: ['Acute Myeloid Leukaemia'],
      interventions: [intervention('Midostaurin'), intervention('Daunorubicin')],
      phases: ['3'],
      eligibility: { minAgeYears: 18, maxAgeYears: 70 },
      sites: [placedSite({ ...manchesterRoyal, status: 'completed' }), placedSite({ ...beatson, status: 'recruiting' })],
      dates: { lastUpdate: '2025-05-01' },
    }),
    buildTrial('NCT09100003', {
      briefTitle: 'Exercise During Chemotherapy for Early Breast Cancer',
      conditions: ['Breast Cancer'],
      interventions: [intervention('Supervised exercise', [], 'behavioral')],
      studyType: 'interventional',
      eligibility: { minAgeYears: 18, sex: 'female' },
      sites: [placedSite({ facility: 'The Christie', city: 'Manchester', postcode: 'M20 4BX' })],
      dates: { lastUpdate: '2025-04-01' },
    }),
    buildTrial('NCT09100004', {
      briefTitle: 'Acute Lymphoblastic Leukaemia in Teenagers and Young Adults: Donor Stem Cell Transplant',
      conditions: ['Acute Lymphoblastic Leukaemia'],
      interventions: [intervention('Allogeneic Hematopoietic Stem Cell Transplantation', [], 'procedure')],
      eligibility: { minAgeYears: 16, maxAgeYears: 24 },
      sites: [placedSite(guys)],
      dates: { lastUpdate: '2025-03-01' },
    }),
    buildTrial('NCT09100005', {
      briefTitle: 'Observational Registry of Hodgkin Lymphoma Outcomes',
      conditions: ['Hodgkin Lymphoma'],
      studyType: 'observational',
      sites: [placedSite({ facility: 'Royal Infirmary', city: 'Edinburgh' }), placedSite({ city: 'Boston', country: 'United States' })],
      dates: { lastUpdate: '2025-02-01' },
    }),
    buildTrial('NCT09100006', {
      briefTitle: 'Radiotherapy Dose Escalation in Prostate Cancer',
      conditions: ['Prostate Cancer'],
      interventions: [intervention('Radiotherapy', [], 'radiation')],
      eligibility: { minAgeYears: 18, sex: 'male' },
      sites: [placedSite({ ...stJames, status: 'completed' }), placedSite({ ...christie, status: 'active-not-recruiting' })],
      dates: { lastUpdate: '2025-01-01' },
    }),
  ];
}

/**
 * The n-th trial with placed sites around Great Britain: deterministic, with exact ties in distance (every tenth
 * trial shares a site with the one before) and some closed or unplaceable sites, for paging over distance order.
 */
export function placedTrial(n: number): Trial {
  const lat = 50.2 + ((n * 37) % 80) / 10;
  const lon = -5.5 + ((n * 53) % 70) / 10;
  const shared = n % 10 === 0 && n > 0 ? placedTrial(n - 1).sites : [];
  const statuses: readonly (TrialStatus | null)[] = ['recruiting', 'completed', null];
  return buildTrial(`NCT0920${String(n).padStart(4, '0')}`, {
    briefTitle: `Placed trial ${n}`,
    conditions: [pick(CONDITIONS, n)],
    sites: [
      ...shared,
      placedSite({ facility: `Hospital ${n}`, city: 'Somewhere', at: { lat, lon }, status: shared.length > 0 ? 'recruiting' : (statuses[n % 3] ?? null) }),
      ...(n % 4 === 0 ? [placedSite({ facility: 'Unplaced clinic', city: 'Elsewhere' })] : []),
    ],
    dates: { lastUpdate: '2024-01-01' },
  });
}

function pick<T>(list: readonly T[], k: number): T {
  return list[k % list.length] as T;
}

const CONDITIONS = ['Acute Lymphoblastic Leukemia', 'Acute Myeloid Leukemia', 'Hodgkin Lymphoma', 'Breast Cancer', 'Neuroblastoma', 'Multiple Myeloma'];
const DRUGS = ['Imatinib', 'Blinatumomab', 'Cytarabine', 'Rituximab', 'Pembrolizumab', 'Dexamethasone'];
const COUNTRIES = ['United States', 'United Kingdom', 'France', 'Germany', 'Japan', 'Brazil', 'Canada'];

/** The n-th synthetic trial: deterministic, varied in every filtered field, with ids NCT1xxxxxxx. */
export function syntheticTrial(n: number, version = 0): Trial {
  const pick = <T>(list: readonly T[], k: number): T => list[k % list.length] as T;
  const id = `NCT${String(10_000_000 + n).padStart(8, '0')}`;
  const month = String((n % 12) + 1).padStart(2, '0');
  const lastUpdate = n % 17 === 0 ? null : `${2015 + (n % 11) + version}-${month}${n % 5 === 0 ? '' : '-15'}`;
  return buildTrial(id, {
    briefTitle: `${pick(DRUGS, n)} for ${pick(CONDITIONS, n * 7 + 1)} (study ${n})`,
    briefSummary: `A study of ${pick(DRUGS, n + 2)} in patients with ${pick(CONDITIONS, n)}. Version ${version}.`,
    conditions: [pick(CONDITIONS, n * 7 + 1), ...(n % 3 === 0 ? [pick(CONDITIONS, n + 2)] : [])],
    interventions: [intervention(pick(DRUGS, n)), ...(n % 4 === 0 ? [intervention(pick(DRUGS, n + 3))] : [])],
    phases: n % 6 === 5 ? [] : [pick(PHASES, n), ...(n % 10 === 1 ? [pick(PHASES, n + 1)] : [])],
    status: pick(STATUSES, n),
    studyType: n % 9 === 4 ? 'observational' : 'interventional',
    eligibility: {
      minAgeYears: n % 4 === 0 ? null : (n % 3) * 9,
      maxAgeYears: n % 5 === 0 ? null : 17 + (n % 7) * 10,
      sex: pick(['all', 'all', 'female', 'male'] as const, n),
      healthyVolunteers: pick([true, false, null], n),
      criteria: `Inclusion: confirmed ${pick(CONDITIONS, n + 4)}.`,
    },
    sites: Array.from({ length: n % 4 }, (_, k) => site(pick(COUNTRIES, n + k))),
    hasResults: n % 7 === 2,
    dates: { lastUpdate },
  });
}
