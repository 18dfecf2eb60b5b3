/**
 * What a request log line may say about a request: its method and the route pattern it matched
 * ("/api/trials/:id"), never the URL. Search parameters (age, sex, conditions) are health data and must not
 * be logged (PRODUCT.md), so Fastify's default serializer, which logs `req.url` with its query string, is replaced.
 */

/** The parts of a Fastify request the serializer reads; kept loose because pino passes whatever was logged. */
interface LoggableRequest {
  readonly method?: string;
  readonly routeOptions?: { readonly url?: string };
}

/** A type alias, not an interface: pino's serializer type wants an index signature, which only aliases get implicitly. */
export type RequestLogFields = {
  readonly method: string | undefined;
  /** The matched route pattern; null for requests that matched no route. */
  readonly route: string | null;
};

/** pino `req` serializer: method and route pattern only. */
export function serializeRequest(request: LoggableRequest): RequestLogFields {
  let route: string | null = null;
  try {
    route = request.routeOptions?.url ?? null;
  } catch {
    // Requests rejected before routing have no route context; the getter may throw.
  }
  return { method: request.method, route };
}
