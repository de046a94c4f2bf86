# syntax=docker/dockerfile:1
# The nginx image: the root nginx.conf and the built PWA (apps/web, @absensi/web). The stack mounts nginx.conf
# again as a Docker config, so routing changes need no rebuild.
# Built from the repository root:  docker build -f docker/nginx.Dockerfile -t absensi/nginx:TAG .
# nginx runs with the prefix /srv/absensi/, where the PWA sits at apps/web/dist as in the repository, so the
# one nginx.conf serves `root apps/web/dist;` both here and in the local cluster (nginx -p <prefix>).
ARG NODE_IMAGE=node:20-bookworm-slim
ARG DEBIAN_IMAGE=debian:bookworm-slim

# 1. Only the PWA's workspace and what it imports, as `turbo prune --docker` cuts them out of the monorepo.
FROM ${NODE_IMAGE} AS pruner
WORKDIR /src
COPY docker/ca/ /usr/local/share/absensi-build-ca/
COPY docker/build-env.sh /usr/local/bin/absensi-build-env
COPY . .
RUN absensi-build-env npm install --global "turbo@$(node -p 'require("./package.json").devDependencies.turbo')" \
 && absensi-build-env turbo prune @absensi/web --docker --out-dir /out

# 2. Build the PWA (static files: no dependency reaches the runtime image).
FROM ${NODE_IMAGE} AS builder
WORKDIR /app
COPY docker/ca/ /usr/local/share/absensi-build-ca/
COPY docker/build-env.sh /usr/local/bin/absensi-build-env
COPY --from=pruner /out/json/ ./
RUN absensi-build-env npm ci --ignore-scripts
COPY --from=pruner /out/full/ ./
COPY tsconfig.base.json ./
RUN absensi-build-env npx turbo run build --filter=@absensi/web... --output-logs=errors-only

# 3. Runtime: Debian's nginx as a non-root user under tini, curl for the health check. nginx-upstreams.sh
#    keeps upstreams/api.conf and upstreams/realtime.conf (beside nginx.conf) on the Swarm tasks' addresses.
FROM ${DEBIAN_IMAGE} AS runtime
RUN apt-get update && apt-get install -y --no-install-recommends nginx tini curl && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 absensi \
 && useradd --system --uid 10001 --gid absensi --home-dir /srv/absensi --shell /usr/sbin/nologin absensi \
 && mkdir -p /srv/absensi/logs /srv/absensi/temp /etc/absensi/upstreams \
 && chown -R absensi:absensi /srv/absensi/logs /srv/absensi/temp /etc/absensi/upstreams /var/lib/nginx /var/log/nginx
COPY nginx.conf /etc/absensi/nginx.conf
COPY docker/nginx-upstreams.sh /usr/local/bin/nginx-upstreams
COPY --from=builder /app/apps/web/dist/ /srv/absensi/apps/web/dist/
USER absensi
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 CMD ["curl", "--fail", "--silent", "--output", "/dev/null", "http://127.0.0.1:8000/nginx-health"]
ENTRYPOINT ["/usr/bin/tini", "--", "/usr/local/bin/nginx-upstreams"]
CMD ["run"]
