/** Where each kind of registry id can be read by anyone: the registry's own public page for the trial. */
import type { RegistryId } from '../domain/trial.ts';

/** The public page for an id, or null for ids with no public page (sponsors' own numbers). */
export function registryPage(id: RegistryId): { readonly registry: string; readonly url: string } | null {
  const value = encodeURIComponent(id.value);
  switch (id.kind) {
    case 'nct':
      return { registry: 'ClinicalTrials.gov', url: `https://clinicaltrials.gov/study/${value}` };
    case 'isrctn':
      return { registry: 'ISRCTN registry', url: `https://www.isrctn.com/${value}` };
    case 'eudract':
      return { registry: 'EU Clinical Trials Register', url: `https://www.clinicaltrialsregister.eu/ctr-search/search?query=${value}` };
    case 'ctis':
      return { registry: 'EU Clinical Trials Information System', url: `https://euclinicaltrials.eu/search-for-clinical-trials/?lang=en&EUCT=${value}` };
    case 'nci':
      return { registry: 'US National Cancer Institute', url: `https://www.cancer.gov/research/participate/clinical-trials-search/v?id=${value}` };
    case 'org':
    case 'other':
      return null;
  }
}
