// The compact shape of the endpoint catalogue, as scripts/catalog.ts writes it into data.ts.
// Kept small on purpose (it ships in the panel bundle): no descriptions, no response schemas.

/**
 * One field of a request body: `name:type` then flags.
 * type: s string, i integer, n number, b boolean, a array, o object, * anything (not checked),
 *       {Name} an object described by schema Name, [Name] a list of such objects.
 * flags: ! required, ? null allowed, r read-only (known, but ignored by the server on input).
 * Example: `"name:s!"`, `"conversation:s?"`, `"message:{ChatbotCompletionMessage}!"`.
 */
export type FieldSpec = string;

/** Per method: [docs page index (-1: no page), request body schema name (JSON bodies only)]. */
export type MethodSpec = [page: number, body?: string];

export interface CatalogData {
  /** Where the data came from, for the record (file names, repository, date). */
  source: string;
  /** Docs page slugs, shared by the three languages (docs.maiagent.ai uses the same slug in each). */
  pages: string[];
  /** Path templates without the /api/ or /api/v1/ prefix, e.g. `chatbots/{id}/`, with their methods. */
  endpoints: Record<string, Record<string, MethodSpec>>;
  /** Request body schemas by name. */
  schemas: Record<string, FieldSpec[]>;
}
