import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { EntityDecoderOptions } from 'fast-xml-parser';
import { ownValue } from '../domain/own-key.ts';

/**
 * Reading one public.xsd `<clinical_study>` document into plain values, safely: well-formedness is checked
 * first, a DOCTYPE is refused (CT.gov documents never carry one, and it is where entity-expansion attacks
 * such as "billion laughs" and external entities live), and only XML's own entities are decoded.
 */

/** A parsed element: text, an object of child elements, or an array of either for repeated elements. */
export type XmlValue = unknown;

export type StudyDocument =
  | { readonly ok: true; readonly study: XmlValue }
  | { readonly ok: false; readonly field: string; readonly reason: string };

const BUILT_IN_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Decodes the five predefined XML entities and character references (CT.gov ends every textblock line with
 * `&#xD;`), in one pass so `&amp;lt;` stays `&lt;`. Entities a DOCTYPE declares are ignored, never expanded.
 */
const builtInEntities: EntityDecoderOptions = {
  setExternalEntities: () => undefined,
  addInputEntities: () => undefined,
  reset: () => undefined,
  setXmlVersion: () => undefined,
  decode: (text) =>
    text.includes('&')
      ? text.replace(/&(?:#(\d{1,7})|#x([0-9A-Fa-f]{1,6})|(lt|gt|amp|quot|apos));/g, (whole, dec, hex, name) =>
          decodeReference(whole, dec as string | undefined, hex as string | undefined, name as string | undefined),
        )
      : text,
};

function decodeReference(whole: string, dec?: string, hex?: string, name?: string): string {
  if (name !== undefined) return ownValue(BUILT_IN_ENTITIES, name) ?? whole;
  const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
  // XML 1.0 Char production: no NUL or other C0 controls but tab, LF, CR; no surrogates; no U+FFFE/U+FFFF.
  const allowed =
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff);
  return allowed ? String.fromCodePoint(code) : whole;
}

/** Elements public.xsd lets repeat (maxOccurs="unbounded"), read as arrays even when a record has one. */
const REPEATABLE = new Set([
  'secondary_id',
  'nct_alias',
  'collaborator',
  'condition',
  'keyword',
  'arm_group',
  'intervention',
  'other_name',
  'arm_group_label',
  'overall_official',
  'overall_contact',
  'location',
  'investigator',
]);

const parser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Keep every value as text: "00123" is an id, not a number.
  parseTagValue: false,
  // Keep textblock indentation: normaliseTextblock needs the first line's indent too.
  trimValues: false,
  processEntities: true,
  entityDecoder: builtInEntities,
  // Results (clinical_results) can be megabytes; we only need to know they exist, so they are not parsed.
  stopNodes: ['clinical_study.clinical_results'],
  isArray: (tagName) => REPEATABLE.has(tagName),
  // Callbacks get no path string: building one for every element costs a fifth of the parse time.
  jPath: false,
});

/** Reads one document; never throws. The study is the `<clinical_study>` element's content. */
export function readStudyDocument(xml: string): StudyDocument {
  const text = xml.startsWith('\uFEFF') ? xml.slice(1) : xml;
  if (text.includes('<!DOCTYPE')) {
    return { ok: false, field: '(document)', reason: 'a DOCTYPE is not allowed (public.xsd documents have none)' };
  }
  // The parser alone accepts truncated documents ("<clinical_study><nct_id>NCT1" parses), so validate first.
  // fast-xml-parser marks XMLValidator deprecated in favour of a separate package we do not have installed.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    return { ok: false, field: '(document)', reason: `not well-formed XML: ${msg} (line ${line}, column ${col})` };
  }
  let parsed: XmlValue;
  try {
    parsed = parser.parse(text);
  } catch (error) {
    return { ok: false, field: '(document)', reason: `unreadable XML: ${error instanceof Error ? error.message : String(error)}` };
  }
  const roots = isRecord(parsed) ? Object.keys(parsed) : [];
  if (roots.length !== 1 || roots[0] !== 'clinical_study' || !isRecord(parsed)) {
    return { ok: false, field: '(root)', reason: `the root element is <${roots.join('>, <') || 'none'}>, not <clinical_study>` };
  }
  return { ok: true, study: parsed.clinical_study };
}

function isRecord(value: XmlValue): value is Record<string, XmlValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first child element of that name, or undefined. */
export function child(node: XmlValue, name: string): XmlValue {
  const value = isRecord(node) && Object.hasOwn(node, name) ? node[name] : undefined;
  return Array.isArray(value) ? (value as XmlValue[])[0] : value;
}

/** Every child element of that name, in document order. */
export function children(node: XmlValue, name: string): XmlValue[] {
  const value = isRecord(node) && Object.hasOwn(node, name) ? node[name] : undefined;
  if (value === undefined) return [];
  return Array.isArray(value) ? (value as XmlValue[]) : [value];
}

/** An element's text as written (untrimmed), or null when it is absent or holds elements rather than text. */
export function rawText(node: XmlValue): string | null {
  if (typeof node === 'string') return node;
  if (isRecord(node) && typeof node['#text'] === 'string' && Object.keys(node).length === 1) return node['#text'];
  return null;
}

/** The trimmed text at a path of child elements, or null when absent or blank. */
export function textAt(node: XmlValue, ...path: readonly string[]): string | null {
  let current = node;
  for (const name of path) current = child(current, name);
  const value = rawText(current)?.trim() ?? '';
  return value === '' ? null : value;
}

/** The trimmed, non-blank texts of every child element of that name. */
export function textsOf(node: XmlValue, name: string): string[] {
  return children(node, name)
    .map((item) => rawText(item)?.trim() ?? '')
    .filter((value) => value !== '');
}
