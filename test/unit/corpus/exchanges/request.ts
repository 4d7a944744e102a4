// What the request carried: DRF field errors (camelCase), unreadable JSON, content types, rate
// limits and size limits.
import { API, APP, apiKey, apiResponse, BOT, CONV, entry, KB, request, SRC, type Case } from './build';

const NGINX_413 = '<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

export const requestCases: Case[] = [
  {
    id: 'fields-required-camel',
    title: 'POST /api/v1/chatbots/ without name and llm (camelCase field names)',
    source: SRC.camel,
    expect: 'fieldErrors',
    entry: entry(request('POST', `${API}/api/v1/chatbots/`, { auth: apiKey(), body: { description: 'FAQ' } }), apiResponse(400, 'Bad Request', { json: { name: ['This field is required.'], largeLanguageModel: ['This field is required.'] } })),
  },
  {
    id: 'fields-non-field-camel',
    title: 'A cross-field rule reported under nonFieldErrors',
    source: SRC.camel,
    expect: 'fieldErrors',
    entry: entry(request('POST', `${API}/api/v1/knowledge-bases/${KB}/files/`, { auth: apiKey(), body: { files: [] } }), apiResponse(400, 'Bad Request', { json: { nonFieldErrors: ['At least one file is required.'] } })),
  },
  {
    id: 'fields-nested-message',
    title: 'Completions with message.content missing',
    source: SRC.completion,
    expect: 'fieldErrors',
    entry: entry(request('POST', `${API}/api/v1/chatbots/${BOT}/completions/`, { auth: apiKey(), body: { conversation: null, message: { attachments: [] } } }), apiResponse(400, 'Bad Request', { json: { message: { content: ['This field is required.'] } } })),
  },
  {
    id: 'fields-invalid-uuid',
    title: 'A conversation field that is not a UUID',
    source: SRC.drfFields,
    expect: 'fieldErrors',
    entry: entry(request('POST', `${API}/api/v1/messages/`, { auth: apiKey(), body: { conversation: 'conv_xxx', content: 'hi' } }), apiResponse(400, 'Bad Request', { json: { conversation: ['“conv_xxx” is not a valid UUID.'] } })),
  },
  {
    id: 'fields-choice',
    title: 'An attachment type outside the allowed choices',
    source: SRC.drfFields,
    expect: 'fieldErrors',
    entry: entry(request('POST', `${API}/api/v1/conversations/${CONV}/attachments/`, { auth: apiKey(), body: { file: 'media/attachments/cat.jpg', filename: 'cat.jpg', type: 'photo' } }), apiResponse(400, 'Bad Request', { json: { type: ['"photo" is not a valid choice.'] } })),
  },
  {
    id: 'json-parse-error',
    title: "A body built by string concatenation: single quotes are not JSON",
    source: SRC.drfParsers,
    expect: 'malformedJson',
    entry: entry(request('POST', `${API}/api/v1/conversations/`, { auth: apiKey(), raw: "{'webChat': '9d1c3e5a'}", contentType: 'application/json' }), apiResponse(400, 'Bad Request', { json: { detail: 'JSON parse error - Expecting property name enclosed in double quotes: line 1 column 2 (char 1)' } })),
  },
  {
    id: 'json-parse-error-object-object',
    title: 'body: data instead of JSON.stringify(data): "[object Object]"',
    source: SRC.drfParsers,
    expect: 'malformedJson',
    entry: entry(request('POST', `${API}/api/v1/messages/`, { auth: apiKey(), raw: '[object Object]', contentType: 'application/json' }), apiResponse(400, 'Bad Request', { json: { detail: 'JSON parse error - Expecting value: line 1 column 2 (char 1)' } })),
  },
  {
    id: 'django-bad-request-page',
    title: "Django's own 400 page (a Host header it does not allow)",
    source: 'django/django: django/views/defaults.py (bad_request)',
    expect: 'badRequest',
    entry: entry(request('GET', `${API}/api/v1/chatbots/`, { auth: apiKey() }), apiResponse(400, 'Bad Request', { text: '<!doctype html>\n<html lang="en">\n<head>\n  <title>Bad Request (400)</title>\n</head>\n<body>\n  <h1>Bad Request (400)</h1><p></p>\n</body>\n</html>\n' })),
  },
  {
    id: 'text-plain-415',
    title: 'fetch with a string body and no Content-Type: sent as text/plain',
    source: SRC.drfExceptions,
    expect: 'unsupportedMedia',
    entry: entry(request('POST', `${API}/api/v1/chatbots/`, { auth: apiKey(), raw: '{"name":"FAQ bot"}', contentType: 'text/plain;charset=UTF-8', page: APP }), apiResponse(415, 'Unsupported Media Type', { json: { detail: 'Unsupported media type "text/plain;charset=UTF-8" in request.' }, page: APP })),
  },
  {
    id: 'xml-415',
    title: 'An XML body from a legacy client',
    source: SRC.drfExceptions,
    expect: 'unsupportedMedia',
    entry: entry(request('POST', `${API}/api/v1/messages/`, { auth: apiKey(), raw: '<message><content>hi</content></message>', contentType: 'application/xml' }), apiResponse(415, 'Unsupported Media Type', { json: { detail: 'Unsupported media type "application/xml" in request.' } })),
  },
  {
    id: 'throttled-seconds',
    title: 'Rate limit with Retry-After in seconds',
    source: SRC.drfExceptions,
    expect: 'throttled',
    entry: entry(request('POST', `${API}/api/v1/chatbots/${BOT}/completions/`, { auth: apiKey(), body: { conversation: CONV, message: { content: 'again' } } }), apiResponse(429, 'Too Many Requests', { json: { detail: 'Request was throttled. Expected available in 37 seconds.' }, headers: { 'retry-after': '37' } })),
  },
  {
    id: 'throttled-hour',
    title: 'A daily quota: Retry-After of an hour',
    source: SRC.retryAfter,
    expect: 'throttled',
    entry: entry(request('GET', `${API}/api/v1/chatbots/`, { auth: apiKey() }), apiResponse(429, 'Too Many Requests', { json: { detail: 'Request was throttled. Expected available in 3600 seconds.' }, headers: { 'retry-after': '3600' } })),
  },
  {
    id: 'throttled-no-header',
    title: 'Throttled with no Retry-After header',
    source: SRC.drfExceptions,
    expect: 'throttled',
    entry: entry(request('GET', `${API}/api/v1/conversations/`, { auth: apiKey() }), apiResponse(429, 'Too Many Requests', { json: { detail: 'Request was throttled.' } })),
  },
  {
    id: 'nginx-413-attachment',
    title: 'A large image posted straight to /attachments/ hits the proxy body limit',
    source: SRC.nginx,
    expect: 'payloadTooLarge',
    entry: entry(
      request('POST', `${API}/api/v1/attachments/`, { auth: apiKey(), raw: '------WebKitFormBoundary7MA4YWxkTrZu0gW\r\nContent-Disposition: form-data; name="file"; filename="scan.tiff"\r\nContent-Type: image/tiff\r\n\r\n…\r\n------WebKitFormBoundary7MA4YWxkTrZu0gW--\r\n', contentType: 'multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW' }),
      apiResponse(413, 'Request Entity Too Large', { text: NGINX_413, type: 'text/html' }),
    ),
  },
  {
    id: 'conflict',
    title: 'A duplicate contact refused with 409',
    source: SRC.drfExceptions,
    expect: 'clientError',
    entry: entry(request('POST', `${API}/api/v1/contacts/`, { auth: apiKey(), body: { name: 'Lin', phone: '+886912345678' } }), apiResponse(409, 'Conflict', { json: { detail: 'A contact with this phone number already exists.' } })),
  },
];
