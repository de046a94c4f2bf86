#!/bin/sh
# Runs a build step with the extra certificate authorities of docker/ca/*.crt, when there are any.
# Usage (in a Dockerfile): RUN absensi-build-env npm ci
set -eu
bundle=/tmp/absensi-build-ca.pem
if ls /usr/local/share/absensi-build-ca/*.crt >/dev/null 2>&1; then
  cat /usr/local/share/absensi-build-ca/*.crt > "$bundle"
  export NODE_EXTRA_CA_CERTS="$bundle"
fi
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1 npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
exec "$@"
