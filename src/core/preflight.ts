// A CORS preflight: the browser's own OPTIONS request before a cross-origin call. It says nothing
// about the API, so the panel hides it unless asked. Pure.
import { headerValue, type Header } from './exchange';

export function isPreflight(method: string, requestHeaders: readonly Header[]): boolean {
  return method.toUpperCase() === 'OPTIONS' && headerValue(requestHeaders, 'access-control-request-method') !== undefined;
}
