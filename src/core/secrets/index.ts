// Secrets out of every export and display: the API key (and any credential a request carried) in
// any header, URL, body or cookie, and every cookie. Pure; the shells say which keys they know.
export { cookieValuesOf, redactCookieHeader, REDACTED, redactSetCookie } from './cookies';
export { credentialsOf, isCredentialHeader } from './credentials';
export { redactBase64, redactHarEntry } from './har-entry';
export { maskText, NO_SECRETS, redactText, secretSegments, secretsMatcher, type Secrets, type Segment } from './matcher';
export { findStoredKeys, type KnownKey } from './stored-keys';
