// Real-shaped response bodies: what Django, DRF's browsable API, nginx and the completions
// stream actually send. Shared by the decoder and diagnosis tests.

/** Django's production 500 page (DEBUG off). */
export const DJANGO_500 =
  '<!doctype html>\n<html lang="en">\n<head>\n  <title>Server Error (500)</title>\n</head>\n<body>\n  <h1>Server Error (500)</h1><p></p>\n</body>\n</html>\n';

/** nginx's built-in 502 page, CRLF line ends and all. */
export const NGINX_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/** nginx's 413, as a proxy in front of the API sends it for a large upload. */
export const NGINX_413 =
  '<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>\r\n';

/** A load balancer's 503 with entities in the title and heading (Django escapes ' as &#x27;). */
export const LB_503 =
  '<!DOCTYPE html><html><head><title>Service Unavailable &amp; Maintenance</title></head><body><h1>We&#x27;ll be back &lt;soon&gt;</h1></body></html>';

/** DRF's browsable API: what an API URL opened in a tab shows for a 401 (trimmed to the parts that matter). */
export const DRF_BROWSABLE_401 = `<!DOCTYPE html>
<html>
  <head>
    <meta http-equiv="Content-Type" content="text/html; charset=utf-8"/>
    <title>Current User – Django REST framework</title>
  </head>
  <body class="">
    <div class="page-header"><h1>Current User</h1></div>
    <div class="request-info" style="clear: both" aria-label="request info">
      <pre class="prettyprint"><b>GET</b> /api/users/current/</pre>
    </div>
    <div class="response-info" aria-label="response info">
      <pre class="prettyprint"><span class="meta nocode"><b>HTTP 401 Unauthorized</b><br /><b>Allow:</b> <span class="lit">GET, HEAD, OPTIONS</span><br /><b>Content-Type:</b> <span class="lit">application/json</span><br /><b>Vary:</b> <span class="lit">Accept</span><br /><b>WWW-Authenticate:</b> <span class="lit">Api-Key</span><br /><br /></span>{
    &quot;detail&quot;: &quot;Authentication credentials were not provided.&quot;
}</pre>
    </div>
  </body>
</html>`;

/** The same page for a 400 with field errors (and a link DRF's urlize added). */
export const DRF_BROWSABLE_400 = `<!DOCTYPE html><html><head><title>Chatbot List – Django REST framework</title></head><body>
<pre class="prettyprint"><span class="meta nocode"><b>HTTP 400 Bad Request</b><br /><b>Content-Type:</b> <span class="lit">application/json</span><br /><br /></span>{
    &quot;name&quot;: [
        &quot;This field is required.&quot;
    ],
    &quot;website&quot;: [
        &quot;Enter a valid URL, like <a href="https://example.com" rel="nofollow">https://example.com</a>.&quot;
    ]
}</pre></body></html>`;

/** The completions stream of the test server: two chunks and a `done` event. */
export const SSE_OK = 'data: {"content":"Hel"}\n\ndata: {"content":"lo"}\n\nevent: done\ndata: {}\n\n';

/** A 1×1 PNG, base64 as Chrome's HAR gives it (70 bytes). */
export const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
