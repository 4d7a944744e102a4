// Fixed origins, in a module of their own so pages can use them without loading the schema.
export const DEFAULT_API_ORIGIN = 'https://api.maiagent.ai';
export const DOCS_ORIGIN = 'https://docs.maiagent.ai';
