import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCriteria } from '../../domain/eligibility/parse-criteria.ts';
import { GlossaryMarker } from '../glossary.ts';
import { renderCriteriaList } from './criteria.view.ts';

/** Both lists of a criteria text as the trial page renders them, glossary words linked to the glossary page. */
function lists(text: string | null): { inclusion: string | null; exclusion: string | null } {
  const criteria = parseCriteria(text);
  const marker = new GlossaryMarker((term) => `/glossary#${term.id}`);
  return {
    inclusion: renderCriteriaList(criteria, 'inclusion', marker)?.text ?? null,
    exclusion: renderCriteriaList(criteria, 'exclusion', marker)?.text ?? null,
  };
}

describe('criteria lists on the trial page', () => {
  it('reads the ClinicalTrials.gov layout: headings, bullets, continuation lines, glossary words marked', () => {
    const text = [
      'Inclusion Criteria:',
      '',
      '* Age 18 years or older',
      '* Relapsed or refractory B-cell ALL,',
      '  confirmed by bone marrow biopsy',
      '',
      'Exclusion Criteria:',
      '',
      '* Active graft-versus-host disease',
      '* Pregnant or breastfeeding <script>',
    ].join('\n');
    assert.deepEqual(lists(text), {
      inclusion:
        '<ul class="criteria"><li>Age 18 years or older</li><li><a class="term" href="/glossary#relapse">Relapsed</a> or ' +
        '<a class="term" href="/glossary#refractory">refractory</a> B-cell ALL, confirmed by <a class="term" href="/glossary#bone-marrow">bone marrow</a> biopsy</li></ul>',
      exclusion:
        '<ul class="criteria"><li>Active <a class="term" href="/glossary#graft-versus-host-disease">graft-versus-host disease</a></li>' +
        '<li>Pregnant or breastfeeding &lt;script&gt;</li></ul>',
    });
  });

  it('reads numbered items and the legacy XML dash layout', () => {
    const text = '\n        Inclusion Criteria:\n\n          1. Age >= 16\n          2. ECOG 0-2\n\n        Exclusion Criteria:\n\n          -  Prior CAR-T\n';
    assert.deepEqual(lists(text), {
      inclusion: '<ul class="criteria"><li>Age &gt;= 16</li><li>ECOG 0-2</li></ul>',
      exclusion: '<ul class="criteria"><li>Prior <a class="term" href="/glossary#car-t">CAR-T</a></li></ul>',
    });
  });

  it('keeps the nesting: lead-ins hold their items, and exceptions are listed under their item', () => {
    const text = [
      'Inclusion Criteria:',
      '',
      '* Patients must have one of the following:',
      '  * First relapse',
      '  * Second relapse',
      '* Adequate organ function defined as:',
      '  * Bilirubin < 1.5 x ULN',
      '',
      'Exclusion Criteria:',
      '',
      '* No other malignancy except:',
      '  * basal cell carcinoma',
      '  * cervical carcinoma in situ',
    ].join('\n');
    const { inclusion, exclusion } = lists(text);
    assert.equal(
      inclusion,
      '<ul class="criteria"><li>Patients must have one of the following:<ul><li>First <a class="term" href="/glossary#relapse">relapse</a></li>' +
        '<li>Second relapse</li></ul></li><li>Adequate organ function defined as:<ul><li>Bilirubin &lt; 1.5 x ULN</li></ul></li></ul>',
    );
    assert.equal(exclusion, '<ul class="criteria"><li>No other malignancy except:<ul><li>basal cell carcinoma</li><li>cervical carcinoma in situ</li></ul></li></ul>');
  });

  it('labels items with the old NCI sub-headings, and reads text without an exclusion heading as inclusion', () => {
    const text = 'DISEASE CHARACTERISTICS:\n\n- Histologically confirmed ALL\n\nPATIENT CHARACTERISTICS:\n\nAge:\n\n- 18 and over\n\nHepatic:\n\n- Bilirubin normal\n- No hepatitis B';
    assert.deepEqual(lists(text), {
      inclusion:
        '<ul class="criteria"><li>Histologically confirmed ALL</li><li><span class="criteria-label">Age:</span> 18 and over</li>' +
        '<li><span class="criteria-label">Hepatic:</span><ul><li>Bilirubin normal</li><li>No hepatitis B</li></ul></li></ul>',
      exclusion: null,
    });
  });

  it('gives no list for a record without criteria', () => {
    assert.deepEqual(lists(null), { inclusion: null, exclusion: null });
    assert.deepEqual(lists('   '), { inclusion: null, exclusion: null });
  });
});
