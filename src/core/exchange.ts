// The request/response pair the decoder and diagnosis work on: a HAR entry reduced to what matters.

export interface Header {
  name: string;
  value: string;
}

export interface Exchange {
  method: string;
  url: string;
  /** 0 when the request failed without a response (blocked, CORS, offline, cancelled). */
  status: number;
  statusText?: string;
  requestHeaders: Header[];
  responseHeaders: Header[];
  requestBody?: string | undefined;
  requestMimeType?: string | undefined;
  responseBody?: string | undefined;
  /** True when responseBody is base64 (HAR `encoding: "base64"`). */
  responseBase64?: boolean | undefined;
  responseMimeType?: string | undefined;
  /** Chrome's `_error` for failed requests, e.g. `net::ERR_BLOCKED_BY_CLIENT`. */
  error?: string | undefined;
  startedAt?: number | undefined;
  durationMs?: number | undefined;
  size?: number | undefined;
  /** True when the panel kept only the first part of a large body. */
  responseTruncated?: boolean | undefined;
  /** True when only the first part of an imported request body was kept. */
  requestTruncated?: boolean | undefined;
}

export function headerValue(headers: readonly Header[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find((h) => h.name.toLowerCase() === lower)?.value;
}
