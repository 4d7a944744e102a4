// Response decoder: status meaning plus what the body says, for every shape the MaiAgent API
// (Django REST framework) and the proxies in front of it produce. Pure; never throws.
import type { Exchange } from '../exchange';
import { decodeBody } from './body';
import { statusMeaning } from './status';
import { serverMessage } from './summary';
import type { Decoded } from './types';

export { decodeBody } from './body';
export { isNonField } from './field-errors';
export { decodeJson } from './json';
export { statusMeaning } from './status';
export { serverMessage } from './summary';
export type { Decoded, DecodedBody, FieldError } from './types';

export function decode(ex: Exchange): Decoded {
  const body = ex.status === 0 ? ({ kind: 'empty' } as const) : decodeBody(ex);
  return { meaning: statusMeaning(ex.status), body, serverMessage: serverMessage(body) };
}
