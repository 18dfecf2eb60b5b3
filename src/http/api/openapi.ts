import type { FastifyDynamicSwaggerOptions, SwaggerTransformObject } from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/**
 * Adds the named schemas (Trial, TrialSummary, Facets, Error) as components, then drops those no route refers to:
 * the zod provider emits an "…Input" twin of every named schema, and our named schemas are responses only.
 */
const namedSchemasInUse: SwaggerTransformObject = (document) => {
  const openapi = jsonSchemaTransformObject(document);
  // Read as plain JSON: the OpenAPI 3.0/3.1/3.2 document types do not spread into one another.
  const { paths, components } = openapi as { paths?: unknown; components?: { schemas?: Record<string, unknown> } };
  const schemas = components?.schemas ?? {};
  // References come from the paths, or from one named schema to another.
  const text = JSON.stringify(paths) + JSON.stringify(schemas);
  const used = Object.entries(schemas).filter(([name]) => text.includes(`"#/components/schemas/${name}"`));
  return { ...openapi, components: { ...components, schemas: Object.fromEntries(used) } } as typeof openapi;
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
        { name: 'operations', description: 'For load balancers and monitoring' },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: namedSchemasInUse,
  };
}
