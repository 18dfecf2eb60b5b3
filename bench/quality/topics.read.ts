/**
 * Reads benchmark topics (patient descriptions): TREC topic XML, as the official TREC Clinical Trials files are
 * written, or JSON lines `{"_id", "text"}` as TrialGPT and BEIR package them. The format is told from the content.
 *
 * - TREC CT 2021/2022: `<topic number="1">free text</topic>`.
 * - TREC CT 2023: `<topic number="1" template="glaucoma">` with `<field name="...">value</field>` children; the
 *   template and the non-empty fields become one text, "glaucoma. definitive diagnosis: POAG. age: 39. ...", so that
 *   every system reads the same words the assessors' patient had.
 */
import { readFile } from 'node:fs/promises';

export interface Topic {
  readonly id: string;
  readonly text: string;
  /** TREC CT 2023 questionnaire topics: the template (the condition the questionnaire is for). */
  readonly template?: string;
  /** TREC CT 2023 questionnaire topics: the fields with a value, in order. */
  readonly fields?: readonly TopicField[];
}

export interface TopicField {
  readonly name: string;
  readonly value: string;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function attribute(attributes: string, name: string): string | null {
  const match = new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(attributes);
  return match?.[1] === undefined ? null : decodeXml(match[1]);
}

const tidy = (text: string): string => decodeXml(text).replace(/\s+/g, ' ').trim();

/** One topic from its number, attributes and body: free text, or the template and its fields joined (and kept). */
function topicOf(id: string, attributes: string, body: string): Topic {
  const raw = [...body.matchAll(/<field\b([^>]*?)(?:\/>|>([\s\S]*?)<\/field>)/g)];
  if (raw.length === 0) return { id, text: tidy(body) };
  const fields = raw
    .map((field) => ({ name: attribute(field[1] ?? '', 'name') ?? '', value: tidy(field[2] ?? '') }))
    .filter((field) => field.value !== '');
  const template = attribute(attributes, 'template');
  const text = [...(template === null ? [] : [template]), ...fields.map((field) => `${field.name}: ${field.value}`)].join('. ');
  return { id, text, ...(template === null ? {} : { template }), fields };
}

/** Topics from TREC topic XML. */
export function parseTopicXml(xml: string): Topic[] {
  return [...xml.matchAll(/<topic\b([^>]*)>([\s\S]*?)<\/topic>/g)].map((match) => {
    const attributes = match[1] ?? '';
    const id = attribute(attributes, 'number');
    if (id === null) throw new Error(`A <topic> without a number attribute: ${match[0].slice(0, 80)}`);
    return topicOf(id, attributes, match[2] ?? '');
  });
}

/** Topics from JSON lines with `_id` (or `id`) and `text`; blank lines are skipped. */
export function parseTopicJsonLines(text: string): Topic[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const value = JSON.parse(line) as { _id?: unknown; id?: unknown; text?: unknown };
      const id = value._id ?? value.id;
      if (typeof id !== 'string' || typeof value.text !== 'string') {
        throw new Error(`Topic line ${index + 1} needs a string "_id" and "text".`);
      }
      return { id, text: value.text };
    });
}

/** Topics from text in either format: XML when it starts with `<`, JSON lines otherwise. */
export function parseTopics(text: string): Topic[] {
  return text.trimStart().startsWith('<') ? parseTopicXml(text) : parseTopicJsonLines(text);
}

/** Reads a topics file of either format. */
export async function readTopics(path: string): Promise<Topic[]> {
  return parseTopics(await readFile(path, 'utf8'));
}
