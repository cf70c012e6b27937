// The renderer's Content-Security-Policy, shared by the Vite build (as a <meta> tag) and the
// Electron shell (as a response header on app://pinggu). Pure data: no Node, DOM or Vite.

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // antd (cssinjs) injects <style> elements at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

/**
 * The policy as an HTTP header. `frame-ancestors` is ignored (and warned about) in a <meta>
 * tag, so it is only added here, where it stops any page from framing the app.
 */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;
