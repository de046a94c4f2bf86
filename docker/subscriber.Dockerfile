# syntax=docker/dockerfile:1
# apps/subscriber (@absensi/subscriber): reads the absensi-events feed in Redis and forwards it to realtime.
# Built from the repository root:  docker build -f docker/subscriber.Dockerfile -t absensi/subscriber:TAG .
# NODE_IMAGE: any Debian bookworm image with Node 20 and npm (the Swarm test builds its own).
ARG NODE_IMAGE=node:20-bookworm-slim

# 1. Only this workspace and the packages it depends on, as `turbo prune --docker` cuts them out of the monorepo.
FROM ${NODE_IMAGE} AS pruner
WORKDIR /src
COPY docker/ca/ /usr/local/share/absensi-build-ca/
COPY docker/build-env.sh /usr/local/bin/absensi-build-env
COPY . .
RUN absensi-build-env npm install --global "turbo@$(node -p 'require("./package.json").devDependencies.turbo')" \
 && absensi-build-env turbo prune @absensi/subscriber --docker --out-dir /out

# 2. Install from the pruned lockfile (compilers for the native modules), build, then keep production dependencies only.
FROM ${NODE_IMAGE} AS builder
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY docker/ca/ /usr/local/share/absensi-build-ca/
COPY docker/build-env.sh /usr/local/bin/absensi-build-env
COPY --from=pruner /out/json/ ./
RUN absensi-build-env npm ci
COPY --from=pruner /out/full/ ./
COPY tsconfig.base.json ./
RUN absensi-build-env npx turbo run build --filter=@absensi/subscriber... --output-logs=errors-only \
 && absensi-build-env npm prune --omit=dev \
 && find apps packages -mindepth 2 -maxdepth 2 \( -name src -o -name test -o -name '*.tsbuildinfo' \) -exec rm -rf {} +

# 3. Runtime: built output and production dependencies, tini as PID 1 (signals, zombies), a non-root user.
FROM ${NODE_IMAGE} AS runtime
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 absensi \
 && useradd --system --uid 10001 --gid absensi --home-dir /app --shell /usr/sbin/nologin absensi
ENV NODE_ENV=production HOST=0.0.0.0
WORKDIR /app
COPY --from=builder /app/ ./
COPY docker/healthcheck.mjs /usr/local/lib/absensi/healthcheck.mjs
RUN mkdir -p /app/data && chown absensi:absensi /app/data
USER absensi
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 CMD ["node", "/usr/local/lib/absensi/healthcheck.mjs", "redis"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "apps/subscriber/dist/main.js"]
