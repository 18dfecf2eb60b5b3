import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ClassifiableTrial } from './cancer-type.ts';
import { CANCER_TYPES, cancerTypeAncestors, cancerTypeDescendants, classifyCancerTypes } from './cancer-type.ts';

/** Condition strings and titles below are real, from the bundled demo records. */
function types(conditions: string[], briefTitle = '', keywords: string[] = [], officialTitle: string | null = null): string[] {
  const trial: ClassifiableTrial = { conditions, briefTitle, officialTitle, keywords };
  return classifyCancerTypes(trial).map((t) => t.id);
}

describe('cancer type hierarchy', () => {
  it('has unique ids, known parents and UK labels', () => {
    const ids = CANCER_TYPES.map((t) => t.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ['blood-cancers', 'leukaemia', 'acute-lymphoblastic-leukaemia', 'b-cell-all', 't-cell-all', 'ph-positive-all', 'solid-tumours', 'other-cancer', 'not-cancer']) {
      assert.ok(ids.includes(id), id);
    }
    assert.equal(CANCER_TYPES.find((t) => t.id === 'acute-lymphoblastic-leukaemia')?.label, 'Acute lymphoblastic leukaemia (ALL)');
  });
  it('gives ancestors nearest first and descendants for filters', () => {
    assert.deepEqual(cancerTypeAncestors('ph-positive-all'), ['acute-lymphoblastic-leukaemia', 'leukaemia', 'blood-cancers']);
    assert.deepEqual(cancerTypeAncestors('nope'), []);
    assert.ok(cancerTypeDescendants('leukaemia').includes('b-cell-all'));
  });
});

describe('classifyCancerTypes', () => {
  it('returns the most specific types with all their ancestors, each with a reason', () => {
    const result = classifyCancerTypes({ conditions: ['Recurrent B Acute Lymphoblastic Leukemia'], briefTitle: 'x', officialTitle: null, keywords: [] });
    assert.deepEqual(result.map((t) => t.id), ['blood-cancers', 'leukaemia', 'acute-lymphoblastic-leukaemia', 'b-cell-all']);
    assert.match(result[3]!.because, /condition "Recurrent B Acute Lymphoblastic Leukemia" names "B Acute Lymphoblastic Leukemia"/);
    assert.match(result[0]!.because, /^includes /);
  });
  it('tells acute lymphoblastic from acute myeloid, chronic and hairy cell leukaemia', () => {
    assert.ok(types(['Acute Lymphoblastic Leukemia (ALL)']).includes('acute-lymphoblastic-leukaemia'));
    assert.ok(!types(['Adult Acute Myeloid Leukemia With 11q23 (MLL) Abnormalities']).includes('acute-lymphoblastic-leukaemia'));
    assert.ok(types(['Adult Acute Myeloid Leukemia With 11q23 (MLL) Abnormalities']).includes('acute-myeloid-leukaemia'));
    assert.deepEqual(types(['Refractory Hairy Cell Leukemia']), ['blood-cancers', 'leukaemia', 'hairy-cell-leukaemia']);
    assert.ok(types(['B-cell Chronic Lymphocytic Leukemia']).includes('chronic-lymphocytic-leukaemia'));
    assert.ok(!types(['B-cell Chronic Lymphocytic Leukemia']).includes('b-cell-all'));
    assert.ok(types(['Chronic Myelogenous Leukemia, BCR-ABL1 Positive']).includes('chronic-myeloid-leukaemia'));
    assert.ok(!types(['Atypical Chronic Myeloid Leukemia']).includes('chronic-myeloid-leukaemia'));
  });
  it('reads MeSH inverted headings and "acute myeloid or lymphoid leukaemia"', () => {
    const both = types(['Leukemia, Nonlymphocytic, Acute', 'Leukemia, Lymphocytic, Acute']);
    assert.ok(both.includes('acute-myeloid-leukaemia') && both.includes('acute-lymphoblastic-leukaemia'));
    const title = types(['Leukemia'], 'Combination Chemotherapy in Treating Patients With Recurrent or Refractory Leukemia', [], 'Phase I Trial of Sequential Topotecan and Etoposide for Patients With Relapsed, Refractory, or High Risk Acute Myeloid or Lymphoid Leukemia');
    assert.ok(title.includes('acute-myeloid-leukaemia') && title.includes('acute-lymphoblastic-leukaemia'));
  });
  it('finds T-ALL, Ph+ ALL and ALL written in capitals, but not in a shouted title', () => {
    assert.ok(types(['Refractory T Acute Lymphoblastic Leukemia']).includes('t-cell-all'));
    assert.ok(types([], 'Dasatinib and Chemotherapy in Ph+ ALL').includes('ph-positive-all'));
    assert.ok(types(['Acute Lymphoblastic Leukemia', 'Philadelphia Chromosome Positive']).includes('ph-positive-all'));
    assert.ok(types(['Hematologic Malignancies'], 'Phase I of AZD4877 in ALL').includes('acute-lymphoblastic-leukaemia'));
    assert.ok(!types(['Lung Cancer'], 'RADIOTHERAPY IN ALL PATIENTS WITH NON-SMALL CELL LUNG CANCER').includes('acute-lymphoblastic-leukaemia'));
    assert.ok(!types(['Leukemia'], 'Ph-like ALL').includes('ph-positive-all'));
  });
  it('keeps lymphoblastic lymphoma a lymphoma, and leukaemia cutis a leukaemia, not a skin cancer', () => {
    assert.deepEqual(types(['Recurrent Adult Lymphoblastic Lymphoma']), ['blood-cancers', 'lymphoma', 'non-hodgkin-lymphoma', 'lymphoblastic-lymphoma']);
    assert.deepEqual(types(['Leukemia Cutis']), ['blood-cancers', 'leukaemia']);
  });
  it('tells Hodgkin from non-Hodgkin lymphoma', () => {
    assert.ok(!types(["Non-Hodgkin's Lymphoma"]).includes('hodgkin-lymphoma'));
    assert.ok(types(['Recurrent/Refractory Childhood Hodgkin Lymphoma']).includes('hodgkin-lymphoma'));
    assert.ok(types(['Recurrent Adult Diffuse Large Cell Lymphoma']).includes('diffuse-large-b-cell-lymphoma'));
  });
  it('decides from the title when the conditions are complications (a transplant trial for leukaemia patients)', () => {
    assert.ok(types(['Infection'], 'Itraconazole Compared With Fluconazole to Prevent Infections in Patients Undergoing Transplant for Leukemia').includes('leukaemia'));
    assert.deepEqual(types(['Graft-versus-host Disease (GVHD)'], 'Ruxolitinib for Graft-Versus-Host Disease Following Allogeneic Hematopoietic Stem Cell Transplantation'), ['blood-cancers']);
    assert.deepEqual(types(['Sickle Cell Anemia', 'Graft Versus Host Disease'], 'Bone Marrow Transplantation in Treating Children With Sickle Cell Disease'), ['not-cancer']);
    assert.deepEqual(types(['Graft Versus Host Disease'], 'Pharmacokinetics of Mycophenolate Mofetil After Orthotopic Liver Transplantation'), ['not-cancer']);
  });
  it('uses keywords only to refine, and then every subtype a broad trial lists (all of them can join it)', () => {
    assert.ok(types(['Leukemia'], 'Gemcitabine in Treating Patients With Recurrent Leukemia', ['refractory chronic lymphocytic leukemia']).includes('chronic-lymphocytic-leukaemia'));
    assert.ok(!types(['Breast Cancer'], 'x', ['recurrent childhood acute lymphoblastic leukemia']).includes('leukaemia'));
    const broad = ['recurrent childhood acute lymphoblastic leukemia', 'recurrent adult acute myeloid leukemia', 'chronic phase chronic myelogenous leukemia', 'refractory hairy cell leukemia', 'B-cell chronic lymphocytic leukemia', 'chronic myelomonocytic leukemia'];
    const all = types(['Leukemia'], 'Stem Cell Transplantation in Treating Patients With Hematologic Cancer', broad);
    for (const id of ['acute-lymphoblastic-leukaemia', 'acute-myeloid-leukaemia', 'chronic-myeloid-leukaemia', 'hairy-cell-leukaemia', 'chronic-lymphocytic-leukaemia', 'chronic-myelomonocytic-leukaemia']) {
      assert.ok(all.includes(id), id);
    }
  });
  it('reads B- and T-ALL written with an age word, but not "non-T" ALL', () => {
    assert.ok(types(['Leukemia'], 'x', ['B-cell childhood acute lymphoblastic leukemia']).includes('b-cell-all'));
    assert.ok(types(['Leukemia'], 'x', ['T-cell adult acute lymphoblastic leukemia']).includes('t-cell-all'));
    const nonT = types(['Leukemia'], 'x', ['non-T, non-B adult acute lymphoblastic leukemia']);
    assert.ok(nonT.includes('acute-lymphoblastic-leukaemia') && !nonT.includes('t-cell-all') && !nonT.includes('b-cell-all'));
  });
  it('groups the rarer leukaemias as other leukaemias, and small lymphocytic lymphoma as a lymphoma', () => {
    for (const keyword of ['prolymphocytic leukemia', 'acute undifferentiated leukemia', 'T-cell large granular lymphocyte leukemia', 'recurrent adult T-cell leukemia/lymphoma', 'atypical chronic myeloid leukemia, BCR-ABL1 negative']) {
      assert.ok(types(['Leukemia'], 'x', [keyword]).includes('other-leukaemia'), keyword);
    }
    assert.ok(!types(['Leukemia'], 'x', ['acute undifferentiated leukemia']).includes('acute-myeloid-leukaemia'));
    const sll = types(['Lymphoma'], 'x', ['recurrent small lymphocytic lymphoma']);
    assert.ok(sll.includes('non-hodgkin-lymphoma') && !sll.includes('chronic-lymphocytic-leukaemia'));
    assert.ok(types(['Treatment of Chronic Lymphocytic Leukemia/Small Lymphocytic Lymphoma (CLL/SLL)']).includes('chronic-lymphocytic-leukaemia'));
  });
  it('does not count a cancer the trial hopes to prevent, nor a benign pituitary tumour', () => {
    assert.deepEqual(types([], 'MRI for Detecting Cancer in Women Who Are at High Risk of Developing Breast Cancer'), ['other-cancer']);
    assert.deepEqual(types(['Pituitary Neoplasm'], 'An Investigation of Pituitary Tumors and Related Hypothalmic Disorders'), ['not-cancer']);
  });
  it('finds solid tumours without being fooled by neighbouring words', () => {
    assert.deepEqual(types(['Non-small Cell Lung Cancer']), ['solid-tumours', 'lung-cancer', 'non-small-cell-lung-cancer']);
    assert.ok(!types(['Non-small Cell Lung Cancer']).includes('small-cell-lung-cancer'));
    assert.ok(types(['Stage IIIA Breast Cancer']).includes('breast-cancer'));
    assert.ok(types(['Uterine Cervical Neoplasms']).includes('cervical-cancer'));
    assert.ok(!types(['Uterine Cervical Neoplasms']).includes('womb-cancer'));
    assert.ok(!types(['Gall Bladder Cancer']).includes('bladder-cancer'));
    assert.ok(types(['Brain and Central Nervous System Tumors']).includes('brain-tumours'));
    assert.ok(!types(['Brain Metastases'], 'Radiosurgery for Brain Metastases From Breast Cancer').includes('brain-tumours'));
    assert.deepEqual(types(['Unspecified Adult Solid Tumor, Protocol Specific']), ['solid-tumours']);
    assert.ok(types(['Melanoma (Skin)']).includes('melanoma'));
    assert.ok(!types(['Non-melanoma Skin Cancer']).includes('melanoma'));
    assert.ok(types(['Carcinoma, Hepatocellular']).includes('liver-cancer'));
    assert.ok(types(['Testicular Germ Cell Tumor']).includes('germ-cell-tumours'));
    assert.ok(types(['Neuroblastoma']).includes('neuroblastoma'));
    assert.ok(types(['Multiple Myeloma and Plasma Cell Neoplasm']).includes('myeloma'));
    assert.ok(types(['Myelodysplastic/Myeloproliferative Neoplasms']).includes('myeloproliferative-neoplasms'));
  });
  it('does not read a gene, protein or virus named after a cancer as that cancer', () => {
    // NCT04318938, NCT02201992: ALK is "anaplastic lymphoma kinase", not a lymphoma.
    assert.deepEqual(types(['NSCLC'], 'Advancing Brigatinib Properties in Anaplastic Lymphoma Kinase Positive Non-small Cell Lung Cancer (ALK+ NSCLC) Patients'), [
      'solid-tumours',
      'lung-cancer',
      'non-small-cell-lung-cancer',
    ]);
    assert.ok(types(['Anaplastic Large Cell Lymphoma']).includes('t-cell-lymphoma'), 'the lymphoma itself still counts');
    assert.ok(!types(['Lung Cancer'], 'Sotorasib for Kirsten Rat Sarcoma Viral Oncogene Homolog (KRAS) G12C Mutated Lung Cancer').includes('sarcoma'));
    assert.ok(!types(['Acute Myeloid Leukemia'], 'Wilms Tumor 1 (WT1) Peptide Vaccine in AML').includes('kidney-cancer'));
    assert.deepEqual(types(['Herpesvirus, Kaposi Sarcoma-Associated'], 'KSHV in Blood Donors'), ['not-cancer']);
    assert.ok(types(['Kaposi Sarcoma'], 'Kaposi Sarcoma-Associated Herpesvirus in Kaposi Sarcoma').includes('sarcoma'), 'another mention still counts');
    assert.ok(!types(['Non-Small Cell Lung Cancer'], 'MAGE-A3 (Melanoma-Associated Antigen 3) Vaccine in NSCLC').includes('melanoma'));
  });
  it("reads 'cancer of the uterus', kidney or bladder as that organ's cancer", () => {
    // NCT00002546: carcinosarcoma of the uterus is a womb cancer and a sarcoma.
    const uterus = types(['Sarcoma'], 'Radiation Therapy Compared With Combination Chemotherapy in Treating Patients With Cancer of the Uterus');
    assert.ok(uterus.includes('womb-cancer') && uterus.includes('sarcoma'));
    assert.ok(types(['Cancer'], '', [], 'Carcinosarcoma (CS) of The Uterus').includes('womb-cancer'));
    assert.ok(types(['Cancer'], 'Surgery for Cancer of the Kidney').includes('kidney-cancer'));
    assert.ok(types(['Cancer'], 'BCG for Carcinoma of the Urinary Bladder').includes('bladder-cancer'));
    assert.ok(!types(['Cervical Cancer'], 'Radiotherapy for Carcinoma of the Uterine Cervix').includes('womb-cancer'));
  });
  it('reads a trial of healthy volunteers only as not-cancer, whatever its conditions name', () => {
    // NCT00006078: lycopene pharmacokinetics in healthy men, filed under prostate cancer.
    const lycopene = 'Single Dose Pharmacokinetic Study of Lycopene in Healthy Male Volunteers Between 18 and 45 Years of Age';
    assert.deepEqual(types(['Prostate Cancer'], 'Lycopene In Preventing of Prostate Cancer', ['prostate cancer'], lycopene), ['not-cancer']);
    // NCT00001432, NCT00005827: volunteers with a cancer, or patients, are enrolled too.
    assert.ok(types(['Chronic Myeloid Leukemia', 'Healthy'], 'Cells From Normal Volunteers and Volunteers With Lymphoid or Hematologic Malignancies').includes('chronic-myeloid-leukaemia'));
    assert.ok(types(['Prostate Cancer'], 'Genistein in Normal Volunteers and in Patients With Prostate Neoplasia').includes('prostate-cancer'));
  });
  it('reads a short condition in capitals as an abbreviation, but not a shouted title', () => {
    assert.ok(types(['B-ALL']).includes('b-cell-all'));
    assert.ok(types(['T-ALL']).includes('t-cell-all'));
    assert.ok(!types(['Leukemia'], 'CHEMOTHERAPY FOR ALL PATIENTS WITH LEUKEMIA').includes('acute-lymphoblastic-leukaemia'));
  });
  it('says other-cancer for a cancer without a name, and not-cancer otherwise', () => {
    assert.deepEqual(types(['Cancer'], 'A Pharmacokinetic Study of Actinomycin-D and Vincristine in Children With Cancer'), ['other-cancer']);
    assert.deepEqual(types(['HIV Infections'], 'Safety of Interleukin-2 in HIV-Infected Patients'), ['not-cancer']);
    assert.deepEqual(types(['Healthy'], 'Healthy Volunteer Study'), ['not-cancer']);
    assert.deepEqual(types(["Crohn's Disease"], 'Anti-Tumor Necrosis Factor Antibody for Crohn Disease'), ['not-cancer']);
  });
});
