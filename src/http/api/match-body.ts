/**
 * Reads the body of POST /api/match: `{ "profile": {...}, "skipped": [...], ...search parameters }`. The search
 * parameters go through `parseTrialQuery`, the reader of GET /api/trials, and the profile through
 * `parsePatientProfile`; every refusal is an InvalidInput naming the field ("profile.age", "status", "skipped").
 */
import { InvalidInput } from '../../domain/errors.ts';
import { parsePatientProfile } from '../../domain/eligibility/profile.ts';
import type { PatientProfile } from '../../domain/eligibility/profile.ts';
import { PROFILE_FIELDS, isProfileField } from '../../domain/eligibility/questions.ts';
import type { ProfileField } from '../../domain/eligibility/questions.ts';
import type { TrialQuery } from '../../domain/query.ts';
import { parseTrialQuery } from '../../search/query-params.ts';

export interface MatchBody {
  readonly query: TrialQuery;
  readonly profile: PatientProfile;
  readonly skipped: ReadonlySet<ProfileField>;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON numbers and booleans as the query string would carry them ("age": 45 is "age=45"). */
function asParameter(value: unknown): unknown {
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
}

function readProfile(raw: unknown): PatientProfile {
  // Left out, the profile is empty ("I don't know" to everything); null is not a profile, more likely a client's bug.
  if (raw === null) throw new InvalidInput('profile must be an object such as { "age": 45 }; leave it out for an empty profile.', 'profile');
  try {
    return parsePatientProfile(raw ?? {});
  } catch (error) {
    if (!(error instanceof InvalidInput)) throw error;
    // The profile's own reader names fields inside the profile; here they sit under "profile".
    const field = error.field === null || error.field === 'profile' ? 'profile' : `profile.${error.field}`;
    const message = error.message.startsWith('profile') ? error.message : `profile.${error.message}`;
    throw new InvalidInput(message, field);
  }
}

function readSkipped(raw: unknown): Set<ProfileField> {
  if (raw === undefined || raw === null) return new Set();
  if (!Array.isArray(raw)) throw new InvalidInput('skipped must be a list of profile field names.', 'skipped');
  const skipped = new Set<ProfileField>();
  for (const [index, name] of raw.entries()) {
    if (typeof name !== 'string' || !isProfileField(name)) {
      throw new InvalidInput(`skipped.${index} must be one of: ${PROFILE_FIELDS.join(', ')}.`, `skipped.${index}`);
    }
    skipped.add(name);
  }
  return skipped;
}

/** Reads a parsed JSON body; throws InvalidInput naming the field at fault. */
export function readMatchBody(body: unknown): MatchBody {
  if (!isRecord(body)) throw new InvalidInput('The body must be a JSON object: { "profile": { ... }, ...search parameters }.', 'body');
  const { profile, skipped, ...search } = body;
  if (search['pageToken'] !== undefined) {
    throw new InvalidInput('pageToken does not apply to POST /api/match: it ranks its candidates all at once; pageSize says how many to return.', 'pageToken');
  }
  const params = Object.fromEntries(Object.entries(search).map(([name, value]) => [name, Array.isArray(value) ? value.map(asParameter) : asParameter(value)]));
  return { profile: readProfile(profile), skipped: readSkipped(skipped), query: parseTrialQuery(params) };
}
