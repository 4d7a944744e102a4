// What the decoder returns: the status meaning and the shape the body was read as.
import type { Msg } from '../messages';

export interface FieldError {
  /** `name`, `messages[1].content`, or `non_field_errors`. */
  path: string;
  messages: string[];
}

/** A response body as read: the kinds a MaiAgent (Django REST framework) answer or a proxy's can take. */
export type DecodedBody =
  | { kind: 'empty' }
  /** `messages`: simplejwt's per-token-class reasons (`{detail, code, messages: [{message}]}`). */
  | { kind: 'detail'; detail: string; code?: string; messages?: string[] }
  | { kind: 'fields'; fields: FieldError[] }
  /** `fields` is set when `error.details` holds DRF field errors. */
  | { kind: 'envelope'; code?: string; message: string; details?: string; fields?: FieldError[] }
  | { kind: 'message'; message: string }
  | { kind: 'list'; count: number | null; returned: number; hasNext: boolean; hasPrevious: boolean }
  | { kind: 'json'; value: unknown }
  | { kind: 'invalidJson'; excerpt: string }
  | { kind: 'html'; title: string | null; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'binary'; bytes: number; mimeType: string }
  /**
   * A stream of events (SSE, or JSON chunks one per line). `done`: some chunk said `done: true`;
   * null when no chunk carries a `done` field at all.
   */
  | { kind: 'sse'; events: number; error: string | null; done: boolean | null }
  /** An XML error document, as S3 (the presigned upload) answers: `<Error><Code>…</Code><Message>…</Message>`. */
  | { kind: 'xmlError'; code: string; message: string; requestId: string | null };

export interface Decoded {
  meaning: Msg;
  body: DecodedBody;
  /** The server's own words for the one-line summary (verbatim, never translated). */
  serverMessage: string | null;
}
