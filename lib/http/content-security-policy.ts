// The Content-Security-Policy every page is served with (docs/decisions, "CSP and
// Referrer-Policy"). Scripts run only when they carry this response's nonce, or when a
// script that did loads them ('strict-dynamic'): an injected <script> or inline handler
// never runs, and no host allow-list is needed. Next.js reads the nonce back from the
// request's copy of this header and puts it on its own scripts.

// 128 random bits, base64: unguessable, and new for every response.
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, { development = false } = {}): string {
  return [
    "default-src 'self'",
    // React needs eval only in development, to rebuild server error stacks.
    `script-src 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Style elements need the nonce; style attributes (positions in charts and layout) cannot
    // run script, so they are allowed.
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self'",
    "manifest-src 'self'",
  ].join("; ");
}
