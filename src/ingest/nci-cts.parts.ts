/**
 * The nested parts of an NCI CTS API trial: eligibility, arms with their interventions, and sites.
 * v1 and v2 spellings are both read (see nci-cts.parse.ts).
 */
import { parseAgeYears } from '../domain/age.ts';
import { canonicalCountry } from '../domain/country.ts';
import { normaliseSiteStatus } from '../domain/status.ts';
import type { Arm, Eligibility, Intervention, Site } from '../domain/trial.ts';
import type { JsonObject } from './json-fields.ts';
import {
  booleanOf,
  lowerWordsOf,
  numberOf,
  objectAt,
  objectsOf,
  textAt,
  textOf,
  textsOf,
  uniqueTexts,
} from './json-fields.ts';
import { contactOf, latLonOf, quoted, roundYears, sexOf, uniqueContacts } from './trial-fields.ts';
import { ownValue } from '../domain/own-key.ts';

export type EligibilityRead =
  | { readonly ok: true; readonly value: Eligibility }
  | { readonly ok: false; readonly field: string; readonly reason: string };

/** NCI writes an open upper (or lower) age bound as 999 years. */
const OPEN_AGE_YEARS = 999;

/**
 * eligibility.structured (min/max_age_in_years, sex or v1 gender, accepts_healthy_volunteers) and
 * eligibility.unstructured[] (criteria items with inclusion_indicator and display_order). An age that is
 * present but unreadable is an error: guessing would put patients in or out of a trial wrongly.
 */
export function readNciEligibility(record: JsonObject): EligibilityRead {
  const eligibility = objectAt(record, 'eligibility');
  const structured = objectAt(eligibility, 'structured');
  const min = readAgeBound(structured, 'min');
  if (!min.ok) return min;
  const max = readAgeBound(structured, 'max');
  if (!max.ok) return max;
  return {
    ok: true,
    value: {
      criteria: criteriaText(eligibility?.unstructured),
      minAgeYears: min.years,
      maxAgeYears: max.years,
      sex: sexOf(textAt(structured, 'sex') ?? textAt(structured, 'gender')),
      healthyVolunteers:
        booleanOf(structured?.accepts_healthy_volunteers) ?? booleanOf(record.accepts_healthy_volunteers_indicator),
    },
  };
}

type AgeRead = { readonly ok: true; readonly years: number | null } | Extract<EligibilityRead, { ok: false }>;

/** `<bound>_age_in_years` is NCI's own conversion of "12 Months" etc.; the text `<bound>_age` is the fallback. */
function readAgeBound(structured: JsonObject | null, bound: 'min' | 'max'): AgeRead {
  const yearsField = `${bound}_age_in_years`;
  const raw = structured?.[yearsField];
  if (raw === undefined || raw === null) {
    const textField = `${bound}_age`;
    const text = structured?.[textField];
    const parsed = typeof text === 'string' || text == null ? parseAgeYears(text) : undefined;
    if (parsed === undefined) return ageError(textField, text);
    return { ok: true, years: parsed === null || parsed >= OPEN_AGE_YEARS ? null : parsed };
  }
  const years = numberOf(raw);
  if (years === null || years < 0) return ageError(yearsField, raw);
  return { ok: true, years: years >= OPEN_AGE_YEARS ? null : roundYears(years) };
}

function ageError(field: string, value: unknown): AgeRead {
  return { ok: false, field: `eligibility.structured.${field}`, reason: `cannot read age ${quoted(value)}` };
}

/**
 * Criteria items in display_order, inclusion items under "Inclusion Criteria:" and exclusion items under
 * "Exclusion Criteria:", each a "* " bullet, as ClinicalTrials.gov lays out eligibilityCriteria. An item's own
 * sub-bullets are indented under it. Items that say neither inclusion nor exclusion go under "Criteria:".
 */
function criteriaText(value: unknown): string | null {
  const items = objectsOf(value)
    .map((item, index) => ({ item, order: numberOf(item.display_order) ?? Number.MAX_SAFE_INTEGER, index }))
    .sort((a, b) => a.order - b.order || a.index - b.index)
    .map(({ item }) => ({ text: textAt(item, 'description'), inclusion: booleanOf(item.inclusion_indicator) }));
  const section = (title: string, inclusion: boolean | null): string | null => {
    const bullets = items
      .filter((item) => item.inclusion === inclusion && item.text !== null)
      .map((item) => `* ${(item.text ?? '').replace(/\n/g, '\n  ')}`);
    return bullets.length === 0 ? null : `${title}\n\n${bullets.join('\n')}`;
  };
  const sections = [
    section('Inclusion Criteria:', true),
    section('Exclusion Criteria:', false),
    section('Criteria:', null),
  ].filter((text): text is string => text !== null);
  return sections.length === 0 ? null : sections.join('\n\n');
}

/** NCI intervention types mapped to ClinicalTrials.gov InterventionType words. */
const INTERVENTION_TYPES: Readonly<Record<string, string>> = {
  drug: 'drug',
  'procedure/surgery': 'procedure',
  procedure: 'procedure',
  surgery: 'procedure',
  'biological/vaccine': 'biological',
  biological: 'biological',
  vaccine: 'biological',
  radiation: 'radiation',
  behavioral: 'behavioral',
  device: 'device',
  genetic: 'genetic',
  'dietary supplement': 'dietary supplement',
  'combination product': 'combination product',
  'diagnostic test': 'diagnostic test',
  other: 'other',
};

/**
 * An arm's own interventions: inclusion_indicator "TRIAL". "TREE" entries are NCI Thesaurus ancestors
 * ("Therapeutic Procedure", "Activity") added for tree search. synonyms are the agent's other names.
 */
function armInterventions(arm: JsonObject): Intervention[] {
  return objectsOf(arm.interventions).flatMap((item) => {
    const indicator = textAt(item, 'inclusion_indicator')?.toUpperCase() ?? null;
    if (indicator !== null && indicator !== 'TRIAL') return [];
    const name = textAt(item, 'name') ?? textAt(item, 'intervention_name');
    if (name === null) return [];
    // v1 writes "Biological / Vaccine", v2 "Biological/Vaccine".
    const type = lowerWordsOf(item.type ?? item.intervention_type)?.replace(/\s*\/\s*/g, '/');
    return [
      {
        type: ownValue(INTERVENTION_TYPES, type ?? '') ?? 'other',
        name,
        otherNames: textsOf(item.synonyms).filter((other) => other.toLowerCase() !== name.toLowerCase()),
        description: textAt(item, 'description') ?? textAt(item, 'intervention_description'),
      },
    ];
  });
}

/** Every arm's interventions, once each (the same agent is usually given in several arms). */
export function readNciInterventions(arms: unknown): Intervention[] {
  const seen = new Set<string>();
  return objectsOf(arms)
    .flatMap(armInterventions)
    .filter((intervention) => {
      const key = intervention.name.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** arms[]: v2 name / type / description, v1 arm_name / arm_type / arm_description. */
export function readNciArms(arms: unknown): Arm[] {
  return objectsOf(arms).flatMap((arm) => {
    const label = textAt(arm, 'name') ?? textAt(arm, 'arm_name');
    if (label === null) return [];
    return [
      {
        label,
        type: lowerWordsOf(arm.type ?? arm.arm_type),
        description: textAt(arm, 'description') ?? textAt(arm, 'arm_description'),
        interventionNames: uniqueTexts(armInterventions(arm).map((intervention) => intervention.name)),
      },
    ];
  });
}

/**
 * sites[]: org_name, org_city, org_state_or_province, org_postal_code, org_country, recruitment_status (a CTRP
 * site status such as ACTIVE or CLOSED_TO_ACCRUAL), org_coordinates {lat, lon} and the site contact (contact_name,
 * contact_phone, contact_email; the organisation's org_phone and org_email when the contact has neither).
 */
export function readNciSites(value: unknown): Site[] {
  return objectsOf(value).flatMap((site) => {
    const facility = textAt(site, 'org_name');
    const city = textAt(site, 'org_city');
    const country = textAt(site, 'org_country');
    if (facility === null && city === null && country === null) return [];
    const coordinates = objectAt(site, 'org_coordinates');
    const phone = textAt(site, 'contact_phone');
    const email = textAt(site, 'contact_email');
    // A site listed with no way to reach its trial contact is reached through the organisation's own phone and email.
    const reachable = phone !== null || email !== null;
    const contact = contactOf(
      textAt(site, 'contact_name'),
      null,
      reachable ? phone : textAt(site, 'org_phone'),
      reachable ? email : textAt(site, 'org_email'),
    );
    return [
      {
        facility,
        city,
        state: textAt(site, 'org_state_or_province'),
        postcode: textOf(site.org_postal_code),
        country: country === null ? null : canonicalCountry(country),
        status: normaliseSiteStatus(textAt(site, 'recruitment_status')),
        ...latLonOf(numberOf(coordinates?.lat), numberOf(coordinates?.lon)),
        contacts: uniqueContacts([contact]),
      },
    ];
  });
}
