// The server's own words for the panel's one-line summary, whatever shape the body had.
import { isNonField } from './field-errors';
import type { DecodedBody, FieldError } from './types';

export function serverMessage(body: DecodedBody): string | null {
  switch (body.kind) {
    case 'detail':
      return body.detail;
    case 'fields':
      return fieldsSummary(body.fields);
    case 'envelope':
      return body.message;
    case 'message':
      return body.message;
    case 'html':
      return body.title ?? (body.text || null);
    case 'text':
      return (
        body.text
          .split('\n')
          .map((l) => l.trim())
          .find(Boolean)
          ?.slice(0, 200) ?? null
      );
    case 'sse':
      return body.error;
    case 'xmlError':
      return body.message ? `${body.code}: ${body.message}` : body.code;
    default:
      return null;
  }
}

/** Field names; errors that belong to no field are shown by their words, which say more. */
function fieldsSummary(fields: FieldError[]): string {
  return fields.map((f) => (isNonField(f.path) ? f.messages.join(' ') : f.path)).join(', ');
}
