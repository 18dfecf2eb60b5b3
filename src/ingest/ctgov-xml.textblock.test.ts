import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalisePlainText, normaliseTextblock } from './ctgov-xml.textblock.ts';

/** Lines as CT.gov writes them: indented, ending in CR LF. */
const block = (...lines: string[]): string => `\n${lines.map((line) => `${line}\r\n`).join('')}    `;

describe('normaliseTextblock', () => {
  it('rejoins lines wrapped at the width and strips the common indentation (NCT00000102)', () => {
    const text = block(
      '      This study will test the ability of extended release nifedipine (Procardia XL), a blood',
      '      pressure medication, to permit a decrease in the dose of glucocorticoid medication children',
      '      take to treat congenital adrenal hyperplasia (CAH).',
    );
    assert.equal(
      normaliseTextblock(text),
      'This study will test the ability of extended release nifedipine (Procardia XL), a blood pressure ' +
        'medication, to permit a decrease in the dose of glucocorticoid medication children take to treat ' +
        'congenital adrenal hyperplasia (CAH).',
    );
  });

  it('keeps short lines that end a paragraph, paragraph breaks and list items', () => {
    const text = block(
      '        Inclusion Criteria:',
      '',
      '          -  diagnosed with Congenital Adrenal Hyperplasia (CAH)',
      '',
      '          -  normal ECG during baseline evaluation',
      '',
      '',
      '        Exclusion Criteria:',
    );
    assert.equal(
      normaliseTextblock(text),
      'Inclusion Criteria:\n\n  -  diagnosed with Congenital Adrenal Hyperplasia (CAH)\n\n  -  normal ECG during baseline evaluation\n\nExclusion Criteria:',
    );
  });

  it('joins a bullet continuation onto its bullet, even when the wrapper left up to two characters spare', () => {
    const head = '        1. Histologic Documentation: All patients must have histologic documentation of Stage';
    assert.equal(head.length, 93);
    const text = block(head, '             IIIA non-small cell lung cancer on the basis of involved N2 nodes.');
    assert.equal(
      normaliseTextblock(text),
      '1. Histologic Documentation: All patients must have histologic documentation of Stage IIIA non-small cell lung cancer on the basis of involved N2 nodes.',
    );
  });

  it('gives null for blank text', () => {
    assert.equal(normaliseTextblock(null), null);
    assert.equal(normaliseTextblock('\n   \r\n  '), null);
  });
});

describe('normalisePlainText', () => {
  it('keeps the author line breaks without joining long lines', () => {
    const long = 'x'.repeat(150);
    assert.equal(normalisePlainText(`${long}\r\nsecond line  \r\n`), `${long}\nsecond line`);
  });
});
