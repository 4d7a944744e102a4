// Answers that need no explanation.
import { API, apiKey, apiResponse, BOT, CONV, entry, request, SRC, type Case } from './build';

export const successCases: Case[] = [
  {
    id: 'current-user',
    title: 'GET /api/users/current/ with a valid key',
    source: SRC.openapi,
    expect: null,
    entry: entry(request('GET', `${API}/api/users/current/`, { auth: apiKey() }), apiResponse(200, 'OK', { json: { id: 'a8c4', name: 'Lin', email: 'lin@example.com', company: { id: 'c1', name: 'Example Shop' }, permissions: ['chatbot.view'] } })),
  },
  {
    id: 'list',
    title: 'A paginated list',
    source: SRC.status,
    expect: null,
    entry: entry(request('GET', `${API}/api/v1/conversations/?page=2`, { auth: apiKey() }), apiResponse(200, 'OK', { json: { count: 57, next: `${API}/api/v1/conversations/?page=3`, previous: `${API}/api/v1/conversations/`, results: [{ id: CONV, title: 'Hi' }] } })),
  },
  {
    id: 'created',
    title: 'A conversation created',
    source: SRC.examples,
    expect: null,
    entry: entry(request('POST', `${API}/api/v1/conversations/`, { auth: apiKey(), body: { webChat: '9d1c3e5a-7b2f-4a8e-b6d0-1f3a5c7e9b2d' } }), apiResponse(201, 'Created', { json: { id: CONV, webChat: '9d1c3e5a-7b2f-4a8e-b6d0-1f3a5c7e9b2d', createdAt: '2024-11-25T06:41:12.118922Z' } })),
  },
  {
    id: 'deleted',
    title: 'A chatbot deleted',
    source: SRC.examples,
    expect: null,
    entry: entry(request('DELETE', `${API}/api/v1/chatbots/${BOT}/`, { auth: apiKey() }), apiResponse(204, 'No Content', { text: '' })),
  },
  {
    id: 'presigned-url',
    title: 'upload-presigned-url answers the S3 form fields',
    source: SRC.examples,
    expect: null,
    entry: entry(request('POST', `${API}/api/v1/upload-presigned-url/`, { auth: apiKey(), body: { filename: 'faq.pdf', modelName: 'chatbot-file', fieldName: 'file', fileSize: 48213 } }), apiResponse(200, 'OK', { json: { url: 'https://maiagent-prod-media.s3.amazonaws.com/', fields: { key: 'media/chatbot-files/2024/11/25/faq.pdf', 'x-amz-algorithm': 'AWS4-HMAC-SHA256' } } })),
  },
];
