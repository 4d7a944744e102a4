// Fixed origins, in a module of their own so pages can use them without loading the schema.
export const DEFAULT_API_ORIGIN = 'https://api.maiagent.ai';
export const DOCS_ORIGIN = 'https://docs.maiagent.ai';

/** How long a deleted profile (with its key) can be brought back by Undo; kept in storage.session only. */
export const UNDO_MS = 30_000;
