/**
 * What a person can tell us about themselves, in the names of docs/eligibility-concepts.md. Every field is
 * optional: leaving one out means "I don't know", and the criteria that need it come out as "ask your
 * specialist". Lists are what the person has (an empty list means "none of these"). Validated at the edge with
 * zod; errors name the field. Nothing here is ever stored.
 */
import { z } from 'zod';
import { InvalidInput } from '../errors.ts';
import {
  CANCER_TYPE_VALUES, DISEASE_STATE_VALUES, INFECTION_VALUES, PERFORMANCE_SCALES, PRIOR_TREATMENT_VALUES, SEX_VALUES,
} from './criterion.ts';

/** The highest value of each performance scale (ECOG and WHO run 0-5, Karnofsky and Lansky 0-100). */
const SCALE_MAX = { ecog: 5, who: 5, karnofsky: 100, lansky: 100 } as const;

const unique = <T extends string>(values: readonly [T, ...T[]]) =>
  z.array(z.enum(values)).max(values.length).refine((list) => new Set(list).size === list.length, 'Each value may appear once.');

export const PatientProfileSchema = z
  .strictObject({
    age: z.number().min(0).max(120).optional(),
    sex: z.enum(SEX_VALUES).optional(),
    cancerType: unique(CANCER_TYPE_VALUES).optional(),
    diseaseState: unique(DISEASE_STATE_VALUES).optional(),
    priorLines: z.number().int().min(0).max(30).optional(),
    priorTreatments: unique(PRIOR_TREATMENT_VALUES).optional(),
    performanceStatus: z
      .strictObject({ scale: z.enum(PERFORMANCE_SCALES), value: z.number().min(0) })
      .refine((ps) => ps.value <= SCALE_MAX[ps.scale], { error: 'The value is beyond the top of its scale (ECOG and WHO 0-5, Karnofsky and Lansky 0-100).', path: ['value'] })
      .optional(),
    bilirubinXUln: z.number().min(0).max(100).optional(),
    creatinineClearanceMlMin: z.number().min(0).max(500).optional(),
    altAstXUln: z.number().min(0).max(100).optional(),
    ejectionFractionPercent: z.number().min(0).max(100).optional(),
    cnsInvolvement: z.boolean().optional(),
    infections: unique(INFECTION_VALUES).optional(),
    pregnant: z.boolean().optional(),
    breastfeeding: z.boolean().optional(),
    otherCancer: z.boolean().optional(),
  });

export type PatientProfile = z.infer<typeof PatientProfileSchema>;

/**
 * Reads an untrusted value (a JSON body, parsed form fields) into a profile. Throws InvalidInput naming the
 * first bad field as a dotted path ("performanceStatus.value", "cancerType.1").
 */
export function parsePatientProfile(input: unknown): PatientProfile {
  const result = PatientProfileSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue === undefined ? [] : issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
  const field = path.length === 0 ? 'profile' : path.map(String).join('.');
  throw new InvalidInput(`${field}: ${issue?.message ?? 'Invalid profile.'}`, field);
}
