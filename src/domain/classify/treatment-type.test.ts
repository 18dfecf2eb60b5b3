import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Arm, Intervention } from '../trial.ts';
import { classifyTreatments, TREATMENT_KIND_LABELS, TREATMENT_KINDS } from './treatment-type.ts';
import type { ClassifiableTrial } from './treatment-type.ts';

const iv = (type: string, name: string, description: string | null = null, otherNames: string[] = []): Intervention => ({
  type,
  name,
  otherNames,
  description,
});
const arm = (label: string, description: string | null = null): Arm => ({ label, type: null, description, interventionNames: [] });

function trial(fields: Partial<ClassifiableTrial>): ClassifiableTrial {
  return { briefTitle: 'A study', officialTitle: null, keywords: [], interventions: [], arms: [], ...fields };
}
const kinds = (fields: Partial<ClassifiableTrial>): string[] =>
  classifyTreatments(trial(fields)).map((a) => (a.sub === undefined ? a.kind : `${a.kind}/${a.sub}`));

describe('classifyTreatments', () => {
  it('reads an NCI-style transplant regimen (intervention strings from the demo records)', () => {
    const result = classifyTreatments(
      trial({
        briefTitle: 'Busulfan and Cyclophosphamide Followed by Bone Marrow Transplantation in Treating Patients With AML',
        interventions: [
          iv('drug', 'busulfan'),
          iv('drug', 'cyclophosphamide'),
          iv('procedure', 'allogeneic bone marrow transplantation'),
          iv('radiation', 'radiation therapy'),
          iv('other', 'laboratory biomarker analysis'),
        ],
      }),
    );
    assert.deepEqual(result, [
      { kind: 'chemotherapy', because: 'busulfan' },
      { kind: 'stem-cell-transplant', sub: 'allogeneic', because: 'allogeneic bone marrow transplantation' },
      { kind: 'radiotherapy', because: 'radiation therapy' },
    ]);
  });

  it('tells donor from own-cell transplants, and keeps both when a trial has both', () => {
    assert.deepEqual(kinds({ interventions: [iv('procedure', 'Autologous Hematopoietic Stem Cell Transplantation')] }), [
      'stem-cell-transplant/autologous',
    ]);
    assert.deepEqual(kinds({ briefTitle: 'Haploidentical donor transplant versus autologous SCT' }), [
      'stem-cell-transplant/allogeneic',
      'stem-cell-transplant/autologous',
    ]);
    assert.deepEqual(kinds({ interventions: [iv('procedure', 'HSCT')] }), ['stem-cell-transplant']);
  });

  it('groups Philadelphia-positive ALL drugs as targeted, blinatumomab as immunotherapy', () => {
    const result = kinds({
      interventions: [iv('drug', 'Ponatinib'), iv('drug', 'Dasatinib'), iv('biological', 'Blinatumomab'), iv('drug', 'Inotuzumab Ozogamicin')],
    });
    assert.deepEqual(result, ['targeted', 'immunotherapy']);
    assert.deepEqual(kinds({ interventions: [iv('biological', 'Rituximab')] }), ['targeted']);
    assert.deepEqual(kinds({ interventions: [iv('drug', 'Imatinib Mesylate', null, ['Gleevec', 'STI571'])] }), ['targeted']);
  });

  it('files CAR T as its own kind and as immunotherapy, with the reason', () => {
    assert.deepEqual(classifyTreatments(trial({ interventions: [iv('biological', 'Obecabtagene Autoleucel')] })), [
      { kind: 'immunotherapy', because: 'Obecabtagene Autoleucel' },
      { kind: 'car-t', because: 'Obecabtagene Autoleucel' },
    ]);
    assert.deepEqual(kinds({ briefTitle: 'CD19-directed chimeric antigen receptor T cells for relapsed B-ALL' }), ['immunotherapy', 'car-t']);
    assert.deepEqual(kinds({ interventions: [iv('biological', 'CD7 CAR-T cells')] }), ['immunotherapy', 'car-t']);
  });

  it('keeps a checkpoint inhibitor immunotherapy although its description says monoclonal antibody', () => {
    const pembro = iv('biological', 'Pembrolizumab', 'A humanized monoclonal antibody against PD-1');
    assert.deepEqual(kinds({ interventions: [pembro] }), ['immunotherapy']);
    assert.deepEqual(kinds({ interventions: [iv('drug', 'XYZ-123', 'An oral tyrosine kinase inhibitor of FLT3')] }), ['targeted']);
  });

  it('recognises new drugs from pharmOncoX targets and drug-name stems', () => {
    assert.deepEqual(kinds({ interventions: [iv('drug', 'Daraxonrasib')] }), ['targeted']);
    assert.deepEqual(kinds({ interventions: [iv('drug', 'Zorifertinib')] }), ['targeted']);
    assert.deepEqual(kinds({ interventions: [iv('drug', 'Tiragolumab')] }), ['immunotherapy']);
  });

  it('does not make assessments, placebo or questionnaires supportive care', () => {
    const assessments = ['Placebo', 'Laboratory Biomarker Analysis', 'Questionnaire Administration', 'Quality-of-Life Assessment'];
    assert.deepEqual(classifyTreatments(trial({ interventions: assessments.map((name) => iv('other', name)) })), [
      { kind: 'other', because: 'Placebo' },
    ]);
    assert.deepEqual(kinds({ interventions: [iv('drug', 'Cytarabine'), iv('behavioral', 'Questionnaire Administration')] }), ['chemotherapy']);
  });

  it('makes a trial supportive care from what it gives for side effects, infection, GVHD, gut bacteria or wellbeing', () => {
    assert.deepEqual(kinds({ interventions: [iv('behavioral', 'Aerobic exercise programme')] }), ['supportive-care']);
    assert.deepEqual(kinds({ interventions: [iv('dietary supplement', 'Cholecalciferol')] }), ['supportive-care']);
    assert.deepEqual(kinds({ interventions: [iv('biological', 'Faecal microbiota transplantation')] }), ['supportive-care']);
    assert.deepEqual(kinds({ interventions: [iv('drug', 'Posaconazole')] }), ['supportive-care']);
    assert.deepEqual(kinds({ briefTitle: 'Vedolizumab to prevent graft-versus-host disease' }), [
      'stem-cell-transplant/allogeneic',
      'supportive-care',
    ]);
    assert.deepEqual(kinds({ interventions: [iv('drug', 'Ondansetron')], primaryPurpose: 'SUPPORTIVE_CARE' }), ['supportive-care']);
  });

  it('does not make a chemotherapy trial supportive care because it lists filgrastim', () => {
    const regimen = [iv('drug', 'Cyclophosphamide'), iv('biological', 'Filgrastim')];
    assert.deepEqual(kinds({ interventions: regimen }), ['chemotherapy']);
    assert.deepEqual(kinds({ interventions: [iv('biological', 'Filgrastim')] }), ['supportive-care']);
    assert.deepEqual(kinds({ interventions: regimen, briefTitle: 'Filgrastim to prevent febrile neutropenia during chemotherapy' }), [
      'chemotherapy',
      'supportive-care',
    ]);
  });

  it('ignores negated and past treatments in titles and arms', () => {
    assert.deepEqual(kinds({ briefTitle: 'Daratumumab in myeloma patients not eligible for stem cell transplant' }), ['targeted']);
    assert.deepEqual(kinds({ briefTitle: 'A chemotherapy-free regimen of dasatinib and blinatumomab' }), ['targeted', 'immunotherapy']);
    assert.deepEqual(kinds({ briefTitle: 'Nivolumab in patients previously treated with chemotherapy' }), ['immunotherapy']);
    assert.deepEqual(kinds({ briefTitle: 'Chemotherapy with or without radiotherapy before surgery' }), ['chemotherapy', 'radiotherapy', 'surgery']);
    assert.deepEqual(kinds({ arms: [arm('Arm B', 'Patients receive imatinib prior to surgery')] }), ['targeted', 'surgery']);
  });

  it('covers radiotherapy forms and surgery names', () => {
    assert.deepEqual(kinds({ interventions: [iv('radiation', 'Total-Body Irradiation')] }), ['radiotherapy']);
    assert.deepEqual(kinds({ interventions: [iv('radiation', 'Proton beam')] }), ['radiotherapy']);
    assert.deepEqual(kinds({ interventions: [iv('radiation', 'HDR brachytherapy')] }), ['radiotherapy']);
    assert.deepEqual(kinds({ interventions: [iv('procedure', 'Radical prostatectomy')] }), ['surgery']);
    assert.deepEqual(kinds({ interventions: [iv('drug', 'Omeprazole', 'proton pump inhibitor')] }), ['supportive-care']);
  });

  it('files hormone therapy under other, and gives every trial at least one kind', () => {
    assert.deepEqual(kinds({ interventions: [iv('drug', 'Letrozole'), iv('drug', 'Palbociclib')] }), ['targeted', 'other']);
    assert.deepEqual(classifyTreatments(trial({})), [{ kind: 'other', because: 'no treatment named' }]);
    assert.deepEqual(classifyTreatments(trial({ interventions: [iv('drug', 'ABC-0001')] })), [{ kind: 'other', because: 'ABC-0001' }]);
  });

  it('says why from arms, titles and keywords', () => {
    const [fromArm] = classifyTreatments(trial({ arms: [arm('Arm A', 'Patients receive cytarabine IV on days 1-7')] }));
    assert.deepEqual(fromArm, { kind: 'chemotherapy', because: 'arm "Arm A": cytarabine' });
    const [fromTitle] = classifyTreatments(trial({ briefTitle: 'Allogeneic Stem Cell Transplantation in Older Adults' }));
    assert.deepEqual(fromTitle, { kind: 'stem-cell-transplant', sub: 'allogeneic', because: 'title: stem cell transplantation' });
  });

  it('gives a trial for no cancer `other` only, whatever it gives', () => {
    const aplastic = iv('drug', 'cyclophosphamide');
    const fields = { briefTitle: 'Comparing Therapies for the Treatment of Severe Aplastic Anemia', interventions: [iv('drug', 'antithymocyte globulin'), aplastic] };
    assert.deepEqual(kinds({ ...fields, conditions: ['Severe Aplastic Anemia (SAA)'] }), ['other']);
    assert.deepEqual(kinds({ ...fields }), ['chemotherapy']); // without conditions the trial-level rules are off
  });

  it('treats blood-count drugs as treating myelodysplastic syndromes, not as supportive care', () => {
    const drugs = [iv('drug', 'antithymocyte globulin'), iv('drug', 'cyclosporine')];
    assert.deepEqual(kinds({ conditions: ['Myelodysplastic Syndromes'], interventions: drugs }), ['other']);
    assert.deepEqual(kinds({ conditions: ['Leukemia'], interventions: drugs }), ['supportive-care']);
  });

  it('files observational studies under other, with the drug or effects they follow', () => {
    const observed = { studyType: 'observational' as const, conditions: ['Prostate Cancer'] };
    assert.deepEqual(kinds({ ...observed, briefTitle: 'Evaluation of Intraprostatic Fiducial Markers For External Beam Radiation Therapy' }), ['radiotherapy', 'other']);
    assert.deepEqual(kinds({ ...observed, briefTitle: 'Late Effects of Treatment for Sarcomas in Children' }), ['supportive-care', 'other']);
    const cohort = arm('1', 'Breast cancer survivors treated with a combination of chemotherapy and hormonal therapy');
    assert.deepEqual(kinds({ ...observed, arms: [cohort] }), ['other']);
  });

  it('does not count a treatment that is only the setting of the trial', () => {
    assert.deepEqual(kinds({ briefTitle: 'Epoetin Alfa in Treating Anemia in Patients Who Are Receiving Chemotherapy' }), ['supportive-care']);
    assert.deepEqual(kinds({ briefTitle: 'A Study of Xeloda (Capecitabine) Compared With 5-Fluorouracil in Patients Who Have Undergone Surgery for Colon Cancer' }), ['chemotherapy']);
    assert.deepEqual(kinds({ briefTitle: 'Prevention of Chemotherapy-Induced Nausea and Vomiting' }), ['supportive-care']);
    assert.ok(kinds({ briefTitle: 'Prevention of Graft-Versus-Host Disease in Patients Undergoing Bone Marrow Transplantation' }).includes('stem-cell-transplant/allogeneic'));
  });

  it('counts supportive care named only in keywords or descriptions only when nothing else is given', () => {
    assert.deepEqual(kinds({ interventions: [iv('drug', 'cytarabine'), iv('drug', 'idarubicin')], keywords: ['neutropenia'] }), ['chemotherapy']);
    assert.deepEqual(kinds({ interventions: [iv('drug', 'morphine')], keywords: ['pain'] }), ['supportive-care']);
  });

  it('files retinoids and radiosensitisers under other, arsenic trioxide as chemotherapy, IMiDs as both targeted and immunotherapy', () => {
    assert.deepEqual(kinds({ briefTitle: 'Fenretinide in Treating Children With Solid Tumors' }), ['other']);
    assert.deepEqual(kinds({ interventions: [iv('drug', 'tretinoin')] }), ['other']);
    assert.deepEqual(kinds({ briefTitle: 'Arsenic Trioxide in Treating Patients With Advanced Hematologic Cancer' }), ['chemotherapy']);
    assert.deepEqual(kinds({ interventions: [iv('drug', 'motexafin gadolinium')] }), ['other']);
    assert.deepEqual(kinds({ interventions: [iv('drug', 'thalidomide')] }), ['targeted', 'immunotherapy']);
    assert.deepEqual(kinds({ interventions: [iv('radiation', 'external beam radiation therapy')] }), ['radiotherapy']);
  });

  it('takes the transplant kind from rescue and reinfusion, and from the description when the names do not say', () => {
    assert.deepEqual(kinds({ briefTitle: 'Dose-Intense Chemotherapy and Stem Cell Rescue in the Treatment of Inflammatory Breast Carcinoma' }), [
      'chemotherapy',
      'stem-cell-transplant/autologous',
    ]);
    const generic = iv('procedure', 'bone marrow ablation with stem cell support');
    assert.deepEqual(kinds({ interventions: [generic] }), ['stem-cell-transplant']);
    const summary = 'Part I: Autologous PBSC are harvested before study entry.';
    assert.deepEqual(kinds({ interventions: [generic], briefSummary: summary }), ['stem-cell-transplant/autologous']);
    assert.deepEqual(kinds({ briefTitle: 'Thalidomide for Chronic Graft-Versus-Host Disease', conditions: ['Graft Versus Host Disease', 'Leukemia'] }), [
      'targeted',
      'immunotherapy',
      'supportive-care',
    ]);
  });

  it('labels every kind in plain English', () => {
    assert.equal(TREATMENT_KIND_LABELS.targeted, 'Targeted cancer drugs');
    assert.equal(TREATMENT_KIND_LABELS['stem-cell-transplant'], 'Stem cell transplant');
    for (const kind of TREATMENT_KINDS) assert.ok(TREATMENT_KIND_LABELS[kind].length > 0);
  });
});
