/**
 * Reads the concepts of one criterion: which things it names (concept-vocab.ts), whether each is negated or a
 * carve-out (negation.ts), and the numbers that go with them (thresholds.ts). Words that fit no concept give no
 * concept: the person is then told to ask their specialist.
 */
import { isShouted } from '../search-text.ts';
import { findPattern } from '../vocab/token-pattern.ts';
import type { Comparator, Concept, PerformanceScale, Threshold } from './criterion.ts';
import relations from './concept-relations.json' with { type: 'json' };
import { candidateRules } from './concept-vocab.ts';
import type { ConceptRule } from './concept-vocab.ts';
import { CLAUSE_ENDS, tokenize } from './criterion-tokens.ts';
import type { Token } from './criterion-tokens.ts';
import {
  BROAD_DIAGNOSIS, CONDITIONAL, endsNegated, NOT_PRIOR_TREATMENT, ONGOING, PERMISSIVE, PLANNED, readSpans, SEX_BOTH, SEX_FEMALE, SEX_MALE,
  SEX_NOT_ABOUT,
} from './negation.ts';
import { PhraseList } from './phrase-list.ts';
import type { PhraseHit } from './phrase-list.ts';
import { numberOf, readAge, readBounds, readComparison, readPriorLines, readSince, readWithinDays, readWithinYears } from './thresholds.ts';

/** Words between two mentions that make them alternatives: "relapsed or refractory", "B-ALL/T-ALL", "AML, ALL". */
const ALTERNATIVE = /\bor\b|\/|,/i;
/** Words just before a disease that make it where another came from: "preceded by", "evolving from", "secondary to". */
const ORIGIN_WORDS_BEFORE = /\b(?:preceded by|(?:evolving|evolved|arising|arisen|transformed) from|secondary to)\s+(?:an?\s+|prior\s+|antecedent\s+)*$/i;
/** Words that make a malignancy a blood cancer: "hematologic malignancies", "lymphoid neoplasms". */
const BLOOD_WORDS: ReadonlySet<string> = new Set(['hematologic', 'hematological', 'haematologic', 'haematological', 'hematopoietic', 'lymphoid', 'myeloid', 'blood']);
/** Words before a cancer that make it what a secondary leukaemia followed: "Secondary leukemias eligible: Following cured malignancies, including". */
const SECONDARY_AFTER = /\bsecondary\s+(?:acute\s+)?(?:leuka?emias?|aml|mds)\b[^.;]*\b(?:following|after)\b[^.;]*$/i;
/** An item that opens by ruling out a list it holds: "Must not be any of the following:" then the list's lines. */
const NEGATED_LIST_IN_ITEM = /^\W*(?:must not|may not|cannot|should not|not|no)\b[^:\n]{0,40}\b(?:any|one|either) of the following\b[^:\n]*:\s*\S/i;
/** A lead-in ruling out a kind of treatment and listing examples of it: "no concurrent CYP3A4 inducers, including the following:". */
const NEGATED_EXAMPLES_LEAD = /\b(?:no|not|without)\s+(?:[\w-]+\s+){0,2}?(?:concurrent|prior|previous|current|other)\b[^:;.]*\b(?:including|such as|e\.g\.)[^:]{0,20}:\s*$/i;

/** A lead-in's "since" window, applied to the whole item below it (its words start at 0). */
function leadWindow(parent: string): { days: number; end: number } | null {
  const window = readSince(parent);
  return window === null ? null : { days: window.days, end: 0 };
}

/** A part of a trial named as a label before its items: "Phase I:", "Phase II (randomized):", "Part A:", "Cohort 2:". */
const PART_LABEL = /^\W*(?:phase\s+(?:[IV]{1,3}|\d)(?:\s*(?:\/|and|or)\s*(?:[IV]{1,3}|\d))?|part\s+[A-Z0-9]|cohort\s+[A-Z0-9]+|arm\s+[A-Z0-9]|stratum\s+[A-Z0-9]+)\b\s*(?:\([^)]*\)\s*)?:\s*\S/i;
/**
 * A bracket naming the part of the trial a limit is for: "Age 55 to 80 years (Nonmyeloablative Regimen 2)",
 * "Creatinine < 1.6 mg/dL (Myeloablative Regimen 4, Reduced Intensity Regimen 3)", "(Arm B only)".
 */
const PART_BRACKET = /\([^()]*\b(?:regimens?|arms?|cohorts?|strat(?:um|a)|parts?)\s+[A-Z0-9]{1,3}\b[^()]*\)/i;
/** A bracket opening with "or" between two mentions: "Ph positive (or bcr positive) CML" names Ph another way. */
const CLOSED_BRACKET = /\(\s*or\b[^()]*\)/gi;
/** The slash of a unit after a number ("2.5 mg/dL", "50,000/mm3", "60 mL/min/1.73 m2"), which joins no alternatives. */
const UNIT_SLASH = /\d\s*(?:[a-zµ]+\s*)?\/\s*[a-z0-9.^]+(?:\s*\/\s*[\d.]+\s*m2)?/gi;
/** An upper limit on a count of treatments just before one: "no more than 3 prior", "at most two previous". */
/** A count the treatments went past: "more than two chemotherapy regimens". */
const LOWER_COUNT_BEFORE = /\b(?:more than|greater than|over|>)\s*(?:\d+|one|two|three|four|five)\s+(?:prior\s+|previous\s+)?$/i;
const UPPER_COUNT_BEFORE = /\b(?:no more than|not more than|at most|a maximum of|maximum of|up to|fewer than|less than|<=?|≤)\s*(?:(?:\d+|one|two|three|four|five)|[\d,.]+\s*(?:c?gy|rads?|mg\/m2|mg\/m\^2|mg))\s+(?:of\s+)?(?:prior|previous|lines? of|courses? of|cycles? of|regimens? of)?\s*$/i;
/** A cancer in general followed by "including" or "such as": what comes next is an example of it. */
const CANCER_EXAMPLE_BEFORE = /\b(?:advanced|any|metastatic|solid|all|proven|confirmed)\s+(?:\w+\s+)?(?:malignan\w*|cancers?|tumou?rs?)\b,?\s+(?:including|such as|e\.g\.,?|especially|particularly|for example)\b[^.;:,]{0,25}$/i;
/** What follows "pregnancy" in a test the trial asks for: "Pregnancy test required". */
const TEST_REQUIRED_AFTER = /^\s*tests?\s+(?:is\s+|are\s+)?(?:required|needed|mandatory)\b/i;
/**
 * Disease or a treatment field "including" cancers: "disease scheduled to receive thoracic irradiation, including
 * pulmonary and esophageal tumors".
 */
const DISEASE_EXAMPLE_BEFORE = /\b(?:disease|irradiation|radiotherapy|radiation)\b[^.;:]{0,80},\s+including\b[^.;:,]{0,25}$/i;
/** Words before "to" that name what a disease turns into. */
const TURNS_INTO: ReadonlySet<string> = new Set(['transformation', 'transformed', 'transforming', 'evolution', 'evolving', 'evolved', 'progression', 'progressing', 'progressed']);
/** Treatments too general to be the cause an inclusion item asks for ("nausea associated with opioid use"). */
const NOT_CAUSES: ReadonlySet<string> = new Set(['other-drug', 'investigational-agent']);
/** Words just before consent that bar it. */
/** "Conditions that compromise the patient's ability to give": consent made impossible, as "precluding" it. */
const ABILITY_LIMITED = /\b(?:compromis|impair|limit|affect|interfer|reduc)\w*\b[^.;]{0,40}\b(?:ability|capacity) to (?:give|provide|sign|understand)?\s*(?:(?:informed|written)\s+)?$/i;
const CONSENT_BARRED = /\b(?:preclud\w*|fail(?:s|ure)? to give|refus\w*(?: to)?(?: give)?)\b/;
/** A transplanted organ named in a transplant's words ("allogeneic organ or tissue transplant", "renal allograft"). */
const ORGAN_TRANSPLANT = /\b(?:organs?|kidney|renal|liver|hepatic|heart|cardiac|lung|corneal?)\b/i;
const STEM_CELLS = /\b(?:marrow|stem|cells?|h(?:a)?ematopoietic|progenitor|cord)\b/i;
const isOrganTransplant = (words: string): boolean => ORGAN_TRANSPLANT.test(words) && !STEM_CELLS.test(words);
/**
 * An ejection fraction against the normal range, which has a lower limit: "Normal ejection fraction", "LVEF within
 * normal limits", "LVEF >= institutional lower limit of normal" are at least 1 x the lower limit of normal; "LVEF below
 * normal", "abnormal LVEF" under it. Null when no such words are next to it.
 */
function ejectionFractionNormal(before: string, after: string): Threshold | null {
  if (/\babnormal\s+(?:(?:left\s+)?ventricular\s+|cardiac\s+)?$/i.test(before) || /^\W*(?:is\s+)?(?:below|less than|under|lower than|<)\s*(?:the\s+)?(?:institutional\s+)?(?:lower limits? of\s+)?(?:normal|lln)\b/i.test(after)) {
    return { comparator: '<', value: 1, unit: 'x-lln' };
  }
  if (/\bnormal\s+(?:(?:left\s+)?ventricular\s+|cardiac\s+)?$/i.test(before) || /^[^.;]{0,40}?\b(?:normal|lln|wnl)\b/i.test(after)) {
    return { comparator: '>=', value: 1, unit: 'x-lln' };
  }
  return null;
}

/** An item that rules an age out: "No one age less than 18 years", "No patients over 65"; not "No younger than 16". */
const NEGATED_AGE = /^\W*no\s+(?!(?:younger|older|less|more|greater|lower|higher)\s+than\b)(?:(?:one|patients?|subjects?|persons?|participants?|people|children|adults)\s+)?(?:(?:who\s+(?:is|are)|aged?|of\s+age)\s+)?(?:age\s+)?(?:(?:less|greater|more|younger|older|under|over|below|above)\b|[<>≤≥]|\d{1,3}\s*(?:years?\s*)?(?:old\s*)?(?:or|and)\s+(?:older|over|above|younger|under)\b)/i;
/** Words after two age limits that rule out the ages outside them: "Age < 10 or > 75 years are not eligible". */
const RULED_OUT_AFTER = /\b(?:are|is|will be)\s+(?:not\s+eligible|ineligible|excluded)\b/i;
/** An illness other than the cancer, just after "untreated": "untreated ... aneurysm", "untreated hypertension". */
const OTHER_ILLNESS_AFTER = /\b(?:aneurysms?|infections?|hypertension|hyper\w+|hypo\w+|thyroid\w*|diabet\w+|hepatitis|tuberculosis|seizures?|epilepsy|angina|arrhythmias?|effusions?|bleeding|ulcers?|cataracts?|glaucoma|depression|psychiatric|dental|caries|coagulopath\w*|syphilis|hiv)\b/i;
/** "... or younger with parental consent": a youngest age that is waived. */
const YOUNGER_ALLOWED = /\bor\s+younger\s+(?:with|if|given|after|provided)\b/i;
/** The subject of an item that names no group: "Patients are", "Subjects will be". */
const GENERIC_SUBJECT = /^(?:all\s+)?(?:patients|subjects|participants|people|individuals|persons|candidates)(?:\s+(?:are|will be|shall be|may be|is))?(?:\s+only)?$/;
/** "... refractory to prior therapy or unlikely to benefit from standard therapy": another branch no profile answers. */
const UNREAD_BRANCH = String.raw`\bor\s+(?:(?:is|are|who\s+(?:is|are)|for\s+whom)\s+)?(?:unlikely to benefit|not (?:a )?candidates?|ineligible|no (?:standard|curative|effective)|not amenable|intolerant)`;
const OR_UNREAD_AFTER = new RegExp(String.raw`^(?:\s+to\s+[^,;.]{0,40}?)?\s*,?\s*${UNREAD_BRANCH}`, 'i');
const UNREAD_BRANCH_ANYWHERE = new RegExp(UNREAD_BRANCH, 'i');
/** A treatment named in that other branch ("... standard therapy (e.g., chemotherapy, radiotherapy, and surgery)"). */
function afterUnreadBranch(text: string, at: number): boolean {
  const branch = UNREAD_BRANCH_ANYWHERE.exec(text);
  return branch !== null && at > branch.index;
}
/** A dash opening a run-on list's next line ("... -in second remission"), and a label over such a list. */
const DASHED_ITEM = /(?:^|\s)-\s?(?:in\s+)?$/;
const LABEL_THEN_DASH = /:\s*-\s?\w/;
/** A lead-in to a list of alternatives, ending in a colon: "associated with 1 of the following within 3 months:". */
const ONE_OF_LEAD = /\b(?:1|one|any|either)(?: one)? of the following\b[^:\n]*:/i;

/** "During first course of", "during the": the treatment after it is the time frame of the trial's own course. */
const DURING_COURSE_BEFORE = /\bduring\s+(?:the\s+)?(?:first\s+|initial\s+|each\s+)?(?:(?:course|cycle)s?\s+of\s+)?$/i;

/** Words right after a treatment that make it the trial's own: "Induction therapy must begin within 72 hours". */
const PLANNED_AFTER = new PhraseList(['must begin', 'must start', 'will begin', 'will start', 'will be given', 'to be given', 'is planned', 'are planned', 'is indicated', 'are indicated', 'is administered', 'are administered', 'should be considered', 'is recommended', 'should be offered', 'offered', 'protocol', 'protocols']);

/** An item led by an age band and a colon: what follows applies to that age band only. */
const AGE_LEAD = /^\W*(?:patients\s+)?(?:age|aged|ages)\b[^:]{1,40}:\s*\S/i;

/** Words for "cancerous" that "non-" turns around: "non-malignant disease". */
const MALIGNANT: ReadonlySet<string> = new Set(['malignant', 'malignancy', 'malignancies', 'cancerous', 'neoplastic']);

/** "Physiologic age": a clinician's judgement of fitness, not years lived. */
const PHYSIOLOGIC_AGE = /\bphysiologic(?:al)? age\b/i;

/** An age limit that applies at diagnosis: "1 to 21 at diagnosis", "age at diagnosis under 30". */
const AT_DIAGNOSIS = /\bat (?:the time of )?(?:initial |original )?diagnosis\b|\bage at (?:initial |original )?diagnosis\b/i;

/** An age written in months: "under 12 months of age", "infants younger than 6 months", "age > 36 months". */
/**
 * A condition that opens the requirement ("If HIV positive, must ...", "Women of childbearing potential must ..."),
 * not an alternative after it ("documented complete response after induction on day 29 or, if 2 more weeks of
 * induction are needed, on day 43"): a condition word just after "or", with a concept before it, is the latter.
 */
function conditionalBefore(words: readonly string[], hits: readonly Hit[]): boolean {
  // "Subjects are eligible for this trial if (1) they have failed ...": the condition of entry, asked of everyone.
  // "... and if (2) they are considered incurable" goes on with it.
  let entry = false;
  const first = CONDITIONAL.findAll(words).find((hit) => {
    if (ENTRY_CONDITION.test(words.slice(Math.max(0, hit.start - 7), hit.start).join(' '))) entry = true;
    else if (!(entry && words[hit.start - 1] === 'and')) return true;
    return false;
  });
  if (first === undefined) return false;
  const afterOr = words[first.start - 1] === 'or' || words[first.start - 2] === 'or';
  return !afterOr || !hits.some((h) => h.end <= first.start);
}

/** A group of patients whose results are counted apart, which asks nothing of anyone: "... analyzed separately". */
const ANALYSED_APART = /\b(?:analy[sz]ed|evaluated|reported)\s+separately\b/i;

/** The words before "if" that make it the trial's condition of entry: "Subjects are eligible for this trial if". */
const ENTRY_CONDITION = /\b(?:patients|subjects|participants|they)\s+(?:are|will be)\s+eligible(?:\s+for\s+(?:this|the)\s+(?:trial|study|protocol))?$/i;

/**
 * "Patients with NHL, lung or prostate cancer must have tumour cells in the marrow": a requirement for those
 * diseases only, in a trial that takes others too: conditional on having one of them.
 */
const DISEASE_LEAD = /^\W*(?:\d+\.\s*)?(?:(?:patients|subjects|participants|those)\s+with\s+[^.;:]{2,120}?|(?:[A-Za-z'-]+\s+){1,3}(?:cancer|carcinoma|leuka?emia|lymphoma|myeloma|tumou?rs?))\s+(?:patients\s+)?(?:must|should|need to|are required to)\b/i;
/** The group an item is for, named at its end: "No concurrent antiretroviral therapy for HIV positive patients". */
const GROUP_AT_END = /\bfor\s+(?:[\w-]+\s+){0,2}(?:positive|negative|infected|seropositive)\s+(?:patients|subjects|participants|people|women|men)\s*\.?$/i;
/**
 * A test or step asked of one disease only, named at the end: "Head CT ... recommended for metastatic melanoma",
 * "Infectious disease consultation required for complex infections".
 */
const DISEASE_AT_END = /\b(?:required|recommended|mandatory|advised|needed)\s+(?:only\s+)?(?:for|in)\s+(?:(?:patients|subjects|participants)\s+with\s+)?(?:[\w-]+\s+){0,3}(?:cancer|carcinoma|melanoma|lymphoma|leuka?emia|myeloma|tumou?r|sarcoma|infection)s?\s*\.?$/i;
/**
 * An item that opens by naming the patients it is for by their disease or treatment, in other words than
 * DISEASE_LEAD's: "Ph chromosome-negative patients must have ...", "Allogeneic stem cell transplantation patients
 * must meet the following", "Patients in remission may be CD45 negative", "Patients with Ph-positive disease may be up
 * to age 65". What follows holds for them only. Group 1 is the words that name them.
 */
const SUBGROUP_LEAD = /^\W*(?:\d+\.\s*)?((?:patients|subjects|participants|those)\s+(?:with|in|who have|who are|who had|on)\s+[^.;:]{2,120}?|(?!(?:all|eligible|the|female|male|fertile|sexually|women|men|adult|pediatric|paediatric)\b)(?:[\w()+/,-]+\s+){1,6}(?:patients|subjects|participants))\s+(?:must|should|need to|are required to|may|can)\b/i;
/** The kinds of concept that name a group of patients by their disease or treatment. */
const SUBGROUP_TYPES: ReadonlySet<string> = new Set(['cancer-type', 'disease-state', 'prior-treatment', 'cns']);
/**
 * "... or Lansky performance scale > 50% for patients < 16 years of age", "(age 12 to 15 maximum serum creatinine 1.2
 * mg/dl ...": an age that says whom another limit is for, not an age limit of the trial.
 */
const AGE_FOR_WHOM = /\b(?:for|in)\s+(?:patients|children|subjects|participants|those|persons|people)\s+(?:aged\s+|age\s+)?(?:<|>|≤|≥|under|over|younger|older|less|greater|more|between|below|above|\d)|\((?:for\s+)?(?:patients\s+)?(?:age|aged|ages)\s+(?:[^)]{1,30}\)|\d{1,2}\s+to\s+\d{1,2}\s+(?:maximum|minimum)\b)/i;
/** An item that opens with "Adults" ("Adults with ..."): an age limit without its numbers. */
const AGE_GROUP_LEAD = /^\W*(?:\d+\.\s*)?(?:(?:healthy\s+)?adults?|adult (?:patients|subjects|participants))\b/i;
/** An inclusion item that opens with children ("Children with ASD", "Newborn and infant age group"): likewise. */
const CHILD_LEAD = /^\W*(?:\d+\.\s*)?(?:children|childhood|minors?|newborns?|neonates?|infants?|(?:pediatric|paediatric) (?:patients|subjects|participants))\b(?!\s+(?:or|and)\s+(?:their\s+)?(?:guardians?|parents?))|\bis a minor\b/i;
/** "Age: Any age", "No age limit": no limit at all. */
const ANY_AGE = /^\W*(?:any age|all ages|no age (?:limit|restriction)s?)\W*$|^\W*(?:adults?|children|child)\s+(?:or|and)\s+(?:adults?|children|child)\b/i;
const AGE_IN_MONTHS = /\b\d{1,2}\s*months?\s+of\s+age\b|\binfants?\s+(?:under|younger than|less than|below)\s+\d{1,2}\s*months?\b|\bage\s*(?:<|>|≤|≥|<=|>=)\s*\d{1,2}\s*months?\b|\bages?\s+\d{1,2}\s*(?:-|–|to)\s*\d{1,2}\s*months?\b/i;

/**
 * Words before a remission that make it a past one or a goal, not a state: "after an initial CR", "to achieve
 * remission", "attempted reinduction of remission".
 */
const AFTER_REMISSION = new PhraseList(['after', 'to achieve', 'to attain', 'following', 'induction of', 'reinduction of', 're induction of']);

const REMISSIONS: ReadonlySet<string> = new Set(['remission', 'first-remission']);
/** Words after "B-cell lymphoid" that make it a group of diseases: "disease", "malignancies", "neoplasms". */
const LYMPHOID_GROUP: ReadonlySet<string> = new Set(['disease', 'diseases', 'disorder', 'disorders', 'malignancy', 'malignancies', 'neoplasm', 'neoplasms', 'cancer', 'cancers', 'tumors', 'tumours']);
/** A first line of treatment ("first-line", "frontline"), and words around it that put it in the past. */
const FIRST_LINE = /^(?:first|front) ?line\b|^frontline\b/;
const PAST_LINE_BEFORE = new PhraseList(['after', 'following', 'failed', 'failure of', 'failing', 'progressed', 'progression', 'progressing', 'started', 'received', 'whose', 'completed', 'prior', 'previous', 'beyond', 'refractory to', 'resistant to', 'relapse', 'relapsed']);
const PAST_LINE_AFTER = /^[\s-]*(?:of\s+)?(?:treatment|therapy|chemotherapy|regimen)?\s*(?:included|carried out|was|were|had|has been|between)\b/i;
/** Cells taken from the person earlier: "harvested", "cryopreserved", "collected", "stored". */
const CELLS_TAKEN = /\b(?:harvest|cryopreserv|collect|stored)\w*/i;
/** A time counted from a remission: "within 1 year of", "6 months of". */
const TIME_OF = new PhraseList(['year of', 'years of', 'month of', 'months of', 'week of', 'weeks of', 'day of', 'days of']);
const RELAPSE_WORDS: ReadonlySet<string> = new Set(['relapse', 'relapsed', 'relapses', 'recurrence', 'recurred']);
/** Words before a remission that put it in the past: "had achieved a CR to at least 1 prior therapy". */
const PAST_REMISSION = new PhraseList(['achieved', 'attained', 'obtained', 'prior', 'previous', 'previously in', 'relapse from a', 'relapse from', 'relapsed from']);

/** "Prior or concurrent steroids allowed": a treatment had before entry as well as during the trial is a past one too. */
const PAST_OR_CONCURRENT = new PhraseList(['prior or concurrent', 'previous or concurrent', 'prior and concurrent', 'prior or concomitant', 'previous or concomitant', 'prior and or concurrent']);

/** A limit on how much of a treatment was had: "less than 7 days of prior", "no more than 2 courses of". */
const SHORT_COURSE_BEFORE = /\b(?:less than|fewer than|no more than|not more than|at most|up to|<|<=|≤)\s*\d+\s*(?:days?|weeks?|months?|doses?|courses?|cycles?)\s+of\s+(?:prior\s+|previous\s+)?$/i;
/** A treatment had or still to come: "who have received or will receive", "has undergone or is scheduled to undergo". */
const HAD_OR_PLANNED = /\b(?:received|had|undergone)\s+(?:or|and\/or)\s+(?:will|(?:are|is)\s+(?:scheduled|planned|going|about)\s+to)\b[^.;]*$/i;

/** Procedures a person is put forward for: "65 and under for autologous stem cell transplantation" plans one. */
const PROCEDURES: ReadonlySet<string> = new Set(['transplant', 'allogeneic-transplant', 'autologous-transplant']);

/** Words right after a treatment that say when a negated disease state came: "no relapse following allogeneic HSCT". */
const FOLLOWING: ReadonlySet<string> = new Set(['following', 'after', 'post']);

/**
 * A dose or a body site after a treatment ("radiotherapy greater than 25 Gy", "radiotherapy to the pelvis"): the
 * profile holds neither, so having had the treatment does not settle what is asked.
 */
const DOSE_OR_SITE = /^\s*(?:(?:of\s+)?(?:greater than|more than|over|exceeding|above|>=?|≥|at least)\s*\d[\d,.]*\s*(?:c?gy|mg\/m2?|rad)\b|\d[\d,.]*\s*(?:c?gy)\b|to (?:the|a|an|any|his|her|their|more than|greater than|over|maximum|\d+)\b|(?:at|in) (?:a )?(?:doses?|dosages?|amounts?) (?:that|which|likely|greater|higher|exceeding|above)\b)/i;

/**
 * Words before a treatment that make it what the disease resisted, not a treatment asked about: "refractory to
 * induction therapy", "relapsed after chemotherapy", "failed an ATRA-containing regimen". The disease state says it.
 * "Sensitive to cyclophosphamide/carboplatin therapy" is likewise how the disease answers a treatment, not one had.
 */
const RESISTED = new PhraseList([
  'refractory to', 'resistant to', 'failed', 'failing', 'failure of', 'failure to', 'responded to', 'respond to', 'response to',
  'intolerant to', 'intolerance to', 'intolerant of', 'sensitive to', 'responsive to', 'failure on',
]);

/**
 * "No hematologic response to prior conventional therapy (hydroxyurea or interferon)": a treatment in a bracket that
 * names the one the disease resisted, just before it.
 */
function resistedInBracket(words: readonly string[], start: number): boolean {
  for (let at = start - 1; at >= 0 && at >= start - 6; at -= 1) {
    if (words[at] === ')' || CLAUSE_ENDS.has(words[at] ?? '')) return false;
    if (words[at] === '(') return before(words, RESISTED, at, 6);
  }
  return false;
}

/** A sub-heading about performance status ("Performance status:" over "0-3"): the item's grades are on that scale. */
const PERFORMANCE_HEADING = /\bperformance\b/i;

/** Qualifiers of CNS disease that a person with CNS disease may or may not have: "no uncontrolled CNS leukaemia". */
const UNCONTROLLED = new PhraseList(['uncontrolled', 'symptomatic', 'progressive', 'progressing', 'unstable']);
/** Drugs against infection: "antibiotics", "antifungal", "antimicrobials". */
const ANTI_INFECTIVE = /^anti(?:biotic|microbial|viral|fungal)s?$/;
/**
 * "No prior therapy" as a whole requirement; not "no prior treatment with acupuncture" (what follows names it), "on
 * this study" (not enrolled before), "for current relapse" (the relapse not yet treated), "except hydroxyurea" (a
 * drug allowed: "except surgery" still rules every drug out), nor "eligible even if no prior treatment" (a permission).
 */
/**
 * A measured MRD level against a limit: "MRD >= 0.1%", "minimal residual disease ≥ 10^-4", "MRD level of less than
 * 0.01%". At or above a limit is MRD-positive, below one MRD-negative (group 2 says which way).
 */
const MRD_LEVEL = /\b(MRD|(?:minimal|measurable) residual disease)\b\s*(?:\([^)]*\)\s*)?(?:levels?\s*)?(?:of\s*)?(≥|>=|>|greater than(?: or equal to)?|more than|at least|above|<|≤|<=|less than|below)\s*(?:10\s*\^\s*[-−]?\s*\d+|10\s*[-−]\s*\d+|\d+(?:\.\d+)?\s*%?)/i;
const NO_PRIOR_THERAPY = /(?<!\bif\s)\b(no (?:prior|previous) (?:therapy|treatment)s?)\b(?!\s+(?:with|on|in|during|of|for\s+(?:the\s+)?(?:current|this|present)|(?:except|other than)\s+(?!(?:for\s+)?(?:surgery|surgical|tumou?r resection|resection|biopsy)\b)))/i;

/**
 * "No disease progression in a previously irradiated site", "... within 1 year of irradiation, arising in a field
 * previously irradiated": progression in one place, which the profile's relapse does not tell apart.
 */
const RELAPSE_SITE_AFTER = /^\s*,?\s*(?:within\s[^,;]{0,30},?\s*)?(?:arising\s+)?in\s+(?:a|the|any)\s+(?:previously\s+(?:irradiated|treated)|(?:field|site|port|area)s?\s+(?:that\s+(?:has|have)\s+been\s+)?previously)/i;

/** Words before another cancer that make it a current one: "active or uncontrolled second malignancy". */
const ACTIVE_BEFORE = /\b(?:active|uncontrolled|current|concurrent)\s+(?:(?:or|and|and\/or)\s+\w+\s+)?$/i;

/** Classes of cytotoxic drugs, named as a class ("anthracyclines", "platinum-based chemotherapy"). */
const CHEMOTHERAPY_CLASS = /nitrosourea|anthracycline|taxane|platinum|alkylating|vinca|antimetabolite|fluoropyrimidine|hypomethylating|demethylating/i;

/** Words that join a treatment to what it treated: "chemotherapy for ALL", "treatment of leukaemia". */
const TREATED_FOR: ReadonlySet<string> = new Set(['for', 'of']);

/** A kind of a disease narrower than the value it is read as (acute promyelocytic leukaemia is read as AML). */
const NARROWER_KIND = /\bpromyelocytic\b|\bRAEB-?t\b/i;
/** A kind named after a state: "(i.e., greater than 5% blasts in marrow) with t(8;21)", "with inv(16)", "with favorable cytogenetics". */
const QUALIFIED_AFTER = /^\s*(?:\([^)]*\)\s*)?,?\s*with\s+(?:t\s*\(|inv\s*\(|translocations?\b|(?:good|favou?rable)[- ]risk\b|favou?rable\b)/i;
/** Markers of the cancer's cells, which narrow a diagnosis rather than name another. */
export const CELL_MARKERS: ReadonlySet<string> = new Set(['ph-positive', 'ph-negative', 'ph-like', 'bcr-abl1', 'cd19-positive', 'cd22-positive']);
/** "Priority given to patients with lung cancer": whom the trial prefers, which rules nobody in or out. */
const PREFERENCE_LEAD = /^\W*(?:(?:first\s+)?(?:priority|preference)\s+(?:will\s+be\s+|is\s+)?given\b|(?:patients\s+with\s+[^.;:]{2,60}\s+)?(?:are\s+)?preferred\b)/i;
/** Where a secondary leukaemia came from: "secondary (evolving from myelodysplastic syndrome ... or previous treatment for malignancies ...)". */
const ORIGIN_BEFORE = /(?:\b(?:evolving|evolved|arising|arisen|transformed|progressing|progressed)\s+from\b|\bsecondary\s*\()[^.;)]*$/i;
/** Kinds of disease beside a relapse, joined to it as alternatives: "residual, recurrent", "recurrent, or metastatic". */
const OPEN_EXTENT_BEFORE = /\b(?:residual|metastatic|progressive|advanced|unresectable|bulky)\s*(?:,|\bor)\s*$/i;
const OPEN_EXTENT_WITHIN = /\b(?:or|and\/or)\s+(?:residual|metastatic|progressive|locally advanced|advanced|unresectable)\b/i;
const OPEN_EXTENT_AFTER = /^\s*(?:,\s*)?(?:or\s+|,\s*)(?:residual|metastatic|progressive|locally advanced|advanced|unresectable)\b/i;
/** Words before a disease that make it one kind of it: "therapy-related", "secondary", "juvenile". */
const NARROWER_BEFORE = /(?:\b(?:related|induced)|\bsecondary|\bjuvenile|\b(?:chemotherapy|chemo|drug)[- ](?:resistant|sensitive))\s+$|\bsub-?(?:group|type)s?\b[^.;]{0,60}$|\bcertain\s+(?:types?|kinds?|forms?)\s+of\s+$/i;
/** "A certain type of ALL", "some types of lymphoma": a kind of the disease the text does not name, which a profile cannot tell apart. */
const UNNAMED_KIND_BEFORE = /\b(?:certain|some)\s+(?:types?|kinds?|forms?)\s+of\s+$/i;
/** A kind of lymphoma named before the word, which a profile's "lymphoma" cannot tell apart: "No prior T-cell lymphoma". */
const LYMPHOMA_KIND_BEFORE = /\b(?:(?:associated|related)|(?:t|nk|mantle|b|large|small)[- ]cell|(?:small|large)\s+(?:non-?)?cleaved(?:\s+cell)?|immunoblastic|anaplastic|centroblastic|indolent|aggressive|(?:high|intermediate|low)[- ]grade|transformed|(?:gut|gastric|intestinal|gastrointestinal|testicular|mediastinal|orbital)|lymphoblastic|primary (?:cns|central nervous system)|cutaneous|follicular|marginal zone|burkitt'?s?)\s+$/i;
/** A lymphoma named by its kind: "Hodgkin's disease", "mycosis fungoides", "CTCL", "DLBCL" (not "lymphoma" alone). */
const LYMPHOMA_KIND_NAMED = /hodgkin|\bnhl\b|mycosis|s[eé]zary|ctcl|burkitt|waldenstr|lymphoplasmacytic|dlbcl|mature b|small lymphocytic|\bsll\b|lymphomatoid|\blyg\b/i;
/**
 * A kind named after the disease: "No MDS of FAB sub-group 'refractory anemia with ring sideroblasts'", "lymphoma of
 * other histology", "refractory anemia with excess blasts in transformation".
 */
const NARROWER_AFTER = /^\s*of\s+(?:the\s+)?(?:FAB\s+|WHO\s+)?sub-?(?:group|type)s?\b|^\s*of\s+(?:an?\s+)?(?:other|another|different)\s+(?:histolog|type|kind|sub-?type)|^\s*in\s+transformation\b/i;

/** A phase or state written after a disease: "(CML) in blast phase", "in myeloid blast crisis", "in first remission". */
const PHASE_AFTER = /^(?:\( \w+ \) |\) )?in (?:(?:\w+ )?(?:blast|blastic|accelerated) (?:phase|crisis)|(?:\w+ ){0,4}(?:remission|relapse|cr1|cr2))\b/;
/**
 * "No ALL, AML, AUL, or biphenotypic leukemia in third or higher medullary relapse": a list of diseases whose phase
 * or state is written once after the last of them.
 */
const LIST_PHASE_AFTER = /^(?:\s*(?:,\s*(?:or\s+|and\s+)?|\bor\s+|\band\s+)[\w'-]+(?:\s+[\w'-]+){0,2})+\s+in\s+(?:[\w-]+\s+){0,4}(?:remission|relapse|cr1|cr2|(?:blast|blastic|accelerated)\s+(?:phase|crisis))\b/i;

/** Words after a disease name that make it about the cells, not the diagnosis. */
const CELLS: ReadonlySet<string> = new Set(['cells', 'cell', 'blasts', 'blast', 'metaphases', 'metaphase']);

/** What a criterion's words say, before it is placed in its list. */
export interface CriterionReading {
  readonly concepts: Concept[];
  readonly conditional: boolean;
  readonly permissive: boolean;
  readonly broadDiagnosis: boolean;
}

const SUBSUMES: Readonly<Record<string, Readonly<Record<string, readonly string[]> | undefined>>> = {
  'prior-treatment': relations.subsumes['prior-treatment'],
  'organ-function': relations.subsumes['organ-function'],
  'cancer-type': relations.subsumes['cancer-type'],
};

interface Hit {
  readonly rule: Pick<ConceptRule, 'type' | 'value' | 'polarity' | 'inferScale' | 'namedDrug'>;
  readonly start: number;
  readonly end: number;
}

/** Context the criterion's own words lack: its sub-heading ("Age", "Hepatic") and its list's lead-in. */
export interface CriterionContext {
  readonly heading?: string | null;
  readonly parent?: string | null;
  /** The list it is in; "… are excluded" reads differently in an exclusion list. */
  readonly section?: 'inclusion' | 'exclusion';
}

/** Words that name a cancer of any kind, with nothing to say which. */
/** Nouns after "malignant" that make the pair a cancer. */
const MALIGNANT_WHAT: ReadonlySet<string> = new Set(['disease', 'diseases', 'tumor', 'tumors', 'neoplasm', 'neoplasms', 'neoplasia', 'condition']);
const ANY_CANCER: ReadonlySet<string> = new Set(['malignancy', 'malignancies', 'malignance', 'cancer', 'cancers', 'tumor', 'tumors', 'neoplasm', 'neoplasms']);
/** Words before a cancer word that make it the cause or the subject of something else: "due to malignancy", "anti-cancer". */
const NOT_A_DIAGNOSIS_BEFORE: ReadonlySet<string> = new Set(['of', 'to', 'from', 'by', 'for', 'anti', 'non', 'the', 'their', 'his', 'her', 'its', 'whose']);
/** A time after the trial ends, just after a treatment: "for at least 4 weeks after study completion". */
const AFTER_STUDY = /^\s*(?:for\s+(?:at least\s+)?\d+\s+(?:days?|weeks?|months?)\s+)?after\s+(?:study completion|(?:the\s+)?completion of (?:the\s+)?study|the end of (?:the\s+)?study)\b/i;
/** Recovery from a treatment asked for: "Recovered from the toxic effects of any prior radiotherapy". */
const RECOVERED_BEFORE = /\brecover(?:ed|y)\s+from\b[^.;:]*$/i;
/** What follows a cancer word that names a treatment for it: "prior cancer treatment", "cancer therapies". */
const TREATMENT_WORD = /^(?:treatments?|therap(?:y|ies)|drugs?|agents?|medications?)$/;
/** Courses of treatment named by their phase: "maintenance therapy", "induction treatment". */
const COURSE_OF: ReadonlySet<string> = new Set(['induction', 'maintenance', 'consolidation', 'reinduction']);
/** Words naming an infection or its germ, after "for": "maintenance therapy for herpes simplex virus". */
const INFECTION_WORD = /\b(?:infections?|virus|viral|bacterial|fungal|mycobacteri\w*|toxoplasm\w*|herpes|cmv|cytomegalovirus|pneumocystis|pcp|tuberculosis|hepatitis|hiv|candid\w*|crypto\w*|mac)\b/i;
/** Words between a preposition and a cancer word that leave the preposition deciding: "for this malignancy". */
const DETERMINERS: ReadonlySet<string> = new Set(['a', 'an', 'this', 'that', 'same']);
/** Words after a cancer word that keep it a diagnosis ("malignancy within 5 years", "tumors in other organs"). */
const DIAGNOSIS_GOES_ON: ReadonlySet<string> = new Set([',', ';', '.', ':', '(', ')', 'or', 'and', 'in', 'within', 'with', 'at', 'of', 'requiring', 'diagnosed', 'other', 'except', 'unless', 'during', 'treated', 'history', 'patients', 'diagnoses', 'diagnosis']);
/** Words before "of" that keep a cancer word after it a diagnosis: "evidence of malignancy", "terminal stage of cancer". */
const DIAGNOSIS_OF: ReadonlySet<string> = new Set(['evidence', 'suggestive', 'history', 'diagnosis', 'signs', 'sign', 'presence', 'suspicion', 'stage', 'symptoms', 'type', 'kind', 'form']);
/** Words that open an item of a list or an example: "..., malignancy", "such as tumors", "e.g. cancer". */
const LIST_ITEM_BEFORE: ReadonlySet<string> = new Set([',', 'and', 'or', 'as', 'g', 'including', 'example']);
/** Conditions other than cancer that a list of comorbidities names: "heart disease, malignancy, autoimmune disorders". */
const CONDITION = /^(?:diseases?|disorders?|conditions?|illness(?:es)?|failure|infections?|insufficiency|dysfunction)$/;
/** Other words that name an illness or a finding, beside {@link CONDITION}. */
const OTHER_ILLNESS_WORDS: ReadonlySet<string> = new Set(['pathology', 'pathologies', 'epilepsy', 'stroke', 'hematoma', 'stone', 'stones', 'cholangitis', 'cirrhosis', 'hepatitis']);

/**
 * A cancer word standing alone as one condition among others ("severe heart disease, malignancy, autoimmune
 * disorders", "chronic diseases such as ... tumors") names another cancer the person may have, not the trial's own
 * disease, which a criterion names with its kind. In an exclusion list a cancer word alone is read so too
 * ("Malignancy within 5 years").
 */
function otherCancerHits(words: readonly string[], hits: readonly Hit[], inExclusions: boolean): Hit[] {
  const out: Hit[] = [];
  words.forEach((word, at) => {
    // "Malignant disease", "malignant tumor": the pair names a cancer as one word of ANY_CANCER would.
    const malignantPair = word === 'malignant' && MALIGNANT_WHAT.has(words[at + 1] ?? '');
    if ((!ANY_CANCER.has(word) && !malignantPair) || hits.some((h) => h.start <= at && at < h.end)) return;
    // "Chemotherapy for this malignancy", "for a malignancy": the word before the determiner decides.
    const back = DETERMINERS.has(words[at - 1] ?? '') ? 1 : 0;
    const previous = words[at - 1 - back] ?? '';
    const diagnosisOf = inExclusions && previous === 'of' && DIAGNOSIS_OF.has(words[at - 2 - back] ?? '');
    const end = malignantPair ? at + 2 : at + 1;
    if ((NOT_A_DIAGNOSIS_BEFORE.has(previous) && !diagnosisOf) || (end < words.length && !DIAGNOSIS_GOES_ON.has(words[end] ?? ''))) return;
    const clause = clauseOf(words, at);
    if (!inExclusions && !(LIST_ITEM_BEFORE.has(previous) && words.slice(clause.from, clause.to).some((w) => CONDITION.test(w)))) return;
    out.push({ rule: { type: 'other-cancer', value: 'other-malignancy', polarity: 'present', inferScale: false }, start: at, end });
  });
  return out;
}

/** Where the clause a word stands in begins and ends, between clause marks (. ; :): tokens [from, to). */
function clauseOf(words: readonly string[], at: number): { from: number; to: number } {
  let from = at;
  while (from > 0 && !CLAUSE_ENDS.has(words[from - 1] ?? '')) from -= 1;
  let to = at;
  while (to < words.length && !CLAUSE_ENDS.has(words[to] ?? '')) to += 1;
  return { from, to };
}

/** Words that say a treatment was had, whatever it is: "prior treatment with", "previously treated with", "received prior". */
const TREATMENT_LEAD = new PhraseList([
  'prior treatment with', 'previous treatment with', 'prior therapy with', 'previous therapy with', 'treatment with', 'therapy with',
  'treated with', 'received prior', 'received previous', 'receive prior',
]);

/**
 * "Must not have received prior treatment with <a drug we do not know>": the words say a treatment was had, so
 * the criterion is about another drug, not about nothing. Only where no treatment, number of lines or disease
 * state we know follows in the clause.
 */
function unnamedTreatmentHits(words: readonly string[], hits: readonly Hit[]): Hit[] {
  const unnamed = TREATMENT_LEAD.findAll(words).find((span) => {
    const { to } = clauseOf(words, span.start);
    return !hits.some((h) => (h.rule.type === 'prior-treatment' || h.rule.type === 'disease-state') && h.end > span.start && h.start < to);
  });
  return unnamed === undefined ? [] : [{ rule: { type: 'prior-treatment', value: 'other-drug', polarity: 'present', inferScale: false }, start: unnamed.start, end: unnamed.end }];
}

function findHits(tokens: readonly Token[], text: string, section?: 'inclusion' | 'exclusion'): Hit[] {
  const words = tokens.map((t) => t.word);
  // A shouted sentence ("TREATMENT OF ALL PATIENTS") says nothing by its capitals; an item of a word or two ("AML",
  // "CML CP") is an abbreviation written as such.
  const cased = isShouted(text) && text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length >= 3 ? null : tokens.map((t) => t.cased);
  const hits: Hit[] = [];
  for (const rule of candidateRules(words, cased)) {
    const against = rule.cased ? cased : words;
    if (against === null) continue;
    for (const span of findPattern(rule.pattern, against)) {
      // A gap in a pattern does not reach across a list's comma: "liver disease, malignancy" is no liver cancer.
      if (rule.type === 'cancer-type' && words.slice(span.start + 1, span.end - 1).some((w) => w === ',' || w === ';')) continue;
      hits.push({ rule, start: span.start, end: span.end });
    }
  }
  hits.push(...sexHits(words, section), ...hepatitisLetterHits(words, hits), ...drugStemHits(words, hits));
  if (section === 'exclusion') hits.push(...bareInfectionHits(words, hits));
  // "Known history of MDS or AML", "a history of brain cancer", "prior colorectal cancer", "breast cancer, current or
  // previous", "hepatocellular carcinoma or other malignancy" in an exclusion list: a cancer had before, or one of
  // several, which is another cancer than the one the trial is for.
  if (section === 'exclusion') {
    for (const [k, hit] of hits.entries()) {
      const before = words.slice(Math.max(0, hit.start - 3), hit.start);
      const after = words.slice(hit.end, hit.end + 4).join(' ');
      const clause = clauseOf(words, hit.start);
      // "History of breast, ovarian, endometrial or cervical cancer": the history leads the whole list.
      const listedAfterHistory = words[clause.from] === 'history' && words.slice(clause.from, hit.start).every((w) => w !== 'with' && w !== 'without' && w !== 'for');
      const had = before.some((w) => w === 'history' || w === 'prior' || w === 'previous' || w === 'past' || w === 'synchronous') || /^(?:, )?(?:current or previous|or other malignanc)/.test(after) || listedAfterHistory;
      // "Bladder pathology including bladder stone and bladder cancer", "neurological diseases (e.g., epilepsy, brain
      // tumor)": a solid cancer named among other illnesses is one of them, another cancer than the trial's.
      const amongIllnesses = hit.rule.value === 'solid-tumour' && words.slice(clause.from, clause.to).some((w) => CONDITION.test(w) || OTHER_ILLNESS_WORDS.has(w));
      if (hit.rule.type === 'cancer-type' && hit.rule.polarity === 'present' && (had || amongIllnesses)) {
        hits[k] = { ...hit, rule: { type: 'other-cancer', value: 'other-malignancy', polarity: 'present', inferScale: false } };
      }
    }
  }
  hits.push(...otherCancerHits(words, hits, section === 'exclusion'));
  hits.push(...unnamedTreatmentHits(words, hits));
  // Within a type a longer mention wins over the shorter ones inside it ("first complete remission" over
  // "remission"); types may overlap, and so may two values of a type that share words without one holding the
  // other ("failed two prior lines" is refractory disease and a number of lines).
  hits.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Hit[] = [];
  for (const hit of hits) {
    // "Autologous or allogeneic stem cell transplant", "recurrent/refractory disease": the second of two joined
    // modifiers names a concept of its own, not a part of the first one's mention.
    const inside = (k: Hit): boolean => k.start <= hit.start && hit.end <= k.end && k.end - k.start > hit.end - hit.start && !joinedAfter(tokens, text, k, hit);
    if (!kept.some((k) => k.rule.type === hit.rule.type && k.start < hit.end && hit.start < k.end && (inside(k) || k.rule.value === hit.rule.value))) kept.push(hit);
  }
  // "ECOG performance status 0-2": the named scale wins over the bare words "performance status"; a precise
  // mention over the vague one it subsumes ("allogeneic HSCT" over "HSCT").
  const named = kept.some((k) => k.rule.type === 'performance-status' && !k.rule.inferScale);
  const subsumed = new Set(kept.flatMap((k) => SUBSUMES[k.rule.type]?.[k.rule.value] ?? []));
  // "No prior therapy for ALL": a cancer named only as what a treatment was for is not a diagnosis asked about.
  // Likewise "chemotherapy for acute lymphocytic leukemia": the cancer right after a treatment and "for" or "of".
  const treatedFor = (k: Hit): boolean =>
    k.rule.type === 'cancer-type' && kept.some((t) => t.rule.type === 'prior-treatment' &&
      ((t.start <= k.start && k.end <= t.end) || (t.end < k.start && k.start - t.end <= 2 && TREATED_FOR.has(tokens[t.end]?.word ?? ''))
        // "No prior treatment for Hodgkin's lymphoma": the treatment's own words end in the disease's first word.
        || (t.end <= k.start && k.start - t.end <= 2 && tokens.slice(t.start, t.end).some((w) => TREATED_FOR.has(w.word)))));
  // "Infection not controlled by antibiotics", "severe infection (intravenous antifungals required)": drugs against
  // infection, beside an infection, say how serious it is rather than name a treatment of their own.
  const infectionMeasure = (k: Hit): boolean =>
    k.rule.type === 'prior-treatment' && ANTI_INFECTIVE.test(tokens[k.start]?.word ?? '') && kept.some((t) => t.rule.type === 'infection');
  // "Refractory anaemia with excess blasts" names a myelodysplastic syndrome, not refractory disease.
  const mdsName = (k: Hit): boolean => k.rule.type === 'disease-state' && k.rule.value === 'refractory' && /^(?:anemia|anaemia|cytopenias?)$/.test(tokens[k.end]?.word ?? '');
  // "Remission induction chemotherapy" names a treatment, not a remission.
  const treatmentName = (k: Hit): boolean => k.rule.type === 'disease-state' && k.rule.value === 'remission' && tokens[k.end]?.word === 'induction';
  // "High risk of relapse", "relapse-free survival": a relapse foreseen or counted, not one the person had; "risk
  // of relapse or progressive disease" foresees the second as well.
  const foreseenFrom = (at: number): boolean => FORESEEN_BEFORE.has(`${tokens[at - 2]?.word ?? ''} ${tokens[at - 1]?.word ?? ''}`);
  const foreseen = (k: Hit): boolean => k.rule.type === 'disease-state' && (k.rule.value === 'relapsed' || k.rule.value === 'refractory')
    && (foreseenFrom(k.start) || tokens[k.end]?.word === 'free'
      || [1, 2, 3].some((n) => foreseenFrom(k.start - n) && tokens.slice(k.start - n, k.start).every((t) => FORESEEN_JOINED.has(t.word)) && tokens[k.start - 1]?.word === 'or'));
  // "Newly diagnosed angina pectoris", "new onset diabetes": a new illness of another kind, not a new cancer.
  const otherIllness = (k: Hit): boolean => k.rule.type === 'disease-state' && k.rule.value === 'newly-diagnosed'
    && tokens.slice(k.end, k.end + 4).some((t) => NOT_CANCER_ILLNESS.test(t.word));
  // "L3 acute lymphocytic leukemia (ALL)": a bracket that restates the cancer before it names no other.
  const restatedCancer = (k: Hit): boolean => k.rule.type === 'cancer-type' && tokens[k.start - 1]?.word === '(' && tokens[k.end]?.word === ')'
    && kept.some((t) => t !== k && t.rule.type === 'cancer-type' && t.end === k.start - 1);
  // "Patients with any performance status ... are eligible": no limit on the score.
  const anyScore = (k: Hit): boolean => k.rule.type === 'performance-status' && tokens[k.start - 1]?.word === 'any';
  // "Life expectancy: At least 3 months" under "Performance status:": a number of months, not a score.
  const lifeExpectancy = (k: Hit): boolean => k.rule.type === 'performance-status' && k.rule.inferScale && /\blife expectancy\b/i.test(text);
  // "Carcinoma of the breast or hematologic malignancies": an organ joined by "or" to a blood cancer names no cancer of
  // that organ with the blood cancer's word.
  const acrossBlood = (k: Hit): boolean => k.rule.type === 'cancer-type' && k.rule.value === 'solid-tumour'
    && tokens.slice(k.start + 1, k.end - 1).some((t) => t.word === 'or' || t.word === 'and')
    && tokens.slice(k.start + 1, k.end).some((t) => BLOOD_WORDS.has(t.word));
  return kept
    .filter((k) => !(named && k.rule.inferScale) && !(subsumed.has(k.rule.value) && SUBSUMES[k.rule.type] !== undefined) && !treatedFor(k) && !treatmentName(k) && !infectionMeasure(k) && !mdsName(k)
      && !otherIllness(k) && !lifeExpectancy(k) && !restatedCancer(k) && !foreseen(k) && !anyScore(k) && !acrossBlood(k))
    .sort((a, b) => a.start - b.start);
}

/** True when `inner` starts one or two words into `outer`, after "or", "and" or a slash: "auto or allo HSCT". */
function joinedAfter(tokens: readonly Token[], text: string, outer: Hit, inner: Hit): boolean {
  if (inner.start <= outer.start || inner.start - outer.start > 2) return false;
  const between = text.slice(tokens[outer.start]?.end ?? 0, tokens[inner.start]?.start ?? 0);
  return /^\s*(?:\/|or|and)\s*$/i.test(between);
}

const SEX_SUBJECT = /^(?:\W+ )?(?:women|woman|females?|female patients|men|males?) (?:with|on|who|whose|having)\b/;

/** One sex named alone ("Women aged 18 or over") restricts; both, or sex in a pregnancy sentence, does not. */
function sexHits(words: readonly string[], section?: 'inclusion' | 'exclusion'): Hit[] {
  if (SEX_BOTH.occursIn(words) || SEX_NOT_ABOUT.occursIn(words)) return [];
  // "Women with Cushing's syndrome" in an exclusion list: whom the illness excludes, not a sex the trial turns away.
  if (section === 'exclusion' && SEX_SUBJECT.test(words.slice(0, 3).join(' '))) return [];
  const female = SEX_FEMALE.findAll(words);
  const male = SEX_MALE.findAll(words);
  if (female.length > 0 === male.length > 0) return [];
  const value = female.length > 0 ? 'female' : 'male';
  return [...female, ...male].slice(0, 1).map((span) => ({ rule: { type: 'sex', value, polarity: 'present', inferScale: false }, ...span }));
}

/** Up to `chars` characters of the text just before the token at `start`. */
function textBefore(tokens: readonly Token[], text: string, start: number, chars: number): string {
  const at = tokens[start]?.start ?? 0;
  return text.slice(Math.max(0, at - chars), at);
}

/** The text from just after a mention to the end of its clause. */
function textAfter(tokens: readonly Token[], text: string, end: number): string {
  const from = tokens[end - 1]?.end ?? 0;
  let to = text.length;
  for (let at = end; at < tokens.length; at += 1) {
    const token = tokens[at] as Token;
    if (token.word === ';' || (token.word === '.' && /^\s/.test(text.slice(token.end, token.end + 1)))) {
      to = token.start;
      break;
    }
  }
  return text.slice(from, to);
}

/**
 * True when a phrase of the list stands before `start` in the same clause, at most `window` tokens away. With
 * `bracketEnds`, an opening bracket ends the look back too: "Scheduled to receive anti-cancer therapy (radiation
 * therapy is permitted)" plans the therapy, and the bracket says something of its own; but "intolerant to
 * treatment (eg steroids)" names in its bracket what the disease resisted.
 */
function before(words: readonly string[], list: PhraseList, start: number, window: number, bracketEnds = false): boolean {
  for (let at = start - 1; at >= 0 && at >= start - window; at -= 1) {
    // "... will not be eligible to receive. DA-Epoch-R chemotherapy": a stray stop after a verb that needs its object.
    const strayStop = words[at] === '.' && /^(?:receive|undergo)$/.test(words[at - 1] ?? '');
    if ((CLAUSE_ENDS.has(words[at] ?? '') && !strayStop) || (bracketEnds && words[at] === '(')) return false;
    const end = list.endAt(words, at);
    if (end > at && end <= start) return true;
  }
  return false;
}

/** The top of each performance scale: a number beyond it is not a grade ("ECOG ... 341 days"). */
const SCALE_TOP: Readonly<Record<PerformanceScale, number>> = { ecog: 5, who: 5, karnofsky: 100, lansky: 100 };

function performanceThreshold(rule: Hit['rule'], written: string): { scale: PerformanceScale; threshold?: Threshold } {
  // Grades written as words: "of zero or one".
  const after = written.replace(/^(\W*(?:(?:performance|score|status|grade|of|is|must be|should be)\s+)*)(zero|one|two|three|four)\b(\s*(?:or|to|-|–)\s*)?(zero|one|two|three|four)?\b/i,
    (_all, lead: string, first: string, joint: string | undefined, second: string | undefined) =>
      `${lead}${numberOf(first)}${joint ?? ''}${second === undefined ? '' : numberOf(second)}`);
  let bounds = readBounds(after.slice(0, 60));
  let scale = rule.value as PerformanceScale;
  if (rule.inferScale && bounds !== null && Math.max(bounds.min ?? 0, bounds.max ?? 0) > 5) scale = 'karnofsky';
  // "Performance status: WHO 0-1": the scale named, in capitals, just before its grades.
  else if (rule.inferScale && /^\W*WHO\b/.test(after)) scale = 'who';
  // Grades are whole numbers: "ECOG < 3" is "at most 2", "Karnofsky less than 80" "at most 79" (not 80).
  bounds = readBounds(after.slice(0, 60), undefined, true);
  if (bounds !== null && Math.max(bounds.min ?? 0, bounds.max ?? 0) > SCALE_TOP[scale]) bounds = null;
  if (bounds === null) return { scale };
  const trimmed: { min?: number; max?: number } = { ...bounds };
  // "ECOG 0-2" is "at most 2"; "Karnofsky 60-100%" is "at least 60": the best end of a scale says nothing.
  if ((scale === 'ecog' || scale === 'who') && trimmed.min === 0) delete trimmed.min;
  if ((scale === 'karnofsky' || scale === 'lansky') && trimmed.max === 100) delete trimmed.max;
  return trimmed.min === undefined && trimmed.max === undefined ? { scale } : { scale, threshold: trimmed };
}

/** Values where a high result is the bad one; for clearance and ejection fraction a low one is. */
const HIGH_IS_BAD: ReadonlySet<string> = new Set(['bilirubin', 'creatinine', 'alt', 'ast', 'alt-ast']);

/**
 * The comparison a limit written without one means: "Bilirubin 2 x ULN" is the most allowed in an inclusion list
 * and the least that excludes in an exclusion list; "clearance 60 mL/min" the least allowed, or the most that excludes.
 */
function bareComparator(value: string, section: 'inclusion' | 'exclusion' | undefined): Comparator {
  return (section === 'exclusion') === HIGH_IS_BAD.has(value) ? '>=' : '<=';
}

function thresholdFor(hit: Hit, after: string, text: string, heading: string, section?: 'inclusion' | 'exclusion'): Threshold | undefined {
  const { type, value } = hit.rule;
  if (type === 'organ-function') return readComparison(after.slice(0, 120), bareComparator(value, section)) ?? undefined;
  if (type === 'disease-state' && value === 'prior-lines') return readPriorLines(text) ?? undefined;
  if (type === 'prior-treatment') {
    const days = readWithinDays(text) ?? readWithinDays(heading);
    return days === null ? undefined : { withinDays: days };
  }
  if (type === 'other-cancer') {
    const years = readWithinYears(after) ?? readWithinYears(text);
    return years === null ? undefined : { withinYears: years };
  }
  return undefined;
}

/** Reads the concepts of one criterion's words, in the order they appear. */
export function readCriterion(itemText: string, context: CriterionContext = {}): CriterionReading {
  const heading = context.heading ?? '';
  // "Performance status: 0-3" split into a sub-heading and "0-3": read the grades with the words that name them.
  const text = PERFORMANCE_HEADING.test(heading) && !PERFORMANCE_HEADING.test(itemText) ? `${heading}: ${itemText}` : itemText;
  const tokens = tokenize(text);
  const words = tokens.map((t) => t.word);
  // A lead-in that negates what follows ("No prior therapy with any of the following:"), ending in a colon; not an
  // item above that happens to end inside a negation's reach ("AML, not otherwise categorized (M1 [without
  // maturation] ...)" over "Untreated AML").
  const openNegation = context.parent != null && /:\s*$/.test(context.parent)
    && (endsNegated(tokenize(context.parent).map((t) => t.word)) || NEGATED_EXAMPLES_LEAD.test(context.parent));
  // "Must not be any of the following: Acute lymphoblastic leukemia / Blastic phase of CML ...": a list joined back
  // into the item from run-on text, each of whose lines is ruled out.
  const ruledOutFrom = NEGATED_LIST_IN_ITEM.test(text) ? text.indexOf(':') : -1;
  const hits = findHits(tokens, text, context.section);
  const causes = hits.map((hit) => ({ ...hit, cause: hit.rule.type === 'prior-treatment' && !NOT_CAUSES.has(hit.rule.value) }));
  const readings = readSpans(words, causes, openNegation, context.section === 'exclusion');
  const noPriorTreatment = NOT_PRIOR_TREATMENT.occursIn(words);
  // "More than 10 days since prior and no concurrent CYP3A4 inducers, including the following:" over
  // "Anticonvulsants (...)": the lead-in's window holds for each kind it lists.
  const since = readSince(text) ?? (openNegation && context.parent != null ? leadWindow(context.parent) : null);
  const concepts: Concept[] = [];
  // The last treatment read as planned: "eligible for TBI plus high dose chemotherapy followed by autologous
  // transplantation" plans each treatment joined to a planned one.
  let lastPlanned: Hit | null = null;
  // "No prior therapy except hydroxyurea": a concept whose words end in the exception names the carve-outs after it.
  const carveOut = hits.find((h) => words[h.end - 1] === 'except' || (words[h.end - 2] === 'other' && words[h.end - 1] === 'than'));
  const preference = PREFERENCE_LEAD.test(text);
  // "Diagnosis of AML ...; patients with a history of antecedent myelodysplasia remain eligible": permissions and
  // conditions in clauses of their own, after a requirement, are about groups within it: the requirement stands.
  // "Patients are eligible if they have ...": a requirement for everyone, neither a permission nor a condition.
  const asRequirement = PERMISSIVE.findAll(words).filter((hit) => requirementAsPermission(words, hit));
  const permits = permissions(words, hits).filter((hit) => !asRequirement.some((r) => r.start === hit.start));
  const subgroups = subgroupClauses(words, hits, permits, context.section);
  const leadWords = subgroups.length === 0 ? words : words.slice(0, subgroups[0]?.[0]);
  // Words read as part of the next mention rather than as a concept of their own ("untreated" in "untreated relapse").
  const qualifiers = new Set<Hit>();
  hits.forEach((hit, k) => {
    const reading = readings[k];
    if (reading === undefined || reading.excepted || (carveOut !== undefined && hit.start >= carveOut.end) || preference) return;
    if (subgroups.some(([start, end]) => hit.start > start && hit.start < end)) return;
    // "AML, either de novo or secondary (evolving from myelodysplastic syndrome ... or previous treatment for
    // malignancies other than leukemia)": where the leukaemia came from, not another cancer the person has now.
    if (hit.rule.type === 'other-cancer' && ORIGIN_BEFORE.test(text.slice(0, tokens[hit.start]?.start ?? 0))) return;
    // "Secondary leukemias eligible, as follows: Following cured malignancies, including Hodgkin's disease": the
    // cancer a secondary leukaemia followed, not one the person has now.
    if ((hit.rule.type === 'cancer-type' || hit.rule.type === 'other-cancer') && SECONDARY_AFTER.test(text.slice(0, tokens[hit.start]?.start ?? 0))) return;
    if (hit.rule.type === 'prior-treatment' && noPriorTreatment) return;
    // "A POB, CCR investigator decides ...": NCI's Center for Cancer Research, not a creatinine clearance, which comes
    // with its number.
    if (hit.rule.type === 'organ-function' && /^ccr$/i.test(words.slice(hit.start, hit.end).join(' ')) && !/^\W*(?:\S+\s+){0,4}?(?:[<>≤≥=]|\d)/.test(text.slice(tokens[hit.end - 1]?.end ?? 0))) return;
    // "No chemotherapy resistant NHL", "chemotherapy sensitive relapse": how the disease answered treatment (a state),
    // not whether the person had it.
    if (hit.rule.type === 'prior-treatment' && /^(?:resistant|sensitive|refractory)$/.test(words[hit.end] ?? '')) return;
    // "Patient must have been seen by a radiation oncologist": a doctor, not a treatment.
    if (hit.rule.type === 'prior-treatment' && hit.rule.value === 'radiotherapy' && /^(?:oncologists?|oncology|physicians?|therapists?|department)$/.test(words[hit.end] ?? '')) return;
    // "Volunteers ... will not be tested for HIV or hepatitis", "required to have testing for HIV": a test, which asks
    // nothing of the result.
    if (hit.rule.type === 'infection' && /(?<!(?:positive|negative|reactive|non-?reactive)\s+)\b(?:tested|testing|test|screened|screening)\s+for\s+(?:the\s+)?(?:presence\s+of\s+)?(?:(?:HIV|HTLV|hepatitis|HBV|HCV|[A-C]|and|or|,)[\s,-]*){0,6}$/i.test(textBefore(tokens, text, hit.start, 50))
      // Not where the same clause names the result wanted: "screening for hepatitis B must be negative".
      && !/^[^.;]*\b(?:negative|positive|non-?reactive|reactive|seropositive|seronegative|excluded|ineligible|not eligible)\b/i.test(text.slice(tokens[hit.end - 1]?.end ?? 0))) return;
    // "All normal and CML volunteers must undergo repeat physical examination": a kind of volunteer or donor in a
    // study that takes healthy ones too, not a diagnosis asked for.
    // "Any normal volunteer or volunteer with a lymphoid/hematologic malignancy with a known history of HIV" likewise.
    if ((hit.rule.type === 'cancer-type' || hit.rule.type === 'other-cancer') && (/^(?:volunteers?|donors?)$/.test(words[hit.end] ?? '')
      || /\bvolunteers?\s+with\s+(?:an?\s+)?(?:[\w/-]+\s+){0,2}$/i.test(textBefore(tokens, text, hit.start, 50)))) return;
    // "Subjects at high risk of Hepatitis B virus (HBV) infection should be screened": a risk, not the infection.
    if (hit.rule.type === 'infection' && /\bat\s+(?:high\s+|increased\s+)?risk\s+(?:of|for)\s+(?:[\w-]+\s+){0,4}\(?$/i.test(textBefore(tokens, text, hit.start, 60))) return;
    // "No prior radiotherapy to relapsed sites of vital organs": where a relapse was, not whether there was one.
    if (hit.rule.type === 'disease-state' && hit.rule.value === 'relapsed' && /^(?:sites?|areas?|lesions?|nodes?|masses)$/.test(words[hit.end] ?? '')) return;
    // "Untreated thoracic or abdominal aneurysm", "untreated hypertension": another illness left untreated, not a
    // cancer not yet treated.
    if (hit.rule.type === 'disease-state' && hit.rule.value === 'newly-diagnosed' && /^untreated$/i.test(words.slice(hit.start, hit.end).join(' '))
      && OTHER_ILLNESS_AFTER.test(words.slice(hit.end, hit.end + 4).join(' '))) return;
    // "No prior autologous or allogeneic organ or tissue transplant": a transplanted organ, not stem cells.
    if (hit.rule.type === 'prior-treatment' && hit.rule.value.endsWith('transplant') && isOrganTransplant(text.slice(tokens[hit.start]?.start ?? 0, tokens[hit.end - 1]?.end ?? 0))) return;
    // "RADIOTHERAPY: At least 1 month since radiotherapy": a label the item says again after its colon is read there.
    if (words[hit.end] === ':' && hit.start <= 1 && hits.some((h) => h.start > hit.end && h.rule.type === hit.rule.type && h.rule.value === hit.rule.value)) return;
    // "Recurred after an initial CR", "relapse after achieving a complete remission": a remission in the past,
    // named to say when the relapse came, not a state asked of the person now.
    if (hit.rule.type === 'disease-state' && (hit.rule.value === 'remission' || hit.rule.value === 'first-remission') && before(words, AFTER_REMISSION, hit.start, 4)) return;
    if (hit.rule.type === 'disease-state' && stateAsksNothing(hit, words, text, tokens)) return;
    // "Untreated first relapse": a relapse not yet treated, not a new diagnosis.
    // Its relapse is then read against the state before it ("in second remission or untreated first relapse").
    if (hit.rule.value === 'newly-diagnosed' && hit.end - hit.start === 1 && words[hit.start] === 'untreated' && hits.some((h) => h.rule.value === 'relapsed' && h.start >= hit.end && h.start - hit.end <= 1)) {
      qualifiers.add(hit);
      return;
    }
    // "No concurrent whole brain irradiation for documented CNS disease": what a treatment is for, not a requirement.
    if (hit.rule.type === 'cns' && hits.some((h) => h.rule.type === 'prior-treatment' && h.end <= hit.start) && /\b(?:irradiation|radiation|radiotherapy|therapy|treatment)\s+for\s+(?:documented\s+|known\s+|active\s+)?$/i.test(textBefore(tokens, text, hit.start, 40))) return;
    // "B-cell lymphoid disease", "B-cell lymphoid malignancies": a group of B-cell cancers, not B-cell ALL.
    if (hit.rule.type === 'cancer-type' && (hit.rule.value === 'b-all' || hit.rule.value === 't-all') && words[hit.end - 1] === 'lymphoid' && LYMPHOID_GROUP.has(words[hit.end] ?? '')) return;
    // "No prior CNS demyelinating or inflammatory disease": another illness of the nervous system, not the cancer there.
    if (hit.rule.type === 'cns' && /\b(?:demyelinating|inflammatory|infectious|degenerative|vascular|autoimmune)\b/i.test(words.slice(hit.start, hit.end).join(' '))) return;
    // "Isolated CNS relapse": CNS disease alone, which a person with CNS and marrow disease does not have; we
    // cannot tell the two apart from the profile, so it is left unread rather than read as any CNS disease.
    if (hit.rule.type === 'cns' && words[hit.start - 1] === 'isolated') return;
    // "Leukemia or lymphoma cells should express ...", "lymphoma blasts": the cells, not the diagnosis.
    if (hit.rule.type === 'cancer-type' && CELLS.has(words[hit.end] ?? '')) return;
    // "Other non-malignant disease": the prefix turns the cancer word into its opposite.
    if ((hit.rule.type === 'other-cancer' || hit.rule.type === 'cancer-type') && words[hit.end - 2] === 'non' && MALIGNANT.has(words[hit.end - 1] ?? '')) return;
    // "Refractory to induction therapy", "failed 2 lines of chemotherapy": the treatment belongs to the disease state.
    // A treatment inside or just after the words that say the disease was refractory ("not responded (no CR) to
    // induction chemotherapy") is likewise the disease state's.
    if (hit.rule.type === 'prior-treatment' && (before(words, RESISTED, hit.start, 6) || resistedInBracket(words, hit.start) || hits.some((h) => h.rule.value === 'refractory' && h.start < hit.start && hit.start - h.end <= 3))) return;
    // "No relapse following allogeneic transplantation": the relapse says when; what rules a person out is the
    // treatment it followed, so the negation is read on the treatment alone.
    if (hit.rule.type === 'disease-state' && reading.negated && FOLLOWING.has(words[hit.end] ?? '') && hits.some((h) => h.rule.type === 'prior-treatment' && h.start > hit.end && h.start - hit.end <= 3)) return;
    // "PS-341" is a drug code, not a performance status: no scale has grades past 100.
    if (hit.rule.type === 'performance-status' && hit.rule.inferScale && Number(words[hit.end]) > 100) return;
    // "SWOG 0 or 1" is a grade on the SWOG (Zubrod, ECOG) scale; "SWOG protocol S0106" names the group.
    if (hit.rule.type === 'performance-status' && hit.end - hit.start === 1 && words[hit.start] === 'swog' && !/^[0-5]$/.test(words[hit.end] ?? '')) return;
    // "Untreated active hepatitis", "no occult untreated infection", "untreated brain metastases": untreated
    // describes the infection or the CNS disease, not the cancer.
    if (hit.rule.type === 'disease-state' && hit.end - hit.start === 1 && words[hit.start] === 'untreated' && hits.some((h) => (h.rule.type === 'infection' || h.rule.type === 'cns') && h.end > hit.start && h.start - hit.end <= 3)) return;
    // "No prior treatment for leukemia" is read whole as newly diagnosed, which takes the "no" into its words; the
    // treatment inside it is still negated.
    const insideNoPrior = hit.rule.type === 'prior-treatment' && hits.some((h) => h.rule.value === 'newly-diagnosed' && words[h.start] === 'no' && h.start < hit.start && hit.end <= h.end);
    // "No prior treatment for acute leukemia or myelodysplasia": the second disease is one more that was not treated,
    // not a diagnosis asked for.
    if (hit.rule.type === 'cancer-type' && words[hit.start - 1] === 'or' && hits.some((h) => h.rule.value === 'newly-diagnosed' && words[h.start] === 'no' && h.end === hit.start - 1)) return;
    const negatedSoFar = insideNoPrior || reading.negated !== (hit.rule.polarity === 'absent')
      || (ruledOutFrom >= 0 && (tokens[hit.start]?.start ?? 0) > ruledOutFrom && !reading.negated) || (hit.rule.type === 'prior-treatment' && since !== null && (tokens[hit.start]?.start ?? 0) >= since.end)
      // "At least 2 weeks since any active infection": none lately.
      || (hit.rule.type === 'infection' && words.slice(Math.max(0, hit.start - 3), hit.start).includes('since'));
    // "Conditions precluding informed consent" is being unable to consent; "no illness that would preclude
    // informed consent", able to.
    const barred = hit.rule.type === 'consent' && (CONSENT_BARRED.test(words.slice(Math.max(0, hit.start - 4), hit.start).join(' ')) || ABILITY_LIMITED.test(textBefore(tokens, text, hit.start, 70)) || /^(?:is )?(?:impossible|not possible)\b/.test(words.slice(hit.end, hit.end + 3).join(' ')));
    // "Less than 7 days of prior hydroxyurea", "no more than 7 days of prior corticosteroid therapy": a short course
    // allowed, a longer one ruled out; none at all meets it.
    const shortCourse = hit.rule.type === 'prior-treatment' && SHORT_COURSE_BEFORE.test(textBefore(tokens, text, hit.start, 60));
    // "Pregnancy test required, as appropriate": a test that must show the person is not pregnant.
    const testRequired = hit.rule.type === 'pregnancy' && hit.rule.value === 'pregnant' && TEST_REQUIRED_AFTER.test(textAfter(tokens, text, hit.end)) && !words.slice(Math.max(0, hit.start - 2), hit.start).includes('positive');
    const negated = shortCourse || testRequired || (barred ? !(negatedSoFar || words[0] === 'no') : negatedSoFar);
    // "Advanced malignancy, including non-Hodgkin's lymphoma": an example of the cancers the item takes, any of which
    // will do, not a cancer it asks for.
    // "Multiple myeloma or other B-cell malignancy": the group widens the diagnosis asked for (broadDiagnosis), it
    // is not another cancer besides it.
    if (hit.rule.type === 'other-cancer' && context.section === 'inclusion' && words[hit.start - 1] === 'or' && words[hit.start] === 'other'
      && hits.some((h) => h.rule.type === 'cancer-type' && h.end < hit.start) && BROAD_DIAGNOSIS.findAll(words).some((span) => span.start >= hit.start && span.start < hit.end + 1)) return;
    // "No chemotherapy for at least 4 weeks after study completion": a rule for after the trial, not a history.
    if (hit.rule.type === 'prior-treatment' && AFTER_STUDY.test(text.slice(tokens[hit.end - 1]?.end ?? 0))) return;
    // "Immune suppression for control of allograft rejection": a transplanted organ kept from rejection, no treatment.
    if (hit.rule.type === 'prior-treatment' && words[hit.end - 1] === 'allograft' && words[hit.end] === 'rejection') return;
    // "Prior treatment with at least 3 courses of first line chemotherapy": the line had, not an untreated disease.
    if (hit.rule.type === 'disease-state' && hit.rule.value === 'newly-diagnosed' && /^(?:first|front)/.test(words[hit.start] ?? '')
      && /\b(?:prior|previous|received|after|following|courses?|cycles?|completed|failed|failure|progression)\b[^.;]*$/i.test(textBefore(tokens, text, hit.start, 50))) return;
    // "Failed at least 1 cycle of chemotherapy, with or without radiotherapy": had or not, asked of nobody.
    if (hit.rule.type === 'prior-treatment' && /\bwith or without\s+(?:prior\s+)?$/i.test(textBefore(tokens, text, hit.start, 30))) return;
    // "Fluconazole for oral candidiasis", "Pneumocystis carinii pneumonia prophylaxis": what a drug treats or prevents.
    if (hit.rule.type === 'infection' && hit.rule.value === 'active-infection' && ((words[hit.start - 1] === 'for' && words[hit.start - 2] !== 'criteria') || /^\s*(?:\([^)]*\)\s*)?(?:prophylaxis|prevention)\b/i.test(text.slice(tokens[hit.end - 1]?.end ?? 0)))) return;
    // "In children serum CR less than or equal to age-adjusted normal": CR is the creatinine there, not a remission.
    if (hit.rule.type === 'disease-state' && words[hit.start - 1] === 'serum') return;
    // "Recovered from the effects of any prior radiotherapy": recovery asked for, not the treatment itself.
    if (hit.rule.type === 'prior-treatment' && RECOVERED_BEFORE.test(textBefore(tokens, text, hit.start, 60))) return;
    // "18 to 75 years old (at the time consent is obtained)": when an age is counted, not a consent asked for.
    if (hit.rule.type === 'consent' && /\bat the time\s+$/i.test(textBefore(tokens, text, hit.start, 20))) return;
    // "Acute effects of prior cancer treatment": a treatment for cancer, not another cancer; "diseases other than
    // malignancy": not a cancer at all.
    if (hit.rule.type === 'other-cancer' && (TREATMENT_WORD.test(words[hit.end] ?? '') || words[hit.start + 1] === 'than')) return;
    // "Maintenance therapy for toxoplasmosis", "induction or maintenance therapy with foscarnet": a course of
    // treatment for an infection, not chemotherapy.
    if (hit.rule.type === 'prior-treatment' && hit.rule.value === 'chemotherapy' && COURSE_OF.has(words[hit.end - 2] ?? '')
      && ((words[hit.end] === 'for' && INFECTION_WORD.test(words.slice(hit.end + 1, hit.end + 4).join(' '))) || (words[hit.end] === 'with' && hits.some((h) => h.rule.value === 'other-drug' && h.start === hit.end + 1)))) return;
    // "No bone marrow involvement with lymphoma", "no evidence of CNS lymphoma": where the disease has spread, ruled
    // out, not the disease itself (a primary CNS lymphoma is a kind of lymphoma, and stays one).
    const site = hits.find((h) => h.rule.type === 'cns' && h.start <= hit.start && h.end >= hit.end);
    if (hit.rule.type === 'cancer-type' && (negated || context.section === 'exclusion') && (site === undefined ? words[hit.start - 1] : words[site.start - 1]) !== 'primary'
      && (site !== undefined || /\binvolvement\s+(?:with|by)\s+$/i.test(textBefore(tokens, text, hit.start, 30)))) return;
    if (hit.rule.type === 'cancer-type' && context.section === 'inclusion' && [CANCER_EXAMPLE_BEFORE, DISEASE_EXAMPLE_BEFORE].some((lead) => lead.test(text.slice(0, tokens[hit.start]?.start ?? 0)))) return;
    // "No more than 3 prior chemotherapy regimens": a count with an upper limit, which none meets too; the treatment
    // itself is not asked for.
    // "Patients who have received more than two chemotherapy regimens are ineligible" likewise, ruled out.
    if (hit.rule.type === 'prior-treatment' && (UPPER_COUNT_BEFORE.test(textBefore(tokens, text, hit.start, 40))
      || (negated && LOWER_COUNT_BEFORE.test(textBefore(tokens, text, hit.start, 40)) && /^\s*(?:regimens?|lines?|courses?|cycles?)\b/i.test(text.slice(tokens[hit.end - 1]?.end ?? 0))))) return;
    // "No resistant or refractory lymphoma", "no relapsed AML": the state of the disease ruled out, not the disease.
    if (hit.rule.type === 'cancer-type' && negated && hits.some((h) => h.rule.type === 'disease-state' && h.end === hit.start && h.rule.value !== 'newly-diagnosed')) return;
    // "No blastic phase CML", "no accelerated phase": a phase of the disease ruled out, not the disease.
    // "No CML in blast phase", "no AML in first remission with ..." likewise, the phase or state written after it.
    if (hit.rule.type === 'cancer-type' && negated && (words[hit.start - 1] === 'phase' || words[hit.start - 1] === 'crisis' || PHASE_AFTER.test(words.slice(hit.end, hit.end + 8).join(' '))
      || LIST_PHASE_AFTER.test(text.slice(tokens[hit.end - 1]?.end ?? 0)))) return;
    const after = textAfter(tokens, text, hit.end);
    // "First or second remission": where a later mention starts inside this one, this one's words stop before it,
    // so that each alternative is found at its own place in the item.
    const inner = hits.find((h) => h !== hit && h.rule.type === hit.rule.type && h.start > hit.start && h.start < hit.end && h.end === hit.end);
    const evidence = text.slice(tokens[hit.start]?.start ?? 0, tokens[(inner === undefined ? hit.end : inner.start) - 1]?.end ?? 0).replace(/\s+or$/i, '');
    // "Not in first complete remission (...) with t(8;21), t(15;17) ...": the remission of a favourable kind only,
    // which the profile cannot tell apart.
    if (hit.rule.type === 'disease-state' && negated && QUALIFIED_AFTER.test(text.slice(tokens[hit.end - 1]?.end ?? 0, (tokens[hit.end - 1]?.end ?? 0) + 80))) return;
    // "Residual, recurrent, or metastatic disease": a relapse is one of several kinds of disease the item takes, the
    // others ones the profile cannot answer, so the relapse is no requirement.
    // "Recurrent or metastatic malignant disease" read as one mention holds the other kind in its own words.
    if (hit.rule.type === 'disease-state' && !negated && context.section === 'inclusion' && hit.rule.value === 'relapsed'
      && (OPEN_EXTENT_BEFORE.test(textBefore(tokens, text, hit.start, 40)) || OPEN_EXTENT_AFTER.test(text.slice(tokens[hit.end - 1]?.end ?? 0))
        || OPEN_EXTENT_WITHIN.test(evidence))) return;
    // "Exclude acute promyelocytic leukemia (M3)": one kind of AML ruled out, which the profile cannot tell apart;
    // "no treatment- or mutagen-related MDS", "no secondary AML" likewise.
    if (hit.rule.type === 'cancer-type' && negated && (NARROWER_KIND.test(evidence) || NARROWER_BEFORE.test(textBefore(tokens, text, hit.start, 80))
      || NARROWER_AFTER.test(after))) return;
    let value = hit.rule.value;
    let threshold = thresholdFor(hit, after, text, heading, context.section);
    // "Patients who have received more than two chemotherapy regimens are ineligible": at most two, asked for.
    const counted = hit.rule.type === 'disease-state' && hit.rule.value === 'prior-lines' && negated
      && /\b(?:more than|greater than|over|>)\s*$/i.test(textBefore(tokens, text, hit.start, 20)) ? numberOf(words[hit.start] ?? '') : NaN;
    const overCount = Number.isInteger(counted) ? counted : null;
    if (overCount !== null) threshold = { max: overCount };
    // "No CNS metastasis unless stable for at least 4 weeks": the "no" rules out the disease, and the exception is the
    // controlled disease allowed; it never rules out someone whose disease is controlled or was never there.
    const controlledUnless = hit.rule.type === 'cns' && hit.rule.value === 'cns-controlled' && /\b(?:unless|except|if|provided)\b/i.test(evidence);
    if (hit.rule.type === 'organ-function' && hit.rule.value === 'ejection-fraction' && (threshold === undefined || threshold.unit === 'x-uln')) {
      threshold = ejectionFractionNormal(textBefore(tokens, text, hit.start, 40), after.slice(0, 80)) ?? threshold;
      // A normal ejection fraction is asked for, never ruled out: "No history of ... heart failure LVEF normal by
      // MUGA" is two items run together, the first one's negation carried onto the second; it asks nothing we read.
      if (negated && threshold?.unit === 'x-lln' && threshold.comparator === '>=') return;
    }
    // "At least 4 weeks since prior radiotherapy" is "no radiotherapy in the last 4 weeks".
    const sinceWindow = hit.rule.type === 'prior-treatment' && since !== null && (tokens[hit.start]?.start ?? 0) >= since.end;
    if (sinceWindow) threshold = { withinDays: since.days };
    if (hit.rule.type === 'performance-status') {
      ({ scale: value, threshold } = performanceThreshold(hit.rule, after));
      // "Performance status 0-2 (ECOG)": the grades written before the scale's name.
      if (threshold === undefined && !hit.rule.inferScale) threshold = performanceThreshold(hit.rule, textBefore(tokens, text, hit.start, 20)).threshold;
      // "Good performance status": no scale and no grade, nothing to check.
      if (threshold === undefined && hit.rule.inferScale && /\b(?:good|adequate|acceptable|satisfactory|poor)\s+(?:general\s+)?performance\b/i.test(text)) return;
    }
    // A bracket that only restates the treatment ("tyrosine kinase inhibitors (TKI)") belongs to the words before it.
    const restated = words[hit.start - 1] === '(' && words[hit.end] === ')';
    // "salvage chemotherapy or bone marrow transplantation (BMT)": the bracket names the treatment just read again;
    // "First complete remission (CR)": the abbreviation of a remission just read.
    if (restated && concepts.at(-1)?.type === hit.rule.type && (concepts.at(-1)?.value === hit.rule.value
      || (hit.rule.value === 'remission' && /remission$/.test(concepts.at(-1)?.value ?? '')))
      && (hit.rule.type === 'prior-treatment' || hit.rule.type === 'disease-state')) return;
    // "Have received or will receive a ... transplant": had or still to come, not only planned.
    const orPlanned = hit.rule.type === 'prior-treatment' && !negated && HAD_OR_PLANNED.test(text.slice(0, tokens[hit.start]?.start ?? 0));
    const planned = hit.rule.type === 'prior-treatment' && !orPlanned && !before(words, PAST_OR_CONCURRENT, hit.start, 8) && (before(words, PLANNED, hit.start, 8, !restated) || PLANNED_AFTER.endAt(words, hit.end) > hit.end
      || afterStudyDose(text, tokens[hit.start]?.start ?? 0)
      // "Radiation dose to marrow no greater than 3,000 cGy until 6 patients have been safely treated at that dose
      // level": the trial's own dose escalation.
      || DOSE_ESCALATION.test(text)
      // "Fully HLA matched donor for allogeneic transplantation", "adequate autologous stem cell collection for
      // transplantation": a donor or cells for a transplant to come.
      || /\b(?:donors?|collection|harvest)\s+for\b/i.test(evidence)
      || (PROCEDURES.has(hit.rule.value) && words[hit.start - 1] === 'for' && since === null)
      // "No other prophylactic medications during first course of chemotherapy": the trial's course, a time frame.
      || DURING_COURSE_BEFORE.test(textBefore(tokens, text, hit.start, 40))
      // "High-dose chemotherapy (carmustine, ...) with autologous ... transplantation": the drugs in brackets between.
      || (lastPlanned !== null && JOINED_TREATMENTS.test(words.slice(lastPlanned.end, hit.start).join(' ').replace(/\([^()]*\)\s*/g, ''))));
    if (planned) lastPlanned = hit;
    const ongoing = hit.rule.type === 'prior-treatment' && !planned && before(words, ONGOING, hit.start, 6);
    const past = hit.rule.type === 'disease-state' && REMISSIONS.has(hit.rule.value) && before(words, PAST_REMISSION, hit.start, 3);
    // "Failed conventional therapy": refractory disease, or a relapse after it (a relapse is a failure too).
    const failedTherapy = hit.rule.type === 'disease-state' && hit.rule.value === 'refractory' && /^fail/.test(words[hit.start] ?? '');
    const narrowedRelapse = hit.rule.type === 'disease-state' && hit.rule.value === 'relapsed' && (NARROWED_RELAPSE.test(textBefore(tokens, text, hit.start, 40)) || RELAPSE_SITE_AFTER.test(after));
    // "No prior topotecan": a drug of a kind the profile names only as a kind (chemotherapy) is limited too.
    // "No prior T-cell lymphoma", "no mantle cell lymphomas", "Hodgkin's disease": a kind of lymphoma, which a
    // profile's "lymphoma" cannot tell apart.
    // "Working formulation A (malignant lymphoma small lymphocytic)": a kind in an old grading's letters.
    const lymphomaKind = hit.rule.type === 'cancer-type' && hit.rule.value === 'lymphoma'
      && (LYMPHOMA_KIND_BEFORE.test(textBefore(tokens, text, hit.start, 40)) || LYMPHOMA_KIND_NAMED.test(evidence)
        || /\bworking formulation\s+[A-J]\b[^.;]*$/i.test(textBefore(tokens, text, hit.start, 60)));
    const unnamedKind = hit.rule.type === 'cancer-type' && UNNAMED_KIND_BEFORE.test(textBefore(tokens, text, hit.start, 40));
    // "Prior treatment with a nitrosourea": one class of chemotherapy, which a profile's "chemotherapy" cannot tell.
    const drugClass = hit.rule.type === 'prior-treatment' && hit.rule.value === 'chemotherapy' && CHEMOTHERAPY_CLASS.test(evidence);
    // "No active or uncontrolled second malignancy": a cancer had before may be over, which the profile does not say.
    const activeOther = hit.rule.type === 'other-cancer' && ACTIVE_BEFORE.test(textBefore(tokens, text, hit.start, 40));
    // "No more than 1 prior chemotherapy regimen": lines of one kind of treatment, of which a profile counts every kind.
    const linesOfAKind = hit.rule.type === 'disease-state' && hit.rule.value === 'prior-lines' && /\b(?:chemotherapy|biologic|biological|salvage|combination|cytotoxic)\b/i.test(evidence);
    // "Refractory disease other than primary induction failure": refractory of some kinds only.
    const allBut = hit.rule.type === 'disease-state' && /^\s*(?:disease\s+)?other than\b/i.test(after);
    const limited = narrowedRelapse || allBut || shortCourse || lymphomaKind || unnamedKind || drugClass || activeOther || linesOfAKind || (hit.rule.type === 'prior-treatment' && (DOSE_OR_SITE.test(after) || hit.rule.namedDrug === true || LIMITING_BEFORE.has(words[hit.start - 1] ?? '') || KIND_OF_RADIOTHERAPY.test(`${words[hit.start - 2] ?? ''} ${words[hit.start - 1] ?? ''} ${evidence}`) || HIGH_DOSE.test(words.slice(Math.max(0, hit.start - 2), hit.start).join(' '))))
      || (hit.rule.type === 'cns' && hit.rule.value === 'cns-involvement' && before(words, UNCONTROLLED, hit.start, 2));
    const previous = hits.slice(0, k).reverse().find((h) => h.rule.type === hit.rule.type && !qualifiers.has(h));
    // A mention inside a longer one ("refractory" in "recurrent or refractory leukaemia") is read from the longer
    // one's first word.
    const overlapping = previous !== undefined && previous.end > hit.start && previous.start < hit.start;
    const between = previous === undefined ? '' : text.slice(tokens[(overlapping ? previous.start : previous.end - 1)]?.end ?? 0, tokens[hit.start]?.start ?? 0);
    // Lines of a list led by "1 of the following:" (joined back from run-on text) are alternatives too.
    const listed = previous !== undefined && /^[^\S\n]*\n\s*$/.test(between) && ONE_OF_LEAD.test(text.slice(0, tokens[previous.start]?.start ?? 0));
    // "Recurrent or refractory": the "or" ends the first mention's own words.
    const orEnded = previous !== undefined && previous.end === hit.start && words[previous.end - 1] === 'or';
    // Two different blood tests are joined as alternatives by "or" only: "Bilirubin <= 2 mg/dl, AST <= 1.5 times
    // normal, and creatinine ..." lists limits that must all hold.
    const twoTests = hit.rule.type === 'organ-function' && previous !== undefined && previous.rule.value !== hit.rule.value;
    // A disease and a marker of its cells are joined as alternatives by "or" only: "CLL evidenced by ... CD5+,
    // CD19+, CD23+" asks for both.
    const diseaseAndMarker = hit.rule.type === 'cancer-type' && previous !== undefined && CELL_MARKERS.has(hit.rule.value) !== CELL_MARKERS.has(previous.rule.value);
    // "Acute lymphoblastic leukemia: -relapsed -in second remission or later": states in a dashed run-on list
    // under a disease are its alternatives.
    const dashed = previous !== undefined && hit.rule.type === 'disease-state' && DASHED_ITEM.test(between) && LABEL_THEN_DASH.test(text);
    // "AML, a certain type of ALL, NHL and MM": the last of a list of diseases joined by "and" is one more alternative.
    const listEnd = hit.rule.type === 'cancer-type' && /^\s*,?\s*and\s*$/i.test(between) && concepts.at(-1)?.type === 'cancer-type' && concepts.at(-1)?.orPrevious === true;
    const orPrevious = previous !== undefined && (previous.end <= hit.start || overlapping) && ((twoTests || diseaseAndMarker ? /\bor\b/i : ALTERNATIVE).test(between.replace(UNIT_SLASH, ' ').replace(CLOSED_BRACKET, ' ')) || listed || orEnded || dashed || listEnd);
    // "No active or inactive primary CNS malignancy", "no active or treated brain metastases": CNS disease of any
    // kind ruled out, which a person with none meets (a controlled disease is only ever allowed, never asked for).
    if (hit.rule.type === 'cns' && value === 'cns-controlled' && negated && !controlledUnless) value = 'cns-involvement';
    // "Exclusion Criteria: ... Total bilirubin =< 1.5 X institutional upper limit of normal": a limit of the healthy
    // side under the exclusions (nobody is ruled out for normal results) is a requirement filed in the wrong list.
    const healthySideExcluded = hit.rule.type === 'organ-function' && context.section === 'exclusion' && !negated && threshold !== undefined
      && 'comparator' in threshold && threshold.unit === 'x-uln' && (threshold.comparator === '<=' || threshold.comparator === '<') && HIGH_IS_BAD.has(value);
    concepts.push({
      type: hit.rule.type,
      value,
      polarity: (negated && overCount === null && !controlledUnless) || healthySideExcluded ? 'absent' : 'present',
      // A short course's length is how much was had, not a time since.
      ...(threshold === undefined || shortCourse ? {} : { threshold }),
      ...(planned ? { planned: true as const } : {}),
      ...(orPrevious ? { orPrevious: true as const } : {}),
      ...(ongoing ? { ongoing: true as const } : {}),
      ...(orPlanned ? { orPlanned: true as const } : {}),
      ...((hit.rule.type === 'disease-state' && !negated && OR_UNREAD_AFTER.test(after)) || (hit.rule.type === 'prior-treatment' && afterUnreadBranch(text, tokens[hit.start]?.start ?? 0)) ? { orUnread: true as const } : {}),
      ...(limited ? { limited: true as const } : {}),
      ...(past ? { past: true as const } : {}),
      ...(failedTherapy ? { failedTherapy: true as const } : {}),
      evidence,
    });
  });
  const ageHeading = /^age\b/i.test(heading);
  // "Physiologic age 65 and under" is no age limit, even under an "Age:" heading.
  // "AML in patients 1 month to 21 years of age" is the age of the diagnosis the trial takes: a limit of its own.
  const ageForWhom = AGE_FOR_WHOM.test(text) && concepts.some((c) => c.type !== 'cancer-type' && c.type !== 'disease-state');
  // "Life expectancy: At least 6 months and no greater than 2.5 years": how long the person is expected to live.
  const lifeExpectancy = /\b(?:life expectancy|survival)\b/i.test(heading);
  const read = PHYSIOLOGIC_AGE.test(text) || ageForWhom || lifeExpectancy ? null : readAge(text, ageHeading);
  // "Greater than 18 years of age, or younger with parental consent": the youngest age is not a limit after all.
  const age = read !== null && read.min !== undefined && YOUNGER_ALLOWED.test(text) ? (read.max === undefined ? null : { max: read.max }) : read;
  // "21 and under at diagnosis": the limit is on the age the disease was found, which the profile gives only
  // for a person newly diagnosed.
  const atDiagnosis = AT_DIAGNOSIS.test(text) ? { atDiagnosis: true as const } : {};
  // "Age < 18 years, or age > 80 years": two limits outside which the item holds, either one enough.
  // "Greater than 55" there: someone who is 55 in whole years may be 55 and a half, so only 56 is surely over it.
  if (age !== null && age.min !== undefined && age.max !== undefined && age.min > age.max && context.section !== 'exclusion' && RULED_OUT_AFTER.test(text)) {
    // "Age less than 10 or greater than 75 years are not eligible": the ages between the two limits are the ones kept.
    const strictlyOver = new RegExp(String.raw`(?:>|greater than|more than|older than|over)\s*(?:the age of\s*)?${age.min}\b`, 'i').test(text.replace(/[＞˃›]/g, '>'));
    concepts.unshift({ type: 'age', value: 'age', polarity: 'present', threshold: { min: age.max + 1, max: strictlyOver ? age.min : age.min - 1 }, ...atDiagnosis, evidence: text });
  } else if (age !== null && age.min !== undefined && age.max !== undefined && age.min > age.max) {
    const strictlyOver = new RegExp(String.raw`(?:>|greater than|more than|older than|over)\s*(?:the age of\s*)?${age.min}\b`, 'i').test(text.replace(/[＞˃›]/g, '>'));
    concepts.unshift(
      { type: 'age', value: 'age', polarity: 'present', threshold: { max: age.max }, ...atDiagnosis, evidence: text },
      { type: 'age', value: 'age', polarity: 'present', threshold: { min: strictlyOver ? age.min + 1 : age.min }, orPrevious: true, ...atDiagnosis, evidence: text },
    );
  } else if (age !== null && NEGATED_AGE.test(text) && (age.min === undefined) !== (age.max === undefined)) {
    // "No one age less than 18 years", "No patients over 65": the ages left out, so the bound the other way.
    const strictlyOver = new RegExp(String.raw`(?:>|greater than|more than|older than|over)\s*(?:the age of\s*)?${age.min ?? ''}\b`, 'i').test(text.replace(/[＞˃›]/g, '>'));
    const kept = age.max !== undefined ? { min: age.max + 1 } : { max: strictlyOver ? (age.min ?? 0) : (age.min ?? 0) - 1 };
    concepts.unshift({ type: 'age', value: 'age', polarity: 'present', threshold: kept, ...atDiagnosis, evidence: text });
  } else if (age !== null) concepts.unshift({ type: 'age', value: 'age', polarity: 'present', threshold: age, ...atDiagnosis, evidence: text });
  // "Age: Children", "infants under 12 months of age": an age limit without numbers in years. It is kept so the
  // person is asked about it, and never decides alone (no bounds to check).
  else if (((ageHeading && !/\d/.test(text)) || AGE_IN_MONTHS.test(text) || AGE_GROUP_LEAD.test(text) || (context.section === 'inclusion' && CHILD_LEAD.test(text))) && !ANY_AGE.test(text)) concepts.unshift({ type: 'age', value: 'age', polarity: 'present', evidence: text });
  // "No prior therapy", "No prior treatment except surgery": no treatment at all, read as no chemotherapy.
  const noTherapy = NO_PRIOR_THERAPY.exec(text);
  if (noTherapy !== null && !concepts.some((c) => c.type === 'prior-treatment')) concepts.push({ type: 'prior-treatment', value: 'chemotherapy', polarity: 'absent', evidence: noTherapy[1] ?? '' });
  // "MRD >= 0.1%": the limit says which; it also decides over a level's own words ("MRD level") read before it, but
  // not over MRD named in other words of the item.
  const mrd = MRD_LEVEL.exec(text);
  const isMrd = (c: Concept): boolean => c.type === 'disease-state' && (c.value === 'mrd-positive' || c.value === 'mrd-negative');
  if (mrd !== null && concepts.filter(isMrd).every((c) => mrd[0].includes(c.evidence))) {
    concepts.splice(0, concepts.length, ...concepts.filter((c) => !isMrd(c)));
    concepts.push({ type: 'disease-state', value: /^(?:<|≤|less|below)/i.test(mrd[2] ?? '') ? 'mrd-negative' : 'mrd-positive', polarity: 'present', evidence: mrd[0] });
  }
  return {
    concepts: withoutRestatedRemission(deduplicate(concepts.filter((c) => !misnamed(text, c)))),
    // "Age 5 years and under: Creatinine less than 1.2 mg/dL" holds for that age only.
    conditional: asRequirement.length === 0 && (conditionalBefore(leadWords, hits) || (AGE_LEAD.test(text) && concepts.some((c) => c.type !== 'age'))
      || DISEASE_LEAD.test(text)
      || (GROUP_AT_END.test(text) && concepts.length > 1)
      || (DISEASE_AT_END.test(text) && concepts.some((c) => c.type === 'cancer-type' || c.type === 'infection'))
      || subgroupLead(text, concepts)
      || diseaseLabelled(words, hits)
      // "Should a woman become pregnant ... she should inform her treating physician": "should" put first is an "if".
      || /^\W*should\s+(?:a|an|the|any|she|he|you|patients?|women|men|subjects?|participants?)\b/i.test(text)
      // "Phase II: Histologically proven metastatic prostate cancer": for the people of one part of the trial.
      || PART_LABEL.test(text) || (PART_BRACKET.test(text) && concepts.some((c) => c.type === 'age' || c.type === 'organ-function' || c.type === 'performance-status'))
      // "Patients with more than 1 prior regimen analyzed separately": a group the results are split by.
      || ANALYSED_APART.test(text)
      // "No patients under age 55 who have consented to an unrelated donor search unless ...": an age naming a group.
      || (concepts.some((c) => c.type === 'age') && AGE_WHO.test(text))),
    // Not what another disease turns into ("MDS ... transformation to acute leukemia", "in transformation to acute
    // leukemia"): that names a stage of the other disease, not a group of diagnoses of its own.
    broadDiagnosis: BROAD_DIAGNOSIS.findAll(words).some((span) => !hits.some((h) => h.rule.type === 'cancer-type' && h.start < span.end && span.start < h.end)
      && !(words[span.start - 1] === 'to' && TURNS_INTO.has(words[span.start - 2] ?? ''))
      // Nor where the leukaemia came from ("AML ... or preceded by hematologic disorder").
      && !ORIGIN_WORDS_BEFORE.test(text.slice(0, tokens[span.start]?.start ?? 0))
      // Nor the lead-in of a list of them ("Acute leukemias in the following categories: ANLL in CR1 ...").
      && !((words[span.end] === 'in' || words[span.end] === 'of') && words[span.end + 1] === 'the' && words[span.end + 2] === 'following')),
    // "AML that may have been primary or secondary" describes; "may have had chemotherapy" permits.
    permissive: subgroups.length === 0 && (permits.length > 0 || closingEligible(tokens, text, context.parent != null) || DISCOURAGED_END.test(text)),
  };
}

/** Words that permit ("allowed", "remain eligible"), not negated ("not allowed") nor past ("has been permitted"). */
function permissions(words: readonly string[], hits: readonly Hit[]): PhraseHit[] {
  return PERMISSIVE.findAll(words).filter((hit) => !['not', 'no', 'never'].includes(words[hit.start - 1] ?? '') && words[hit.end] !== 'been'
    && !asideOnALimit(words, hits, hit.start) && !forTheTrial(words, hit.end) && !describesAThing(words, hit));
}

/** "An acceptable method of birth control", "acceptable liver function": the word describing a thing, not permitting it. */
function describesAThing(words: readonly string[], hit: PhraseHit): boolean {
  return hit.end - hit.start === 1 && words[hit.start] === 'acceptable' && /^[a-z]{3,}$/.test(words[hit.end] ?? '')
    && !['is', 'are', 'be', 'considered', 'not'].includes(words[hit.start - 1] ?? '') && !['if', 'provided', 'when', 'for', 'to', 'as', 'but', 'only', 'in'].includes(words[hit.end] ?? '');
}

/** "Patients with IgG or IgA multiple myeloma ... are eligible for this protocol": whom the trial is for, a requirement. */
function forTheTrial(words: readonly string[], end: number): boolean {
  return words[end] === 'for' && words.slice(end + 1, end + 4).some((w) => /^(?:protocol|study|trial)$/.test(w));
}

/**
 * "Patients are eligible if they have documented evidence of progression after ...": everyone's condition of entry,
 * a requirement, not something allowed besides. Only with a subject naming no group ("CNS involvement allowed if
 * ..." and "Patients with HIV are eligible if ..." permit on a condition).
 */
function requirementAsPermission(words: readonly string[], hit: PhraseHit): boolean {
  return ['if', 'provided', 'when'].includes(words[hit.end] ?? '') && GENERIC_SUBJECT.test(words.slice(0, hit.start).join(' '));
}

/**
 * A permission in brackets beside a blood-test limit, allowing no treatment: "Bilirubin <= 2 mg/dL (Gilbert and other
 * syndromes ... should be allowed); transaminases < 2 x ULN" makes an exception to a limit, and the item stays a limit.
 * "(hydroxyurea or leukapheresis allowed to decrease blast count)" still allows the treatment it names.
 */
function asideOnALimit(words: readonly string[], hits: readonly Hit[], at: number): boolean {
  let open = -1;
  for (let i = 0; i < at; i++) {
    if (words[i] === '(') open = i;
    else if (words[i] === ')') open = -1;
  }
  const close = words.indexOf(')', at);
  return open >= 0 && close > at && hits.some((h) => h.rule.type === 'organ-function' && (h.end <= open || h.start > close))
    && !hits.some((h) => h.rule.type === 'prior-treatment' && h.start > open && h.end <= close);
}

/**
 * The clauses about groups within an inclusion item, [start, end) in words from a semicolon: when the clause before
 * the first semicolon names something and neither permits nor sets a condition, and each clause after it permits,
 * sets a condition or rules a group out ("...; patients with antecedent myelodysplasia are eligible only if ...;
 * patients with therapy-related AML are not eligible"), the ones that permit or set a condition. Empty otherwise; a
 * clause that rules a group out is read as it stands.
 */
function subgroupClauses(words: readonly string[], hits: readonly Hit[], permits: readonly PhraseHit[], section: CriterionContext['section']): [number, number][] {
  const from = words.indexOf(';');
  if (section !== 'inclusion' || from < 0 || !hits.some((h) => h.end <= from)) return [];
  const cues = [...permits, ...CONDITIONAL.findAll(words)];
  if (cues.some((c) => c.start < from)) return [];
  const clauses: [number, number][] = [];
  for (let start = from; start >= 0 && start < words.length; ) {
    const next = words.indexOf(';', start + 1);
    const end = next < 0 ? words.length : next;
    if (end - start > 1) clauses.push([start, end]);
    start = next;
  }
  const cued = clauses.filter(([start, end]) => cues.some((c) => c.start > start && c.start < end));
  const rulesOut = (start: number, end: number): boolean => /\bnot eligible\b/i.test(words.slice(start, end).join(' '));
  return clauses.every(([start, end]) => cued.some((c) => c[0] === start) || rulesOut(start, end)) ? cued : [];
}

/** "NHL: Granulocyte count greater than 1,500/mm^3": a disease named as a label before the colon, for whom the rest holds. */
function diseaseLabelled(words: readonly string[], hits: readonly Hit[]): boolean {
  const colon = words.indexOf(':');
  return colon > 0 && colon < words.length - 1 && hits.some((h) => h.rule.type === 'cancer-type' && h.start === 0 && h.end === colon);
}

/**
 * A disease state named in words that ask nothing of the person now: "de novo or secondary AML" (two kinds of AML,
 * both taken); cells taken "while in remission" (a remission then); "beyond first complete remission" (a later one
 * only); "first or greater remission" (any remission, read as such); a first line of treatment already had or a
 * "frontline protocol" (a protocol's name); a remission that dates a relapse ("first relapse within 1 year of
 * initial complete remission").
 */
function stateAsksNothing(hit: Hit, words: readonly string[], text: string, tokens: readonly Token[]): boolean {
  const value = hit.rule.value;
  const rest = text.slice(tokens[hit.end - 1]?.end ?? 0);
  // "There will be no limit on the number of prior regimens": any number will do.
  if (value === 'prior-lines' && /\bno\s+(?:upper\s+)?(?:limit|limits|restriction|restrictions|maximum)\s+(?:on|to|of|for)\s+(?:the\s+)?(?:number\s+of\s+)?$/i.test(text.slice(0, tokens[hit.start]?.start ?? 0))) return true;
  // "Transplantation is delayed until there is evidence of disease progression": when the trial acts, not a state.
  if (/\buntil\s+(?:there\s+is\s+)?(?:(?:clinical\s+|further\s+)?(?:evidence|signs?)\s+of\s+)?$/i.test(text.slice(0, tokens[hit.start]?.start ?? 0))) return true;
  if (value === 'newly-diagnosed') {
    if (words[hit.start] === 'de' && /^\s*(?:[\w-]+\s+){0,2}or\s+(?:secondary|therapy[- ]related|treatment[- ]related)\b/i.test(rest)) return true;
    return FIRST_LINE.test(words.slice(hit.start, hit.end).join(' '))
      && (before(words, PAST_LINE_BEFORE, hit.start, 4) || PAST_LINE_AFTER.test(rest) || /^[\s-]*(?:therapeutic\s+)?(?:protocols?|study|studies|trials?)\b/i.test(rest));
  }
  if (REMISSIONS.has(value) && words[hit.start - 1] === 'in' && words[hit.start - 2] === 'while' && CELLS_TAKEN.test(text)) return true;
  if (value === 'first-remission' && words[hit.start - 1] === 'beyond') return true;
  if (value === 'second-or-later-remission') {
    return words[hit.start - 1] === 'or' && (words[hit.start - 2] === 'first' || words[hit.start - 2] === '1st') && ['greater', 'subsequent', 'later', 'higher'].includes(words[hit.start] ?? '');
  }
  return REMISSIONS.has(value) && before(words, TIME_OF, hit.start, 4) && words.slice(0, hit.start).some((w) => RELAPSE_WORDS.has(w));
}

/** "... for at least 2 months after completion of last dose of UCN-01": a time after the trial's own treatment. */
const AFTER_STUDY_DOSE = /\b(?:for|during)\s+(?:at least\s+)?(?:\w+\s+){0,3}after\s+(?:the\s+)?(?:completion of\s+)?(?:the\s+)?last dose\b/i;

/** True when a treatment named at `at` is one the trial forbids after its own last dose (AFTER_STUDY_DOSE). */
function afterStudyDose(text: string, at: number): boolean {
  const match = AFTER_STUDY_DOSE.exec(text);
  return match !== null && at < match.index;
}

/**
 * "Hepatitis B or C", "hepatitis A, B or C": one word "hepatitis" before several letters names each of them. The
 * patterns read "hepatitis B" only; the letters after it are found here.
 */
function hepatitisLetterHits(words: readonly string[], hits: readonly Hit[]): Hit[] {
  const out: Hit[] = [];
  words.forEach((word, at) => {
    if (word !== 'hepatitis' && word !== 'hep') return;
    for (let k = at + 1; k < Math.min(words.length, at + 8); k += 1) {
      const letter = words[k] ?? '';
      if (!/^(?:[abcde]|or|and|,|\/)$/.test(letter)) break;
      const value = letter === 'b' ? 'hepatitis-b' : letter === 'c' ? 'hepatitis-c' : null;
      if (value !== null && !hits.some((h) => h.rule.value === value && h.start <= k && k < h.end)) {
        out.push({ rule: { type: 'infection', value, polarity: 'present', inferScale: false }, start: k, end: k + 1 });
      }
    }
  });
  return out;
}

/**
 * Word endings that international non-proprietary names give drugs of a class (the USAN/INN stems): "fluvoxamine",
 * "ramipril", "pembrolizumab", "doxycycline". A drug the vocabulary does not hold is still a drug. Cytotoxic stems
 * name chemotherapy; the others another drug.
 */
const CYTOTOXIC_STEM = /(?:platin|taxel|rubicin|citabine|tecan|mustine|poside|fosfamide|blastine|cristine|sulfan|rabine|trexate)$/;
const DRUG_STEM = /(?:mab|nib|parib|lisib|ciclib|statin|pril|sartan|olol|dipine|parin|xaban|gatran|semide|thiazide|oxetine|oxamine|triptyline|pramine|azepam|zolam|profen|coxib|prazole|cillin|mycin|cycline|floxacin|conazole|ovir|avir|glitazone|gliptin|gliflozin|glutide|formin|lukast|asone|isone|olone|relin|dronate|setron|pitant|limus|sporine|siran|rsen|grastim|dopa)$/;
/** Words with those endings that are no drugs. */
const NOT_DRUGS: ReadonlySet<string> = new Set(['cholesterol', 'ascomycin', 'macrolimus']);

function drugStemHits(words: readonly string[], hits: readonly Hit[]): Hit[] {
  const out: Hit[] = [];
  words.forEach((word, at) => {
    if (word.length < 7 || NOT_DRUGS.has(word) || hits.some((h) => h.rule.type === 'prior-treatment' && h.start <= at && at < h.end)) return;
    const value = CYTOTOXIC_STEM.test(word) ? 'chemotherapy' : DRUG_STEM.test(word) ? 'other-drug' : null;
    if (value !== null) out.push({ rule: { type: 'prior-treatment', value, polarity: 'present', inferScale: false, namedDrug: true }, start: at, end: at + 1 });
  });
  return out;
}

/** Words before "infection" that make it a past or possible one, not an infection now. */
const NOT_NOW_BEFORE: ReadonlySet<string> = new Set(['history', 'risk', 'prevention', 'prophylaxis', 'prior', 'previous', 'past', 'recurrent', 'repeated', 'vaccination', 'against']);
/** Words after "infection" that make it something else: "infection prophylaxis", "infection control". */
const NOT_NOW_AFTER: ReadonlySet<string> = new Set(['prophylaxis', 'control', 'risk', 'prevention', 'rate', 'rates']);

/**
 * "Malnutrition or an organ system infection", "(i.e. tumor, infection)" in an exclusion list: an infection, read
 * as one going on now, as the labels read it. Not after words that make it past or possible ("history of recurrent
 * infections", "risk of infection").
 */
function bareInfectionHits(words: readonly string[], hits: readonly Hit[]): Hit[] {
  const out: Hit[] = [];
  words.forEach((word, at) => {
    if (word !== 'infection' && word !== 'infections') return;
    // "HIV infection", "infection with hepatitis B": the word belongs to the infection named beside it.
    if (hits.some((h) => h.rule.type === 'infection' && h.start - 4 <= at && at < h.end + 4)) return;
    if (words.slice(Math.max(0, at - 4), at).some((w) => NOT_NOW_BEFORE.has(w)) || NOT_NOW_AFTER.has(words[at + 1] ?? '')) return;
    out.push({ rule: { type: 'infection', value: 'active-infection', polarity: 'present', inferScale: false }, start: at, end: at + 1 });
  });
  return out;
}

/** The two words before a relapse that foresee it rather than report it. */
/** Words between a foreseen relapse and the next thing foreseen with it: "risk of relapse or progressive disease". */
const FORESEEN_JOINED: ReadonlySet<string> = new Set(['relapse', 'recurrence', 'progression', 'or', ',']);
const FORESEEN_BEFORE: ReadonlySet<string> = new Set(['risk of', 'risk for', 'likelihood of', 'chance of', 'probability of', 'prevention of', 'prevent the', 'to prevent', 'likely to']);

/** Words before a treatment that limit it to some of those who had it: "no prior extensive radiotherapy". */
/** Words of a trial's own dose escalation: "until 6 patients have been safely treated at that dose level". */
const DOSE_ESCALATION = /\buntil\s+\d+\s+patients\b|\bat (?:that|each|the (?:next|previous|same)) dose level\b/i;
/** "No prior high-dose chemotherapy", "myeloablative chemotherapy": one kind of the treatment, which the profile does not tell apart. */
/** Total body irradiation, radioimmunotherapy: kinds of radiotherapy, which the profile does not tell apart. */
const KIND_OF_RADIOTHERAPY = /\b(?:total[- ]body|tbi|radioimmunotherapy)\b/i;
const HIGH_DOSE = /(?:^|\s)(?:high dose|myeloablative)$/;
const LIMITING_BEFORE: ReadonlySet<string> = new Set(['extensive', 'substantial', 'significant', 'large', 'wide', 'extended',
  // A site ("no prior pelvic irradiation"): someone who had radiotherapy elsewhere is not ruled out.
  'pelvic', 'pelvis', 'abdominal', 'mediastinal', 'thoracic', 'chest', 'cranial', 'craniospinal', 'spinal', 'mantle', 'breast', 'lung',
  // A way of doing it ("T cell depleted bone marrow transplant"): the profile says a transplant was had, not how.
  'depleted']);

/** Words that join one treatment to the next in a plan: "plus", "followed by", "and", "or", commas, "with". */
const JOINED_TREATMENTS = /^(?:(?:,|and|or|plus|followed|by|then|with|and\/or|\/|high|dose|conventional|standard|a|an|the|protocol|regimen)\s*){0,5}$/;

/** Illnesses that are not cancers, after "newly diagnosed". */
const NOT_CANCER_ILLNESS = /^(?:angina|diabetes|hypertension|heart|cardiac|coronary|myocardial|arrhythmias?|epilepsy|seizures?|thrombosis|embolism|stroke|hiv|hepatitis|tuberculosis|infections?|asthma|copd|depression|psychosis)$/;
/**
 * "No isolated extramedullary relapse", "CNS relapse", "untreated first relapse": a relapse of a kind the profile
 * does not record. Having relapsed does not settle it.
 */
const NARROWED_RELAPSE = /\b(?:isolated|extramedullary|extra-medullary|cns|testicular|ocular|meningeal|skin|cutaneous|marrow|medullary)\s+(?:\w+\s+){0,2}$|\buntreated\s+(?:(?:first|second|1st|2nd)\s+)?$|\b(?:two|three|2|3)\s+or\s+more\s+$|\b(?:second|2nd|third|3rd)\s+or\s+(?:later|greater|subsequent|higher|more)\s+$|\bmultiple\s+$/i;

/** Organ grafts ("No prior organ allograft") are not the stem-cell transplants the vocabulary means. */
const ORGAN_GRAFT = /\b(?:organ|solid[- ]organ|kidney|renal|liver|hepatic|heart|cardiac|lung|corneal?)\s+(?:allo-?)?(?:grafts?|allografts?|transplant\w*)\b/gi;
/** "Malignant hyperthermia" is a reaction to anaesthetics, not a cancer. */
const NOT_A_CANCER = /\bmalignant\s+(?:hyperthermia|hypertension|neuroleptic syndrome|otitis)\b|\bcriteria\s+(?:in|for)\s+solid\s+tumou?rs?\b/gi;
/** "Radiation isolation", "radiation safety": precautions around radiation, not radiotherapy had. */
const NOT_RADIOTHERAPY = /\bradiation\s+(?:isolation|safety|protection|exposure|precautions?)\b/i;

/** A concept whose words belong to a phrase that means something else (ORGAN_GRAFT, NOT_A_CANCER). */
function misnamed(text: string, concept: Concept): boolean {
  if (concept.type === 'prior-treatment' && concept.value === 'radiotherapy' && NOT_RADIOTHERAPY.test(text) && /^radiation$/i.test(concept.evidence.trim())) return true;
  // "Spot urine protein to creatinine ratio": a ratio of two urine tests, not the blood creatinine.
  if (concept.type === 'organ-function' && concept.value === 'creatinine' && /\bcreatinine\s+ratio\b|\bto\s+creatinine\b/i.test(text)) return true;
  // "Bone marrow or organ transplant": the stem-cell transplant is named too.
  if (concept.type === 'prior-treatment' && /\b(?:marrow|stem|haematopoietic|hematopoietic|hsct|bmt|sct)\b/i.test(concept.evidence)) return false;
  const phrases = concept.type === 'prior-treatment' ? ORGAN_GRAFT : concept.type === 'other-cancer' || concept.type === 'cancer-type' ? NOT_A_CANCER : null;
  if (phrases === null) return false;
  return [...text.matchAll(phrases)].some((m) => {
    const at = text.indexOf(concept.evidence);
    return at >= 0 && at < m.index + m[0].length && m.index < at + concept.evidence.length;
  });
}

/**
 * "Combined CNS and ocular relapse eligible", then in run-on text "Down Syndrome patients not eligible": a bare
 * "eligible" that closes what it says (at the end, or before a capitalised word that starts the next item) permits.
 */
function closingEligible(tokens: readonly Token[], text: string, nested: boolean): boolean {
  // In a list joined into its lead-in ("... in one of the following categories: In first relapse / ... / Newly
  // diagnosed secondary AML eligible"), a line that closes on "eligible" is one more alternative, not a permission.
  const firstLine = text.includes('\n') ? text.indexOf('\n') : text.length;
  return tokens.some((t, k) => {
    // "Non-Hodgkin's lymphoma with T-cell immunophenotypes included", under the disease it widens, closes on
    // "included" the same way (in a run-on list, "L-3 and B-cell leukemia included" is one more alternative).
    if ((t.word !== 'eligible' && !(nested && t.word === 'included')) || t.start > firstLine || ['not', 'no', 'never', 'in'].includes(tokens[k - 1]?.word ?? '')) return false;
    // "Histologically confirmed advanced Hodgkin's disease ... Stage IA or IIA disease with bulky disease ... are also
    // eligible": a requirement run on into what is allowed besides, which stays a requirement.
    if (tokens[k - 1]?.word === 'also' && CONFIRMED_LEAD.test(text)) return false;
    const next = tokens[k + 1];
    return next === undefined || /^[.;,)]$/.test(next.word) || /^[A-Z]/.test(text.slice(next.start, next.end));
  });
}

/** An item that closes by advising, not ruling out: "More than 12 cycles of prior alkylating agent therapy discouraged". */
const DISCOURAGED_END = /\bdiscouraged\s*\.?$/i;
/** An item that opens by asking for a confirmed diagnosis. */
const CONFIRMED_LEAD = /^\W*(?:histologically|cytologically|pathologically|biopsy[- ]proven|confirmed|documented)\b/i;

/** An age followed by "who", "that", "whose": it names a group the rest is about. */
const AGE_WHO = /\b(?:under|over|below|above|younger than|older than|aged?|age)\s+(?:age\s+)?\d{1,3}\s*(?:(?:years?|yrs?)\s*(?:old|of age)?\s*)?(?:who|that|whose)\b/i;

/** True when the item opens by naming, by a disease or treatment concept, the patients it is for (SUBGROUP_LEAD). */
function subgroupLead(text: string, concepts: readonly Concept[]): boolean {
  const lead = SUBGROUP_LEAD.exec(text);
  if (lead === null) return false;
  const words = lead[1] ?? '';
  const end = lead.index + lead[0].indexOf(words) + words.length;
  return concepts.some((c) => SUBGROUP_TYPES.has(c.type) && c.polarity === 'present' && c.evidence !== text && text.indexOf(c.evidence) >= 0 && text.indexOf(c.evidence) < end);
}

/**
 * "Not responded (no CR) to induction", "at least 1 prior treatment with no remission": a remission that did not
 * come is how refractory disease is defined, not a second requirement.
 */
function withoutRestatedRemission(concepts: readonly Concept[]): Concept[] {
  const refractory = concepts.some((c) => c.type === 'disease-state' && c.value === 'refractory' && c.polarity === 'present');
  const named = (value: string): boolean => concepts.some((c) => c.type === 'cancer-type' && c.value === value && c.polarity === 'present');
  // "Philadelphia chromosome (Ph)-positive or -negative CML": either will do, so neither is asked for.
  const eitherPh = named('ph-positive') && named('ph-negative');
  return concepts.filter((c) => !(refractory && c.type === 'disease-state' && c.value === 'remission' && c.polarity === 'absent')
    && !(eitherPh && c.type === 'cancer-type' && (c.value === 'ph-positive' || c.value === 'ph-negative')));
}

/** One concept per type and value: the first mention sets the polarity, the first with a threshold the numbers. */
function deduplicate(concepts: readonly Concept[]): Concept[] {
  const out: Concept[] = [];
  for (const concept of concepts) {
    // Two ages joined by "or" ("under 18, or over 80") are both kept.
    const bothAges = (c: Concept): boolean => c.type === 'age' && concept.orPrevious === true && c.threshold !== undefined && concept.threshold !== undefined;
    const same = out.findIndex((c) => c.type === concept.type && c.value === concept.value && c.planned === concept.planned && !bothAges(c));
    const kept = out[same];
    if (kept === undefined) out.push(concept);
    else if (kept.threshold === undefined && concept.threshold !== undefined && kept.polarity === concept.polarity) out[same] = concept;
    // "... non-Hodgkin's lymphoma ... Waldenstrom's macroglobulinemia": the other words stay known, so that an
    // alternative naming the concept again is read.
    else if (concept.evidence !== kept.evidence && !(kept.repeats ?? []).includes(concept.evidence)) out[same] = { ...kept, repeats: [...(kept.repeats ?? []), concept.evidence] };
  }
  return out;
}
