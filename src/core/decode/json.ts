// A parsed JSON body read as the shape it has: DRF's `detail`, field errors, the `{success: false}`
// envelope, a paginated list, a bare message, or plain data.
import { fieldErrors } from './field-errors';
import type { DecodedBody } from './types';
import { isRecord, isStringList, stringify } from './values';

/** A 2xx body is data, never an error report: its string lists are not field errors. */
const isSuccess = (status: number | undefined): boolean => status !== undefined && status >= 200 && status < 300;

/** `status` (when known) keeps success bodies from being read as error reports. */
export function decodeJson(value: unknown, status?: number): DecodedBody {
  const errorsPossible = !isSuccess(status);
  if (isRecord(value)) {
    // simplejwt: `{detail, code, messages: [{tokenClass, tokenType, message}]}` is one complaint, not field errors.
    if (typeof value.detail === 'string' && typeof value.code === 'string' && Array.isArray(value.messages)) {
      const messages = value.messages.map((m) => (isRecord(m) && typeof m.message === 'string' ? m.message : stringify(m)));
      return { kind: 'detail', detail: value.detail, code: value.code, messages };
    }
    if ('detail' in value && Object.keys(value).filter((k) => k !== 'code' && k !== 'status_code').length === 1) {
      const d = value.detail;
      if (isRecord(d) && typeof d.message === 'string')
        return { kind: 'detail', detail: d.message, ...(typeof d.code === 'string' ? { code: d.code } : {}) };
      return { kind: 'detail', detail: stringify(d), ...(typeof value.code === 'string' ? { code: value.code } : {}) };
    }
    if (value.success === false && isRecord(value.error)) return envelope(value.error);
    if ('results' in value && Array.isArray(value.results) && ('count' in value || 'next' in value)) {
      return {
        kind: 'list',
        count: typeof value.count === 'number' ? value.count : null,
        returned: value.results.length,
        hasNext: typeof value.next === 'string' && value.next !== '',
        hasPrevious: typeof value.previous === 'string' && value.previous !== '',
      };
    }
    const small = Object.keys(value).length <= 3;
    // Before field errors: `{"error": {"message": "…", "type": "…"}}` has only string leaves and
    // would read as fields `error.message`, `error.type`; DRF's own leaves are lists.
    if (small && isRecord(value.error) && typeof value.error.message === 'string') return { kind: 'message', message: value.error.message };
    const fields = errorsPossible ? fieldErrors(value) : null;
    if (fields) return { kind: 'fields', fields };
    if (small && typeof value.error === 'string') return { kind: 'message', message: value.error };
    if (small && typeof value.message === 'string') return { kind: 'message', message: value.message };
  }
  if (errorsPossible && isStringList(value)) return { kind: 'fields', fields: [{ path: 'non_field_errors', messages: value }] };
  // Bulk endpoints report one error object per item: `[{}, {"name": [...]}]`.
  if (errorsPossible && Array.isArray(value) && value.length > 0 && value.every(isRecord)) {
    const fields = fieldErrors(value);
    if (fields) return { kind: 'fields', fields };
  }
  return { kind: 'json', value };
}

/** `{success: false, error: {code, message, details}}`. */
function envelope(e: Record<string, unknown>): DecodedBody {
  const fields = isRecord(e.details) || Array.isArray(e.details) ? fieldErrors(e.details) : null;
  return {
    kind: 'envelope',
    message: typeof e.message === 'string' ? e.message : stringify(e),
    ...(typeof e.code === 'string' || typeof e.code === 'number' ? { code: String(e.code) } : {}),
    ...(e.details !== undefined ? { details: stringify(e.details) } : {}),
    ...(fields ? { fields } : {}),
  };
}
