import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { MAX_BODY_BYTES, SERVER_ACTION_BODY_LIMIT } from "./lib/http/limits";

// next-intl serves server components only. The browser gets the ICU strings themselves,
// formatted by our own small formatter (i18n/translate.ts, decision 023), so the messages are
// not precompiled: that would hand the browser next-intl's compiled form instead.
const withNextIntl = createNextIntlPlugin({ requestConfig: "./i18n/request.ts" });

// Pages hold sensitive records: never let a browser or proxy cache or frame them. proxy.ts
// adds the full Content-Security-Policy, with this response's script nonce, to every page;
// these headers cover everything, static files included (docs/decisions, CSP and
// Referrer-Policy).
const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  // same-origin, not no-referrer: with no-referrer Chromium sends "Origin: null" on form posts,
  // which Next.js rightly refuses for server actions. Other sites still get no referrer.
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  // A floor for responses proxy.ts never sees (static files): no framing, no plugins, no
  // <base> rewriting. Pages get the full policy with their nonce as well; both apply.
  {
    key: "Content-Security-Policy",
    value: "frame-ancestors 'none'; object-src 'none'; base-uri 'none'; form-action 'self'",
  },
  // Two years, as browsers' preload lists expect; ignored over plain http on localhost.
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  { key: "Cache-Control", value: "no-store" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Several builds can live side by side (e.g. a test build next to a running app).
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // `npm test` type-checks the whole repository (tools and tests too) before it builds.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ["@node-rs/argon2", "pg"],
  experimental: {
    // No origin besides the site's own: proxy.ts checks Origin against the pinned address
    // before Next.js compares it with Host or X-Forwarded-Host.
    serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT, allowedOrigins: [] },
    proxyClientMaxBodySize: MAX_BODY_BYTES,
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default withNextIntl(nextConfig);
