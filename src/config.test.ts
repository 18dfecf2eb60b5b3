import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidInput } from './domain/errors.ts';
import { readSiteSettings } from './config.ts';

describe('readSiteSettings', () => {
  it('names the site and offers no support line when nothing is set', () => {
    assert.deepEqual(readSiteSettings({}), { name: 'Trialfinder', supportLine: null, contactEmail: null });
  });

  it('reads the support line and contact address a deployment sets', () => {
    const site = readSiteSettings({
      SITE_NAME: ' Leukaemia Trials ',
      SUPPORT_LINE_NAME: 'the Blood Cancer Helpline',
      SUPPORT_LINE_PHONE: '0808 000 0000',
      SUPPORT_LINE_HOURS: 'weekdays, 9am to 5pm',
      SUPPORT_LINE_URL: 'https://example.org/helpline',
      CONTACT_EMAIL: 'web@example.org',
    });
    assert.deepEqual(site, {
      name: 'Leukaemia Trials',
      supportLine: { name: 'the Blood Cancer Helpline', phone: '0808 000 0000', hours: 'weekdays, 9am to 5pm', url: 'https://example.org/helpline' },
      contactEmail: 'web@example.org',
    });
  });

  it('refuses a support-line URL that is not http(s) and an address that is not email', () => {
    assert.throws(() => readSiteSettings({ SUPPORT_LINE_URL: 'javascript:alert(1)' }), InvalidInput);
    assert.throws(() => readSiteSettings({ CONTACT_EMAIL: 'nobody' }), InvalidInput);
  });
});
