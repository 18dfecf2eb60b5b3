/** Search results as a person reads them in a terminal: one short block per trial. */
import { cancerTypeAncestors } from '../domain/classify/cancer-type.ts';
import type { NearestSiteSummary, TrialSummary } from '../domain/query.ts';
import type { SearchAnswer } from '../search/search-trials.ts';
import { labelOf } from '../search/vocab-lists.ts';

function ageRange(trial: TrialSummary): string {
  const min = trial.minAgeYears === null ? 'any age' : `${trial.minAgeYears}`;
  const max = trial.maxAgeYears === null ? '' : `–${trial.maxAgeYears}`;
  return trial.minAgeYears === null && trial.maxAgeYears === null ? 'any age' : `${min}${max || '+'} years`;
}

/** The most specific cancer types only: "B-cell ALL", not also ALL, leukaemia and blood cancers. */
function mostSpecific(ids: readonly string[]): string[] {
  const broader = new Set(ids.flatMap((id) => cancerTypeAncestors(id)));
  return ids.filter((id) => !broader.has(id));
}

/** "Acute lymphoblastic leukaemia (ALL) · Targeted cancer drugs, Chemotherapy", or null when there is neither. */
function kinds(trial: TrialSummary): string | null {
  const cancers = mostSpecific(trial.cancerTypes).map((id) => labelOf('cancerType', id));
  const treatments = trial.treatments.map((kind) => labelOf('treatment', kind));
  const parts = [cancers.join(', '), treatments.join(', ')].filter((part) => part !== '');
  return parts.length === 0 ? null : parts.join(' · ');
}

function nearestLine(site: NearestSiteSummary | null): string {
  if (site === null) return 'Nearest site: no open site with a known location';
  const where = [site.facility, site.city, site.country].filter((part) => part !== null && part !== '').join(', ');
  // A site placed at its postcode district's centre may be a few miles off.
  const miles = `${site.approximate ? 'about ' : ''}${site.miles.toFixed(1)} miles`;
  return `Nearest site: ${miles}${where === '' ? '' : ` · ${where}`}${site.status === null ? '' : ` (${site.status})`}`;
}

export interface FormatOptions {
  /** A place was searched from: show each trial's nearest site and distance. */
  readonly withDistance: boolean;
}

/** A result list a person can read in a terminal. */
export function formatSearchResult(result: SearchAnswer, { withDistance }: FormatOptions = { withDistance: false }): string {
  const lines = [`${result.total} trial${result.total === 1 ? '' : 's'} found.`];
  if (withDistance) lines.push('Distances are in a straight line from the centre of your postcode district.');
  for (const trial of result.trials) {
    const phases = trial.phases.length > 0 ? ` · phase ${trial.phases.join('/')}` : '';
    const uk = trial.ukSiteCount > 0 ? ` · ${trial.ukSiteCount} UK site${trial.ukSiteCount === 1 ? '' : 's'}` : '';
    lines.push(`${trial.id}  ${trial.status}${phases} · ${ageRange(trial)}${uk}`);
    lines.push(`  ${trial.briefTitle}`);
    const kind = kinds(trial);
    if (kind !== null) lines.push(`  ${kind}`);
    if (withDistance) lines.push(`  ${nearestLine(trial.nearestSite)}`);
  }
  if (result.nextPageToken !== null) lines.push(`More: --page-token ${result.nextPageToken}`);
  return lines.join('\n');
}
