// Exports for sharing a request: cURL, fetch, Python requests, HAR. The key is replaced by
// $MAIAGENT_API_KEY (an environment variable in snippets) unless the caller passes it in explicitly
// (the user chose to include it). URLs are written in their parsed, canonical form, so that the
// host a snippet connects to is the host the panel showed and judged.
export { canonicalOrigin, canonicalUrl, urlNotCanonical } from './canonical-url';
export { toCurl } from './curl';
export { toFetch } from './fetch';
export { toHar } from './har-file';
export { redactAuthorization } from './portable';
export { toPython } from './python';
