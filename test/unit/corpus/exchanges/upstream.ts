// Answers not written by the API's own code: the presigned S3 upload (XML errors with
// x-amz-request-id), gateways and CDNs (HTML), and the server's 5xx.
import { API, apiKey, apiResponse, entry, request, SRC, type Case } from './build';

const BUCKET = 'https://maiagent-prod-media.s3.amazonaws.com/';
const FIELDS = [
  ['key', 'media/chatbot-files/2024/11/25/faq.pdf'],
  ['x-amz-algorithm', 'AWS4-HMAC-SHA256'],
  ['x-amz-credential', 'AKIAIOSFODNN7EXAMPLE/20241125/ap-northeast-1/s3/aws4_request'],
  ['x-amz-date', '20241125T064112Z'],
  ['policy', 'eyJleHBpcmF0aW9uIjogIjIwMjQtMTEtMjVUMDc6NDE6MTJaIn0='],
  ['x-amz-signature', '9b2f7c1e4d8a3b6f0e5c2d9a7b4e1f8c3a6d0b9e2f5c8a1d4b7e0f3a6c9d2b5e'],
];
const BOUNDARY = '----WebKitFormBoundaryq8Vx2LmN4pR6tY0u';
const multipart = (fields: string[][]) =>
  fields.map(([k, v]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') +
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="faq.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7…\r\n--${BOUNDARY}--\r\n`;
const upload = (fields = FIELDS) => request('POST', BUCKET, { raw: multipart(fields), contentType: `multipart/form-data; boundary=${BOUNDARY}`, page: 'https://app.example-shop.tw' });
const s3 = (status: number, statusText: string, code: string, message: string, extra = '') => ({
  status,
  statusText,
  headers: [
    { name: 'x-amz-request-id', value: 'TX8K2M4N6P8R0T2V' },
    { name: 'x-amz-id-2', value: 'Zb3kQm1sVbX9cZ0pL2nR7tY4uW6eA8dF1gH5jK3lN0oPq2sT4vX6zB8dF0hJ2lN4=' },
    { name: 'content-type', value: 'application/xml' },
    { name: 'date', value: 'Mon, 25 Nov 2024 08:02:40 GMT' },
    { name: 'server', value: 'AmazonS3' },
    { name: 'access-control-allow-origin', value: '*' },
  ],
  content: {
    mimeType: 'application/xml',
    text: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message>${extra}<RequestId>TX8K2M4N6P8R0T2V</RequestId><HostId>Zb3kQm1sVbX9cZ0pL2nR7tY4uW6eA8dF1gH5jK3lN0oPq2sT4vX6zB8dF0hJ2lN4=</HostId></Error>`,
  },
});
const html = (status: number, statusText: string, title: string, server: string, extra: { name: string; value: string }[] = []) => ({
  status,
  statusText,
  headers: [{ name: 'server', value: server }, { name: 'content-type', value: 'text/html' }, ...extra],
  content: { mimeType: 'text/html', text: `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n${server === 'nginx' ? '<hr><center>nginx</center>\r\n' : ''}</body>\r\n</html>\r\n` },
});

export const upstreamCases: Case[] = [
  {
    id: 's3-policy-expired',
    title: 'The presigned upload used an hour after upload-presigned-url issued it',
    source: SRC.s3Post,
    expect: 's3PolicyExpired',
    entry: entry(upload(), s3(403, 'Forbidden', 'AccessDenied', 'Invalid according to Policy: Policy expired.')),
  },
  {
    id: 's3-entity-too-large',
    title: 'A file larger than the policy\'s content-length-range',
    source: SRC.s3Errors,
    expect: 's3TooLarge',
    entry: entry(upload(), s3(400, 'Bad Request', 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', '<ProposedSize>104857600</ProposedSize><MaxSizeAllowed>52428800</MaxSizeAllowed>')),
  },
  {
    id: 's3-extra-field',
    title: 'A Content-Type field added that the policy does not list',
    source: SRC.s3Post,
    expect: 's3Rejected',
    entry: entry(upload([...FIELDS, ['Content-Type', 'application/pdf']]), s3(403, 'Forbidden', 'AccessDenied', 'Invalid according to Policy: Extra input fields: content-type')),
  },
  {
    id: 's3-key-condition',
    title: 'The key field changed to the original file name',
    source: SRC.s3Post,
    expect: 's3Rejected',
    entry: entry(upload([['key', 'faq.pdf'], ...FIELDS.slice(1)]), s3(403, 'Forbidden', 'AccessDenied', 'Invalid according to Policy: Policy Condition failed: ["eq", "$key", "media/chatbot-files/2024/11/25/faq.pdf"]')),
  },
  {
    id: 's3-signature',
    title: 'A field value altered after signing',
    source: SRC.s3Errors,
    expect: 's3Rejected',
    entry: entry(upload(), s3(403, 'Forbidden', 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your key and signing method.')),
  },
  {
    id: 's3-ok',
    title: 'The presigned upload succeeds with 204',
    source: SRC.examples,
    expect: null,
    entry: entry(upload(), { status: 204, statusText: 'No Content', headers: [{ name: 'x-amz-request-id', value: 'TX8K2M4N6P8R0T2V' }, { name: 'server', value: 'AmazonS3' }, { name: 'location', value: 'https://maiagent-prod-media.s3.amazonaws.com/media%2Fchatbot-files%2F2024%2F11%2F25%2Ffaq.pdf' }], content: { mimeType: 'x-unknown', text: '' } }),
  },
  {
    id: 'nginx-502',
    title: 'nginx could not reach the application during a deploy',
    source: SRC.nginx,
    expect: 'badGateway',
    entry: entry(request('GET', `${API}/api/v1/chatbots/`, { auth: apiKey() }), html(502, 'Bad Gateway', '502 Bad Gateway', 'nginx')),
  },
  {
    id: 'alb-502',
    title: 'The load balancer got a reset from a target',
    source: SRC.alb,
    expect: 'badGateway',
    entry: entry(request('GET', `${API}/api/users/current/`, { auth: apiKey() }), html(502, 'Bad Gateway', '502 Bad Gateway', 'awselb/2.0')),
  },
  {
    id: 'alb-503',
    title: 'No healthy targets behind the load balancer',
    source: SRC.alb,
    expect: 'unavailable',
    entry: entry(request('GET', `${API}/api/v1/conversations/`, { auth: apiKey() }), html(503, 'Service Temporarily Unavailable', '503 Service Temporarily Unavailable', 'awselb/2.0')),
  },
  {
    id: 'list-504',
    title: 'A slow list call runs into the gateway timeout',
    source: SRC.nginx,
    expect: 'gatewayTimeout',
    entry: entry(request('GET', `${API}/api/v1/conversations/?page_size=1000`, { auth: apiKey() }), html(504, 'Gateway Time-out', '504 Gateway Time-out', 'nginx'), 60012),
  },
  {
    id: 'cloudfront-504',
    title: "CloudFront's own error page for an origin timeout",
    source: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/http-504-gateway-timeout.html',
    expect: 'gatewayTimeout',
    entry: entry(request('GET', `${API}/api/v1/knowledge-bases/`, { auth: apiKey() }), {
      status: 504,
      statusText: 'Gateway Timeout',
      headers: [{ name: 'server', value: 'CloudFront' }, { name: 'x-cache', value: 'Error from cloudfront' }, { name: 'x-amz-cf-id', value: 'Zp3kQ_m1sVbX9cZ0pL2nR7tY4uW6eA8dF1gH5jK3lN0oPq==' }, { name: 'content-type', value: 'text/html' }],
      content: { mimeType: 'text/html', text: '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd"><HTML><HEAD><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=iso-8859-1"><TITLE>ERROR: The request could not be satisfied</TITLE></HEAD><BODY><H1>504 Gateway Timeout ERROR</H1><H2>The request could not be satisfied.</H2></BODY></HTML>' },
    }, 30005),
  },
  {
    id: 'django-500',
    title: "Django's production 500 page",
    source: 'django/django: django/views/defaults.py (server_error)',
    expect: 'serverError',
    entry: entry(request('POST', `${API}/api/v1/knowledge-bases/`, { auth: apiKey(), body: { name: 'KB' } }), apiResponse(500, 'Internal Server Error', { text: '<!doctype html>\n<html lang="en">\n<head>\n  <title>Server Error (500)</title>\n</head>\n<body>\n  <h1>Server Error (500)</h1><p></p>\n</body>\n</html>\n', headers: { 'x-request-id': '7f3c2a1e9b8d4c6f' } })),
  },
  {
    id: 'drf-500-json',
    title: 'A JSON 500 from the exception handler',
    source: SRC.drfExceptions,
    expect: 'serverError',
    entry: entry(request('GET', `${API}/api/v1/chatbots/`, { auth: apiKey() }), apiResponse(500, 'Internal Server Error', { json: { error: 'Server Error (500)' } })),
  },
];
