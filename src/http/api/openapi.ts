import type { FastifyDynamicSwaggerOptions, SwaggerTransformObject } from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

const REF = /"#\/components\/schemas\/([^"]+)"/g;

/** The names of the schemas `value` refers to. */
function refsIn(value: unknown): string[] {
  // JSON.stringify(undefined) is undefined: a reference to a schema that is not there.
  return [...(JSON.stringify(value) ?? '').matchAll(REF)].flatMap((match) => (match[1] === undefined ? [] : [match[1]]));
}

/**
 * Adds the named schemas (Trial, TrialSummary, Facets, Topic, Vocabulary, Error ...) as components, then drops those
 * no route reaches: the zod provider emits an "…Input" twin of every named schema, and ours are responses only.
 */
const namedSchemasInUse: SwaggerTransformObject = (document) => {
  const openapi = jsonSchemaTransformObject(document);
  // Read as plain JSON: the OpenAPI 3.0/3.1/3.2 document types do not spread into one another.
  const { paths, components } = openapi as { paths?: unknown; components?: { schemas?: Record<string, unknown> } };
  const schemas = components?.schemas ?? {};
  // Schemas reachable from the paths, through any chain of references (an unused "…Input" twin may refer to another).
  const used = new Set<string>();
  const pending = refsIn(paths);
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (used.has(name)) continue;
    used.add(name);
    pending.push(...refsIn(schemas[name]));
  }
  const kept = Object.entries(schemas).filter(([name]) => used.has(name));
  return { ...openapi, components: { ...components, schemas: Object.fromEntries(kept) } } as typeof openapi;
};

/** @fastify/swagger options: an OpenAPI 3.1 document built from every route's zod schemas. */
export function openApiOptions(version: string): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Trialfinder API',
        description:
          'Search clinical trials and read them in full. Errors are `{ "error": { "code", "message", "field"? } }`.',
        version,
      },
      tags: [
        { name: 'trials', description: 'Search and read trials' },
        { name: 'topics', description: 'Fixed searches a page can link to, such as ALL trials using targeted drugs' },
        { name: 'vocabularies', description: 'The values of the cancerType, treatment and ageGroup filters, with labels' },
        { name: 'operations', description: 'For load balancers and monitoring' },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: namedSchemasInUse,
  };
}
