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
    assert.deepEqual(kinds({ briefTitle: 'Cholecalciferol to prevent bone loss', interventions: [iv('dietary supplement', 'Cholecalciferol')] }), [
      'supportive-care',
    ]);
    assert.deepEqual(kinds({ interventions: [iv('biological', 'Faecal microbiota transplantation')] }), ['supportive-care']);
    assert.deepEqual(kinds({ interventions: [iv('drug', 'Posaconazole')] }), ['supportive-care']);
    assert.deepEqual(kinds({ briefTitle: 'Vedolizumab to prevent graft-versus-host disease' }), [
      'stem-cell-transplant/allogeneic',
      'supportive-care',
    ]);
    assert.deepEqual(kinds({ interventions: [iv('drug', 'Ondansetron')], primaryPurpose: 'SUPPORTIVE_CARE' }), ['supportive-care']);
  });

  // Precision rules of the second tuning round; every string below is from an unlabelled demo record.
  it('counts a P-glycoprotein blocker as part of the chemotherapy it is given with, not as a targeted drug (NCT00002937)', () => {
    const result = kinds({
      briefTitle: 'Paclitaxel With or Without PSC 833 in Treating Patients With Metastatic Breast Cancer',
      interventions: [iv('drug', 'paclitaxel'), iv('drug', 'valspodar')],
    });
    assert.deepEqual(result, ['chemotherapy']);
  });

  it('treats vitamins and plant extracts as given against the cancer unless the trial names a supportive topic', () => {
    // NCT00005827, NCT00006078: a supplement alone is `other`.
    assert.deepEqual(kinds({ briefTitle: 'Genistein in Treating Patients With Stage II, Stage III, or Stage IV Prostate Cancer', interventions: [iv('dietary supplement', 'genistein')] }), ['other']);
    assert.deepEqual(kinds({ briefTitle: 'Lycopene In Preventing of Prostate Cancer', interventions: [iv('dietary supplement', 'lycopene')] }), ['other']);
    // NCT00006021: vitamin C as a sensitiser adds nothing to the arsenic trioxide.
    assert.deepEqual(
      kinds({ briefTitle: 'Arsenic Trioxide Plus Vitamin C in Treating Patients With Recurrent or Refractory Multiple Myeloma', interventions: [iv('dietary supplement', 'ascorbic acid'), iv('drug', 'arsenic trioxide')] }),
      ['chemotherapy'],
    );
    // NCT00002650: folic acid chemoprevention.
    assert.deepEqual(kinds({ briefTitle: 'High-Dose Folic Acid in Preventing Colorectal Cancer in Patients Who Have Had Polyps Surgically Removed', interventions: [iv('dietary supplement', 'folic acid')] }), ['other']);
    // NCT00008086: an unnamed supplement next to chemotherapy is still `other`; NCT02831582, NCT05559164: a side-effect title is supportive care.
    assert.deepEqual(kinds({ briefTitle: 'Calcitriol Plus Carboplatin in Treating Patients With Advanced Solid Tumors', interventions: [iv('dietary supplement', 'calcitriol'), iv('drug', 'carboplatin')] }), ['chemotherapy', 'other']);
    assert.deepEqual(kinds({ briefTitle: 'Omega-3 Supplementation in Prevention of Aromatase Inhibitor-Induced Toxicity in Patients with Stage I-III Breast Cancer' }), ['supportive-care']);
    assert.deepEqual(kinds({ briefTitle: 'A Statin (Atorvastatin Calcium) for the Reduction of Cardiac Toxicity in Patients with Stage I-III Breast Cancer Receiving HER2 Targeted Therapy, STACIE Study' }), ['supportive-care']);
  });

  it('reads an infection that causes the cancer as its cause, not a complication (NCT00006310, NCT00498134)', () => {
    assert.deepEqual(kinds({ briefTitle: 'KSHV Infection in Blood Donors From Texas', studyType: 'observational' }), ['other']);
    const result = kinds({
      briefTitle: 'Chemoprevention of Gastric Cancer by Intervention With Helicobacter Pylori and Cyclooxygenase Pathway',
      interventions: [iv('drug', 'Triple therapy for H. pylori infection'), iv('drug', 'Cox-2 inhibitor')],
    });
    assert.deepEqual(result, ['other']);
  });

  it('reads an idiotype vaccine as immunotherapy, not immunoglobulin replacement (NCT00001572)', () => {
    const result = kinds({
      briefTitle: 'Vaccination of Follicular Lymphomas With Tumor-Derived Immunoglobulin Idiotype',
      interventions: [iv('drug', 'Id-KLH Vaccine'), iv('drug', 'QS-21 (Stimulation-QS-21) Drug')],
    });
    assert.deepEqual(result, ['immunotherapy']);
  });

  it('counts ganciclovir as a companion: part of HSV-TK gene therapy, supportive care alone (NCT00005025)', () => {
    const result = kinds({
      briefTitle: 'Gene Therapy in Treating Women With Refractory or Relapsed Ovarian Epithelial Cancer, Fallopian Tube Cancer, or Peritoneal Cancer',
      interventions: [iv('biological', 'herpes simplex thymidine kinase'), iv('drug', 'ganciclovir')],
    });
    assert.deepEqual(result, ['other']);
    assert.deepEqual(kinds({ interventions: [iv('drug', 'ganciclovir')] }), ['supportive-care']);
  });

  it("does not make a treatment trial supportive care for the PDQ's generic 'pain therapy' (NCT00003781)", () => {
    const result = kinds({
      briefTitle: 'Docetaxel in Treating Patients With Stage IV Prostate Cancer',
      interventions: [iv('drug', 'docetaxel'), iv('procedure', 'pain therapy'), iv('procedure', 'quality-of-life assessment')],
    });
    assert.deepEqual(result, ['chemotherapy']);
  });

  it("gives an observational study's exposures no kind by intervention type (NCT00002762)", () => {
    const result = kinds({
      briefTitle: 'Correlation of Menstrual Cycle Phase at Time of Primary Surgery With 5-Year Disease-Free Survival in Women With Stage I or Stage II Breast Cancer',
      studyType: 'observational',
      interventions: [iv('behavioral', 'patient interviewing to obtain menstrual history'), iv('procedure', 'blood sampling')],
    });
    assert.deepEqual(result, ['surgery', 'other']);
  });

  it("reads a support drug's description as its setting, not more treatment (NCT00002850)", () => {
    const result = kinds({
      briefTitle: 'Antibiotic Therapy in Preventing Early Infection in Patients With Multiple Myeloma Who Are Receiving Chemotherapy',
      interventions: [
        iv('drug', 'ofloxacin', 'Begin oral ofloxacin when they start chemotherapy for multiple myeloma. Assigned treatment consists of ofloxacin (500 mg po tablet every 12 hours for two months. The patient will continue to be observed one additional month on study continuing regular myeloma chemotherapy.'),
      ],
    });
    assert.deepEqual(result, ['supportive-care']);
  });

  it('makes the drugs of a trial of treating GVHD supportive care, unless its title names cancer treatment', () => {
    // NCT00003894, NCT00492921, NCT00002456; the last is made up: a title naming conditioning keeps its chemotherapy.
    assert.deepEqual(kinds({ briefTitle: 'Thalidomide in Treating Patients With Chronic Graft-Versus-Host Disease Following Bone Marrow Transplant', interventions: [iv('drug', 'thalidomide')] }), ['supportive-care']);
    assert.deepEqual(kinds({ briefTitle: 'High-Dose Cyclophosphamide for Steroid Refractory GVHD', interventions: [iv('drug', 'Cyclophosphamide')] }), ['supportive-care']);
    assert.deepEqual(
      kinds({
        briefTitle: 'Graft-Versus-Host Disease Prevention in Treating Patients Who Are Undergoing Bone Marrow Transplantation',
        interventions: [iv('drug', 'cyclosporine'), iv('drug', 'methotrexate'), iv('procedure', 'allogeneic bone marrow transplantation')],
      }),
      ['stem-cell-transplant/allogeneic', 'supportive-care'],
    );
    assert.deepEqual(
      kinds({ briefTitle: 'Reduced intensity conditioning with fludarabine to prevent GVHD', interventions: [iv('drug', 'fludarabine phosphate')] }),
      ['chemotherapy', 'stem-cell-transplant/allogeneic', 'supportive-care'],
    );
  });

  it('reads megestrol and ketoconazole as hormone therapy unless the trial names a supportive topic (NCT00002465, NCT00002760)', () => {
    assert.deepEqual(kinds({ briefTitle: 'High-Dose Megestrol in Treating Patients With Metastatic Breast Cancer, Endometrial Cancer, or Mesothelioma', interventions: [iv('drug', 'megestrol acetate')] }), ['other']);
    const withdrawal = kinds({
      briefTitle: 'Antiandrogen Withdrawal in Treating Patients With Hormone-Refractory Prostate Cancer',
      interventions: [iv('drug', 'ketoconazole', '400 mg PO tid for as long as treatment is effective'), iv('drug', 'therapeutic hydrocortisone'), iv('other', 'Withdrawal of antiandrogen therapy', 'no drugs given')],
    });
    assert.deepEqual(withdrawal, ['other']);
    assert.deepEqual(kinds({ briefTitle: 'Megestrol acetate for hot flashes', interventions: [iv('drug', 'megestrol acetate')] }), ['supportive-care']);
  });

  it('counts named anti-infectives in a treatment regimen as companions (NCT00002524: PCP prophylaxis)', () => {
    const result = kinds({
      briefTitle: 'Combination Chemotherapy in Treating Patients With AIDS-Related Lymphoma',
      interventions: [iv('drug', 'Cyclophosphamide'), iv('drug', 'Pentamidine', null, ['Pentam-300']), iv('drug', 'Trimethoprim-Sulfamethoxazole')],
    });
    assert.deepEqual(result, ['chemotherapy']);
    assert.deepEqual(kinds({ briefTitle: 'Antifungal Therapy for Fever and Neutropenia in Patients Receiving Treatment for Hematologic Cancer', interventions: [iv('drug', 'amphotericin B deoxycholate'), iv('drug', 'nystatin')] }), ['supportive-care']);
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

  it('does not count treatment the patients already had or cannot have, nor the rest of a list it heads', () => {
    // NCT02201992, NCT03488693: surgery before enrolment, named in the title.
    assert.deepEqual(
      kinds({ briefTitle: 'Crizotinib in Treating Patients with Stage IB-IIIA Non-small Cell Lung Cancer That Has Been Removed by Surgery', interventions: [iv('drug', 'Crizotinib')] }),
      ['targeted'],
    );
    assert.deepEqual(
      kinds({ briefTitle: 'Regional Radiation Therapy in Treating Patients with Breast Cancer Who Have Undergone Breast Conserving Surgery or Mastectomy' }),
      ['radiotherapy'],
    );
    // NCT05466149: the chemotherapy the patients progressed after is not given by the trial.
    assert.deepEqual(
      kinds({
        interventions: [iv('drug', 'Furmonertinib')],
        arms: [arm('Furmonertinib 240mg QD', 'Treating patients with EGFR exon 20 insertions who have progressed during or after platinum-based chemotherapy.')],
      }),
      ['targeted'],
    );
    assert.deepEqual(kinds({ interventions: [iv('drug', 'Melphalan', 'For patients who cannot receive total body irradiation (TBI).')] }), ['chemotherapy']);
    assert.deepEqual(kinds({ briefTitle: 'Chemotherapy With or Without Radiation Therapy' }), ['chemotherapy', 'radiotherapy'], "'with or without' still gives both");
  });

  it('reads an arm that only gives tests as the setting of the treatment it describes (NCT03606070)', () => {
    const pet: Arm = { label: 'Patients with NSCLC', type: 'other', description: 'A PET-MRI examination performed before the chemoradiotherapy treatment.', interventionNames: ['PET-MRI'] };
    assert.deepEqual(kinds({ interventions: [iv('diagnostic test', 'PET-MRI')], arms: [pet] }), ['other']);
    const treated: Arm = { ...pet, description: 'Patients receive cisplatin and radiotherapy.', interventionNames: ['Cisplatin'] };
    assert.deepEqual(kinds({ interventions: [iv('drug', 'Cisplatin')], arms: [treated] }), ['chemotherapy', 'radiotherapy']);
  });

  it("reads '<target> inhibitor' in a title by its target's kind", () => {
    // NCT04526106: an NCI record with no interventions.
    assert.deepEqual(kinds({ briefTitle: 'First-in-Human Study of Highly Selective FGFR2 Inhibitor, RLY-4008, in Patients With ICC' }), ['targeted']);
    assert.deepEqual(kinds({ briefTitle: 'An IDO1 Inhibitor With Pembrolizumab in Melanoma' }), ['immunotherapy']);
    assert.deepEqual(kinds({ briefTitle: 'Patients Previously Treated With an FGFR2 Inhibitor: a Registry', studyType: 'observational' }), ['other']);
  });

  it('reads a radiolabelled antibody or radioligand as targeted and radiotherapy, but not a combination', () => {
    // NCT00001249: yttrium-90 anti-Tac; the keyword naming the antibody's target (the IL-2 receptor) is not interleukin-2.
    assert.deepEqual(kinds({ interventions: [iv('drug', 'Yttrium-90 radiolabeled anti-Tac antibody')], keywords: ['Interleukin-2 Receptor'] }), ['targeted', 'radiotherapy']);
    assert.deepEqual(kinds({ interventions: [iv('radiation', 'lutetium Lu 177 dotatate')] }), ['targeted', 'radiotherapy']);
    // NCT03955198: stereotactic radiotherapy given with durvalumab is two treatments.
    assert.deepEqual(kinds({ interventions: [iv('combination product', 'Radiotherapy + durvalumab')] }), ['immunotherapy', 'radiotherapy']);
  });

  it('does not count a treatment the patients had before the trial, unless an intervention gives it', () => {
    // NCT00003107: the transplant precedes the study drug.
    const il12 = {
      briefTitle: 'Interleukin-12 in Treating Patients With Hematologic Cancers',
      officialTitle: 'A Phase I Trial of Interleukin-12 After High-Dose Therapy and Autologous Hematopoietic Stem Cell Support',
      conditions: ['Lymphoma'],
    };
    assert.deepEqual(kinds({ ...il12, interventions: [iv('biological', 'recombinant interleukin-12')] }), ['immunotherapy']);
    assert.deepEqual(
      kinds({ ...il12, interventions: [iv('biological', 'recombinant interleukin-12'), iv('procedure', 'autologous bone marrow transplantation')] }),
      ['stem-cell-transplant/autologous', 'immunotherapy'],
    );
    // NCT00002787, NCT00494806, NCT00006349: an earlier transplant, operation and irradiation.
    const vaccine = [iv('biological', 'autologous immunoglobulin idiotype-KLH conjugate vaccine')];
    assert.deepEqual(kinds({ briefTitle: 'Vaccine Therapy in Patients With Multiple Myeloma Who Have Undergone Stem Cell Transplantation', interventions: vaccine }), ['immunotherapy']);
    assert.deepEqual(kinds({ briefTitle: 'Rocking Chair Motion and Ileus Following Abdominal Surgery', interventions: [iv('behavioral', 'Rocking chair')] }), ['supportive-care']);
    const donepezil: Arm = { label: 'donepezil', type: null, description: 'Treatment begins within 2 weeks after completion of prophylactic cranial irradiation.', interventionNames: [] };
    assert.deepEqual(kinds({ briefTitle: 'Donepezil to Prevent Cognitive Decline', interventions: [iv('drug', 'donepezil')], arms: [donepezil] }), ['other']);
    // A record listing no interventions has only its title: NCT04266249 keeps its HER2-targeted therapy.
    assert.deepEqual(
      kinds({ briefTitle: 'Decreasing Chemotherapy in HER2-Positive Breast Cancer With No Remaining Cancer at Surgery after Limited Pre-operative Chemotherapy and HER2-Targeted Therapy' }),
      ['chemotherapy', 'targeted'],
    );
    // "followed by" is the trial's own sequence.
    assert.deepEqual(kinds({ briefTitle: 'Surgery Followed by Radiation Therapy in Glioma', interventions: [iv('procedure', 'surgery')] }), ['radiotherapy', 'surgery']);
  });

  it('does not count a keyword naming what the titles say came before, nor a treatment the trial replaces', () => {
    // NCT05827016: maintenance after an earlier autologous transplant; its keywords name the transplant.
    const maintenance = {
      briefTitle: 'Iberdomide Maintenance Versus Lenalidomide Maintenance Therapy Following Autologous Stem Cell Transplant in Multiple Myeloma',
      keywords: ['Maintenance', 'Autologous stem cell transplant'],
      conditions: ['Multiple Myeloma'],
    };
    assert.deepEqual(kinds({ ...maintenance, interventions: [iv('drug', 'Lenalidomide')] }), ['targeted', 'immunotherapy']);
    assert.deepEqual(
      kinds({ ...maintenance, interventions: [iv('drug', 'Lenalidomide'), iv('procedure', 'autologous stem cell transplantation')] }),
      ['stem-cell-transplant/autologous', 'targeted', 'immunotherapy'],
    );
    // NCT00005606: T cells "as an alternative to chemotherapy".
    assert.deepEqual(
      kinds({
        briefTitle: 'Adoptive Immunotherapy of EBV Lymphoproliferative Disease: Selected Reactive Cells as an Alternative to Chemotherapy',
        interventions: [iv('biological', 'allogeneic Epstein-Barr virus-specific cytotoxic T lymphocytes')],
      }),
      ['immunotherapy'],
    );
  });

  it('reads a growth factor the trial randomises as supportive care, and chemotherapy that causes the problem as the setting', () => {
    // NCT00002866, NCT00005863: "with and without G-CSF", "with or without filgrastim".
    const regimen = [iv('drug', 'docetaxel'), iv('drug', 'epirubicin hydrochloride'), iv('biological', 'filgrastim')];
    assert.deepEqual(kinds({ briefTitle: 'Docetaxel and Epirubicin With and Without G-CSF in Metastatic Breast Cancer', interventions: regimen }), ['chemotherapy', 'supportive-care']);
    assert.deepEqual(kinds({ briefTitle: 'Docetaxel and Epirubicin in Metastatic Breast Cancer', interventions: regimen }), ['chemotherapy']);
    // NCT00003739: fever caused by chemotherapy is the setting.
    assert.deepEqual(
      kinds({ briefTitle: 'Antibiotics With or Without G-CSF in Children With Neutropenia and Fever Caused by Chemotherapy', interventions: [iv('biological', 'filgrastim')] }),
      ['supportive-care'],
    );
  });

  it("reads a transplant as own cells when the description harvests and gives back the patient's cells and names no donor", () => {
    // NCT00005952: "Peripheral blood stem cells (PBSC) are collected ... PBSC collections are reinfused".
    const own = {
      briefTitle: 'Temozolomide Plus Peripheral Stem Cell Transplantation in Children With Solid Tumors',
      interventions: [iv('drug', 'temozolomide'), iv('procedure', 'peripheral blood stem cell transplantation')],
      detailedDescription: 'Peripheral blood stem cells (PBSC) are collected on days 0, 2, and 4. PBSC collections are reinfused 1 day after the last dose.',
    };
    assert.deepEqual(kinds(own), ['chemotherapy', 'stem-cell-transplant/autologous']);
    // Collected from a donor: not the patient's own cells, and no transplant phrase states the kind.
    assert.deepEqual(kinds({ ...own, detailedDescription: 'Stem cells are collected from the sibling donor and infused.' }), ['chemotherapy', 'stem-cell-transplant']);
    assert.deepEqual(kinds({ ...own, detailedDescription: 'Patients receive temozolomide and then the transplant.' }), ['chemotherapy', 'stem-cell-transplant']);
  });

  it("reads an observational study's keywords, and the titles of one that only runs tests, as what it looks at", () => {
    // NCT00001160: a natural-history protocol with the keyword "Radioiodine" gives no radiotherapy.
    const natural = { briefTitle: 'Studies on Tumors of the Thyroid', studyType: 'observational' as const, keywords: ['Radioiodine', 'Dosimetry'] };
    assert.deepEqual(kinds(natural), ['other']);
    assert.deepEqual(kinds({ ...natural, studyType: 'interventional' as const }), ['radiotherapy']);
    // NCT00490503: MRI and MR spectroscopy assess the neoadjuvant chemotherapy patients have anyway.
    const imaging = {
      briefTitle: 'Non-Invasive Magnetic Resonance Imaging (MRI) and Magnetic Resonance Spectroscopy Techniques (MRS) for Assessing Neoadjuvant Chemotherapy in Locally Advanced Breast Cancer',
      studyType: 'observational' as const,
      interventions: [iv('procedure', 'Magnetic Resonance Imaging (MRI)'), iv('procedure', 'Magnetic Resonance Spectroscopy (MRS)', 'Scans performed before chemotherapy and at end of chemotherapy/before surgery.')],
    };
    assert.deepEqual(kinds(imaging), ['other']);
    // NCT00006113: a skin test given to measure immunity is an assessment, whatever its intervention type.
    assert.deepEqual(kinds({ interventions: [iv('biological', 'aldesleukin'), iv('radiation', 'Candida albicans skin test reagent')] }), ['immunotherapy']);
  });

  it("counts a category name ('antibody therapy', 'biological therapy') only when no agent it may stand for is named", () => {
    // NCT00002482: muromonab-CD3 (OKT3) activating T cells, with low-dose cyclophosphamide.
    const okt3 = [iv('biological', 'antibody therapy'), iv('biological', 'biological therapy'), iv('biological', 'muromonab-CD3'), iv('drug', 'cyclophosphamide')];
    assert.deepEqual(kinds({ briefTitle: 'Monoclonal Antibody Plus Cyclophosphamide in Treating Patients With Metastatic Cancer', interventions: okt3 }), ['chemotherapy', 'immunotherapy']);
    assert.deepEqual(kinds({ briefTitle: 'Biological Therapy in Treating Patients With Kidney Cancer', interventions: [iv('drug', 'cyclophosphamide')] }), ['chemotherapy', 'immunotherapy']);
    assert.deepEqual(kinds({ briefTitle: 'Biological Therapy in Treating Patients With Kidney Cancer', interventions: [iv('drug', 'tamoxifen citrate')] }), ['other']);
  });

  it('does not count cells a graft is depleted of or grown on in the laboratory', () => {
    // NCT00001872, NCT00498316.
    assert.deepEqual(kinds({ briefTitle: 'A Pre-Clinical Study of Selective Depletion of Donor Lymphocytes' }), ['other']);
    assert.deepEqual(kinds({ briefTitle: 'Cord Blood Expansion on Mesenchymal Stem Cells', interventions: [iv('procedure', 'Cord Blood Infusion', 'Cord blood transplantation performed on day 0.')] }), [
      'stem-cell-transplant/allogeneic',
    ]);
  });

  it("adds a transplant kind the summary states to one the names state (NCT00495287: allografts for high risk)", () => {
    const aml = {
      briefTitle: 'Standard-dose vs High-dose Remission Induction and Autologous Blood Stem Cell Transplantation in AML',
      interventions: [iv('drug', 'cytosine arabinoside')],
      briefSummary: 'High-risk patients will be electively submitted to allogeneic stem cell transplantation (allo-SCT), whenever possible.',
    };
    assert.deepEqual(kinds(aml), ['chemotherapy', 'stem-cell-transplant/allogeneic', 'stem-cell-transplant/autologous']);
    const relapse = { ...aml, briefSummary: 'Patients who relapse after allogeneic stem cell transplantation are not eligible.' };
    assert.deepEqual(kinds(relapse), ['chemotherapy', 'stem-cell-transplant/autologous']);
  });

  it('reads an abbreviation right after its phrase as part of the same list', () => {
    // NCT00004132: "Undergoing Total Body Irradiation (TBI) and High-Dose Chemotherapy" is the setting throughout.
    assert.deepEqual(kinds({ briefTitle: 'Growth Factor to Prevent Oral Mucositis in Patients Undergoing Total Body Irradiation (TBI) and High-Dose Chemotherapy' }), [
      'supportive-care',
    ]);
  });

  it('labels every kind in plain English', () => {
    assert.equal(TREATMENT_KIND_LABELS.targeted, 'Targeted cancer drugs');
    assert.equal(TREATMENT_KIND_LABELS['stem-cell-transplant'], 'Stem cell transplant');
    for (const kind of TREATMENT_KINDS) assert.ok(TREATMENT_KIND_LABELS[kind].length > 0);
  });
});
