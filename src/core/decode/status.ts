// What an HTTP status means, as an i18n message: exact codes the API uses, else the class.
import { msg, type MessageKey, type Msg } from '../messages';

const MEANINGS: Record<number, MessageKey> = {
  0: 'status0',
  200: 'status200',
  201: 'status201',
  204: 'status204',
  301: 'status301',
  302: 'status302',
  304: 'status304',
  307: 'status307',
  308: 'status308',
  400: 'status400',
  401: 'status401',
  403: 'status403',
  404: 'status404',
  405: 'status405',
  406: 'status406',
  409: 'status409',
  413: 'status413',
  415: 'status415',
  422: 'status422',
  429: 'status429',
  500: 'status500',
  502: 'status502',
  503: 'status503',
  504: 'status504',
};

export function statusMeaning(status: number): Msg {
  const exact = MEANINGS[status];
  if (exact) return msg(exact);
  if (status >= 200 && status < 300) return msg('status2xx', String(status));
  if (status >= 300 && status < 400) return msg('status3xx', String(status));
  if (status >= 400 && status < 500) return msg('status4xx', String(status));
  if (status >= 500 && status < 600) return msg('status5xx', String(status));
  return msg('statusOther', String(status));
}
