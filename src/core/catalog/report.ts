// What the catalogue says about one captured request, for the panel's endpoint section.
import { checkBody, type BodyWarning } from './body';
import { closestEndpoints, matchEndpoint, requiredFields, splitApiPath, type Endpoint, type EndpointMatch } from './lookup';
import type { CatalogData } from './types';

export interface RequestFacts {
  method: string;
  url: string;
  /** 0 when no response came. */
  status: number;
  requestBody?: string | undefined;
}

export interface EndpointReport {
  /** The prefix the request used (`/api/` or `/api/v1/`), for showing suggestions the same way. */
  prefix: '/api/' | '/api/v1/';
  /** The endpoint the request went to, null when the path is not in the catalogue. */
  match: EndpointMatch | null;
  /**
   * On a 404: `unknownPath` when no endpoint has this path (then `closest` lists real ones),
   * `unknownId` when the path is a real endpoint's, so what was not found is the id in it.
   */
  notFound: 'unknownPath' | 'unknownId' | null;
  closest: Endpoint[];
  /** The methods the reference lists, when the server refused the method (405) or the catalogue does not list it. */
  allowed: string[] | null;
  /** On a 400: the endpoint's required body fields, to read beside the server's words. */
  required: string[];
  bodyWarnings: BodyWarning[];
}

/** null for requests outside /api/ (uploads to S3, media, pages): the catalogue has nothing to say. */
export function endpointReport(cat: CatalogData, req: RequestFacts): EndpointReport | null {
  const split = splitApiPath(req.url);
  if (!split || split.segments.length === 0) return null;
  const match = matchEndpoint(cat, req.method, req.url);
  const ok = req.status >= 200 && req.status < 300;
  let notFound: EndpointReport['notFound'] = null;
  let closest: Endpoint[] = [];
  if (req.status === 404) {
    if (!match) {
      notFound = 'unknownPath';
      closest = closestEndpoints(cat, req.url);
    } else if (Object.keys(match.params).length > 0 && new URL(req.url, 'https://x').pathname.endsWith('/')) {
      // Without the trailing slash the 404 may be about the slash; the diagnosis says so.
      notFound = 'unknownId';
    }
  }
  const allowed = match && (req.status === 405 || !match.methodKnown) ? match.methods : null;
  const required = match && req.status === 400 ? requiredFields(cat, match.template, match.method) : [];
  let bodyWarnings: BodyWarning[] = [];
  if (match?.body) {
    bodyWarnings = checkBody(cat, match.body, req.requestBody, { partial: match.method === 'PATCH' });
    // A 2xx proves the server had what it needed: an older schema's "required" must not contradict it.
    if (ok) bodyWarnings = bodyWarnings.filter((w) => w.kind !== 'missingField');
  }
  return { prefix: split.prefix, match, notFound, closest, allowed, required, bodyWarnings };
}
