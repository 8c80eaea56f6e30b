/**
 * The renderer's Content Security Policy, from `default-src 'none'` up: each allowance names a
 * need. connect-src 'self' is the browser-mode API; worker-src 'self' the pdf.js worker;
 * img-src data:/blob: the chart and page previews. The same string is in renderer/index.html
 * (a test keeps them equal).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');
