// A HAR entry for an answer to "Resend", so the row exports and shows like a captured one.
import type { Exchange } from '../core/exchange';
import type { HarEntry } from '../core/har';

export function entryOf(ex: Exchange): HarEntry {
  return {
    startedDateTime: new Date(ex.startedAt ?? Date.now()).toISOString(),
    time: ex.durationMs ?? 0,
    request: {
      method: ex.method,
      url: ex.url,
      headers: ex.requestHeaders,
      ...(ex.requestBody !== undefined ? { postData: { mimeType: ex.requestMimeType ?? '', text: ex.requestBody } } : {}),
    },
    response: {
      status: ex.status,
      statusText: ex.statusText ?? '',
      headers: ex.responseHeaders,
      content: { mimeType: ex.responseMimeType ?? '', text: ex.responseBody ?? '', size: ex.size ?? 0 },
    },
  };
}
