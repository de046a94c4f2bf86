#!/usr/bin/env bash
# Makes the base images the Dockerfiles start from, on a machine that cannot pull from a registry:
#   absensi-base/debian:bookworm      Debian bookworm (debootstrap --variant=minbase), for DEBIAN_IMAGE
#   absensi-base/node:20-bookworm     the same with this machine's Node 20 and npm, for NODE_IMAGE
# Usage: make-base-images.sh [WORKDIR]   (needs root, debootstrap, and DOCKER_HOST pointing at the engine)
# Images that already exist are kept.
set -euo pipefail
export DOCKER_BUILDKIT=0 # the classic builder: nothing to fetch from a registry
work=${1:-$(mktemp -d /tmp/absensi-base.XXXXXX)}
mkdir -p "$work"

mirror=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
mirror=${mirror:-http://deb.debian.org/debian}

if ! docker image inspect absensi-base/debian:bookworm >/dev/null 2>&1; then
  rootfs="$work/rootfs"
  rm -rf "$rootfs"
  debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 ||
    { tail -20 "$work/debootstrap.log" >&2; exit 1; }
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | docker import --change 'CMD ["/bin/bash"]' - absensi-base/debian:bookworm >/dev/null
  rm -rf "$rootfs"
fi

if ! docker image inspect absensi-base/node:20-bookworm >/dev/null 2>&1; then
  node=$(command -v node)
  npm_dir=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
  headers=$(dirname "$(dirname "$(readlink -f "$node")")")/include/node
  context="$work/node"
  rm -rf "$context" && mkdir -p "$context"
  cp "$(readlink -f "$node")" "$context/node"
  cp -a "$npm_dir" "$context/npm"
  if [[ -d $headers ]]; then cp -a "$headers" "$context/include"; else mkdir "$context/include"; fi
  cat >"$context/Dockerfile" <<'DOCKERFILE'
FROM absensi-base/debian:bookworm
COPY node /usr/local/bin/node
COPY npm /usr/local/lib/node_modules/npm
COPY include /usr/local/include/node
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && node --version && npm --version
# node-gyp builds native modules against these headers instead of downloading them
ENV npm_config_nodedir=/usr/local
CMD ["node"]
DOCKERFILE
  docker build --quiet -t absensi-base/node:20-bookworm "$context" >/dev/null
  rm -rf "$context"
fi
docker image ls --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep '^absensi-base/'
