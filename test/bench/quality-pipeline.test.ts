import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildFieldedIndex } from '../../bench/quality/bm25f.ts';
import { patientQueryParts, weightedClauses } from '../../bench/quality/patient-query.ts';
import type { PipelineConfig, TrialFacts } from '../../bench/quality/pipeline.ts';
import { PIPELINE_CONFIG, pipelineRank } from '../../bench/quality/pipeline.ts';
import { conditionPhrases, trialsNamingCondition } from '../../bench/quality/condition-names.ts';
import { porterStem } from '../../bench/quality/porter-stem.ts';
import type { TrialField } from '../../bench/quality/trial-fields.ts';
import { TRIAL_FIELDS, pipelineTokens, splitCriteria } from '../../bench/quality/trial-fields.ts';

describe('Porter stemmer', () => {
  it('stems as the 1980 paper\'s examples do', () => {
    const expected: Record<string, string> = {
      caresses: 'caress', ponies: 'poni', agreed: 'agre', feed: 'feed', hopping: 'hop', filing: 'file', happy: 'happi',
      relational: 'relat', generalizations: 'gener', electrical: 'electr', adjustment: 'adjust', adoption: 'adopt',
      controll: 'control', tumors: 'tumor', infections: 'infect', infected: 'infect',
    };
    for (const [word, stem] of Object.entries(expected)) assert.equal(porterStem(word), stem, word);
  });

  it('leaves short words and tokens with digits alone', () => {
    assert.deepEqual(['as', 'her2', 'cd19', 't10'].map(porterStem), ['as', 'her2', 'cd19', 't10']);
  });
});

describe('criteria split', () => {
  it('splits at the exclusion heading; criteria without one are all inclusion', () => {
    const { inclusion, exclusion } = splitCriteria('Inclusion Criteria:\n - asthma\nExclusion Criteria:\n - pregnancy');
    assert.match(inclusion, /asthma/);
    assert.doesNotMatch(inclusion, /pregnancy/);
    assert.match(exclusion, /pregnancy/);
    assert.deepEqual(splitCriteria('DISEASE CHARACTERISTICS: stage IV'), { inclusion: 'DISEASE CHARACTERISTICS: stage IV', exclusion: '' });
    assert.equal(splitCriteria('Inclusion/Exclusion Criteria: adults. Exclusion Criteria: pregnancy').exclusion, 'Exclusion Criteria: pregnancy');
    assert.deepEqual(splitCriteria(null), { inclusion: '', exclusion: '' });
  });
});

const config: PipelineConfig = { ...PIPELINE_CONFIG, positionDecay: 1, diagnosisBoost: 3, dropFamilyHistory: true, feedbackDocs: 0 };

describe('patient query', () => {
  it('weighs later sentences less and diagnosis sentences more; drops negations and relatives', () => {
    const clauses = weightedClauses({ id: '1', text: 'A 50-year-old man with cough. Biopsy showed adenocarcinoma. He denies fever. His mother had leukemia.' }, config);
    assert.deepEqual(clauses.map((clause) => clause.weight), [1, 3 / 2, 1 / 3, 1 / 4]);
    assert.doesNotMatch(clauses[2]!.text, /fever/);
    assert.doesNotMatch(clauses[3]!.text, /leukemia/);
  });

  it('reads a questionnaire topic: template and diagnosis first, "no" answers dropped, "yes" answers as the field', () => {
    const topic = {
      id: '3',
      text: 'glaucoma. definitive diagnosis: uveitic glaucoma. prior cataract surgery: no. suicidal ideation: yes',
      template: 'glaucoma',
      fields: [
        { name: 'definitive diagnosis', value: 'uveitic glaucoma' },
        { name: 'prior cataract surgery', value: 'no' },
        { name: 'suicidal ideation', value: 'yes' },
      ],
    };
    assert.deepEqual(weightedClauses(topic, config), [
      { text: 'glaucoma uveitic glaucoma', weight: 3 },
      { text: 'suicidal ideation', weight: 1 / 2 },
    ]);
    const { words, pairs } = patientQueryParts(topic, config);
    assert.equal(words.get('glaucoma'), 6);
    assert.equal(words.has('cataract'), false);
    assert.equal(pairs.get('suicid ideat'), 1 / 2);
  });
});

describe('pipeline', () => {
  const trial = (id: string, fields: Partial<Record<TrialField, string>>): { id: string; fields: Record<TrialField, string[]> } => ({
    id,
    fields: Object.fromEntries(TRIAL_FIELDS.map((field) => [field, pipelineTokens(fields[field] ?? '')])) as Record<TrialField, string[]>,
  });
  const docs = [
    trial('excludes', { title: 'Exercise after surgery', summary: 'acute lymphoblastic leukemia study', exclusion: 'Exclusion: acute lymphoblastic leukemia' }),
    trial('includes', { title: 'Exercise after surgery', summary: 'acute lymphoblastic leukemia study', inclusion: 'Inclusion: acute lymphoblastic leukemia' }),
    trial('children', { title: 'Exercise after surgery', summary: 'acute lymphoblastic leukemia study', inclusion: 'Inclusion: acute lymphoblastic leukemia' }),
    trial('other', { title: 'Diet and sleep' }),
  ];
  const facts: TrialFacts[] = docs.map((doc) => ({
    minAgeYears: null,
    maxAgeYears: doc.id === 'children' ? 17 : null,
    sex: null,
    cancerTypes: new Set<string>(),
  }));
  const corpus = { index: buildFieldedIndex(docs, TRIAL_FIELDS), facts };

  it('ranks the trial including the patient\'s condition over one excluding it, and demotes an age mismatch', () => {
    const ranking = pipelineRank({ id: 't', text: 'A 40-year-old woman diagnosed with acute lymphoblastic leukaemia.' }, corpus, { limit: 4, config });
    assert.deepEqual(ranking.slice(0, 3), ['includes', 'children', 'excludes']);
  });

  it('demotes, never drops, a trial whose criteria rule the patient out, when the eligibility stage is on', () => {
    // 'children' and 'includes' have the same text; with no age limit they tie, and ties go by id.
    const open = { ...facts[1]!, criteria: 'Inclusion Criteria:\n- Acute lymphoblastic leukaemia' };
    const strict = { ...facts[2]!, maxAgeYears: null, criteria: 'Inclusion Criteria:\n- ECOG performance status 0-1\nExclusion Criteria:\n- Pregnancy' };
    const withCriteria = { index: corpus.index, facts: [facts[0]!, open, strict, facts[3]!] };
    const text = 'A 40-year-old woman diagnosed with acute lymphoblastic leukaemia, ECOG 3.';
    const before = pipelineRank({ id: 't', text }, withCriteria, { limit: 4, config });
    const after = pipelineRank({ id: 't', text }, withCriteria, { limit: 4, config: { ...config, eligibilityMismatch: 0.5 } });
    assert.deepEqual(before.slice(0, 2), ['children', 'includes']);
    assert.deepEqual(after.slice(0, 2), ['includes', 'children']);
    assert.equal(after.length, 4);
  });

  it('fuses variant rankings by reciprocal rank', () => {
    const text = 'A 40-year-old woman diagnosed with acute lymphoblastic leukaemia.';
    const fused = pipelineRank({ id: 't', text }, corpus, { limit: 4, config: { ...config, fusion: [{ pairWeight: 0 }] } });
    assert.deepEqual(fused.slice(0, 3), ['includes', 'children', 'excludes']);
  });

  it('finds the trials naming a questionnaire\'s condition by its words or another of its names, and demotes the rest', () => {
    const named = [
      trial('copd-mesh', { title: 'Inhaler study', conditions: 'Pulmonary Disease, Chronic Obstructive' }),
      trial('copd-abbrev', { title: 'Rehabilitation in COPD' }),
      trial('asthma', { title: 'Inhaler study in asthma', summary: 'people with COPD excluded' }),
    ];
    const index = buildFieldedIndex(named, TRIAL_FIELDS);
    assert.ok(conditionPhrases('COPD').includes('chronic obstructive pulmonary disease'));
    assert.deepEqual([...trialsNamingCondition('COPD', index)].sort(), [0, 1]);
    const namedFacts: TrialFacts[] = named.map(() => ({ minAgeYears: null, maxAgeYears: null, sex: null, cancerTypes: new Set<string>() }));
    const topic = { id: 'q', text: 'COPD. inhaler study', template: 'COPD', fields: [{ name: 'treatment', value: 'inhaler study' }] };
    const plainConfig = { ...config, questionnaire: { ...config.questionnaire, fusion: [], baselineFusion: 0, eligibilityMismatch: 1 } };
    const kept = pipelineRank(topic, { index, facts: namedFacts }, { limit: 3, config: { ...plainConfig, questionnaire: { ...plainConfig.questionnaire, conditionMismatch: 1 } } });
    const demoted = pipelineRank(topic, { index, facts: namedFacts }, { limit: 3, config: { ...plainConfig, questionnaire: { ...plainConfig.questionnaire, conditionMismatch: 0.01 } } });
    // The asthma trial names COPD only in its summary: ahead of the MeSH-named trial on the words, last once demoted.
    assert.ok(kept.indexOf('asthma') < kept.indexOf('copd-mesh'), kept.join());
    assert.equal(demoted.at(-1), 'asthma', demoted.join());
  });
});
