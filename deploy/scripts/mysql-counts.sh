#!/usr/bin/env bash
# The rows that matter, counted in the running task of SERVICE on the DOCKER_HOST node: users, shifts
# (attendance) and events, one "table count" per line. Compare them before a backup and after a restore.
# Usage: mysql-counts.sh [SERVICE=absensi_mysql]
set -euo pipefail
service=${1:-absensi_mysql}
container=$(docker ps -q --filter "label=com.docker.swarm.service.name=$service" --filter status=running | head -1)
[[ -n $container ]] || { echo "no running task of $service on ${DOCKER_HOST:-this node}" >&2; exit 1; }
docker exec "$container" sh -c 'MYSQL_PWD="$(cat /run/secrets/db_root_password)" exec mysql -uroot -N -B \
  -e "SELECT '\''users'\'', COUNT(*) FROM users UNION ALL SELECT '\''attendance'\'', COUNT(*) FROM attendance
      UNION ALL SELECT '\''events'\'', COUNT(*) FROM events" "${MYSQL_DATABASE:-absensi}"' | tr '\t' ' '
