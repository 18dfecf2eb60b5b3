/**
 * Test trials for the store contract and benchmarks: a small builder, a corpus modelled on real leukaemia and
 * cancer trials (titles, conditions and drugs as their registries give them; other details simplified), and a
 * deterministic generator of synthetic trials in bulk.
 */
import { finaliseTrial } from '../domain/content-hash.ts';
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
