# Liaison's container image: one stateless app instance (docs/deploy.md).
#
#   docker build -t liaison .
#   docker run --rm --init --read-only --tmpfs /tmp:rw,noexec,nosuid,size=256m \
#     --cap-drop ALL --security-opt no-new-privileges -p 3000:3000 \
#     --env-file /secure/path/liaison.env liaison
#
# Nothing secret is built in: DATABASE_URL, AUTH_SECRET, LIAISON_MASTER_KEY and the rest
# arrive at run time (docs/deploy.md, "App instances"). The root file system can be mounted
# read-only; the only writable place the app needs is /tmp (Next.js's cache is pointed
# there). Migrations are a separate one-off run of the same image as the owner role:
#   docker run --rm --read-only --tmpfs /tmp -e DATABASE_OWNER_URL=… liaison npm run db:migrate

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS base
# The lockfile and allowScripts need npm 11; Node 20 images ship npm 10.
RUN npm install -g npm@11.19.1 && npm cache clean --force
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false

# 1. Build: every dependency (install scripts only for the packages package.json's
#    allowScripts allows; .npmrc fails the install on any it neither allows nor denies),
#    the generated Prisma client (postinstall), the production build.
FROM base AS build
COPY package.json package-lock.json .npmrc prisma.config.ts ./
COPY prisma ./prisma
COPY tools/generate.ts ./tools/generate.ts
RUN npm ci
COPY . .
# Next.js prerenders a few pages (the not-found page), which read the configuration: the build
# gets obvious placeholders, never a real value. None of them is kept in the image; the real
# ones are given to `docker run`.
RUN DATABASE_URL=postgresql://build-placeholder.invalid/liaison \
    AUTH_SECRET=build-placeholder-not-a-secret-never-used-to-sign \
    LIAISON_DEMO=0 \
    npx next build \
 && rm -rf node_modules .next/cache tests test-results .data

# 2. What runs: production dependencies only. No install script runs here at all (stricter
#    than allowScripts): the one allowed script prepares the embedded PostgreSQL used for
#    local runs and tests, which an image connecting to a real server never starts, and the
#    root postinstall needs the Prisma CLI (a dev dependency); the client it generates is
#    copied from the build stage instead.
FROM base AS deps
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force

# 3. The image: the build and the production dependencies, owned by root and run by an
#    unprivileged user who cannot change them.
FROM base AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    HOME=/tmp \
    NPM_CONFIG_CACHE=/tmp/.npm
RUN groupadd --system --gid 10001 liaison \
 && useradd --system --uid 10001 --gid liaison --home-dir /nonexistent --shell /usr/sbin/nologin liaison
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app ./
# Next.js writes its cache under .next/cache; on a read-only root it lives in /tmp.
RUN ln -s /tmp/next-cache .next/cache
USER liaison:liaison
EXPOSE 3000
# 200 when the database answers, 503 naming what failed. Use it for the load balancer's
# readiness check too; an outage of the database is not a reason to restart the app.
HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["sh", "-c", "mkdir -p /tmp/next-cache && exec node node_modules/next/dist/bin/next start -H 0.0.0.0 -p \"${PORT}\""]
