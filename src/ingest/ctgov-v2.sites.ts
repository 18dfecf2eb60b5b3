/**
 * contactsLocationsModule of a ClinicalTrials.gov API v2 study: centralContacts[] and locations[]
 * (https://clinicaltrials.gov/data-api/about-api/study-data-structure#contactsLocationsModule).
 */
import { canonicalCountry } from '../domain/country.ts';
import { normaliseSiteStatus } from '../domain/status.ts';
import type { Contact, Site } from '../domain/trial.ts';
import type { JsonObject } from './json-fields.ts';
import { lowerWordsOf, numberOf, objectAt, objectsOf, textAt } from './json-fields.ts';
import { contactOf, latLonOf, uniqueContacts } from './trial-fields.ts';

/**
 * Contacts (centralContacts[] or locations[].contacts[]). ContactRole (CONTACT, PRINCIPAL_INVESTIGATOR ...)
 * becomes lower-case words; phoneExt is appended to the phone so the number stays callable.
 */
export function readCtgovContacts(value: unknown): Contact[] {
  return uniqueContacts(
    objectsOf(value).map((item) => {
      const phone = textAt(item, 'phone');
      const ext = textAt(item, 'phoneExt');
      const fullPhone = phone !== null && ext !== null ? `${phone} ext. ${ext}` : phone;
      return contactOf(textAt(item, 'name'), lowerWordsOf(item.role), fullPhone, textAt(item, 'email'));
    }),
  );
}

/**
 * locations[]: facility, city, state, zip, country, per-site status (LocationStatus; absent on closed
 * studies, which CT.gov leaves without site statuses), geoPoint {lat, lon} and contacts. A location naming
 * no facility, city or country tells a patient nothing and is dropped.
 */
export function readCtgovSites(value: unknown): Site[] {
  return objectsOf(value).flatMap((item) => {
    const site = readSite(item);
    return site.facility === null && site.city === null && site.country === null ? [] : [site];
  });
}

function readSite(item: JsonObject): Site {
  const country = textAt(item, 'country');
  const geo = objectAt(item, 'geoPoint');
  return {
    facility: textAt(item, 'facility'),
    city: textAt(item, 'city'),
    state: textAt(item, 'state'),
    postcode: textAt(item, 'zip'),
    country: country === null ? null : canonicalCountry(country),
    status: normaliseSiteStatus(textAt(item, 'status')),
    ...latLonOf(numberOf(geo?.lat), numberOf(geo?.lon)),
    contacts: readCtgovContacts(item.contacts),
  };
}
