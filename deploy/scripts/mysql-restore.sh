#!/usr/bin/env bash
# Loads a dump made by mysql-backup.sh into the running task of SERVICE on the DOCKER_HOST node, then prints
# the counts of mysql-counts.sh (runbook: docs/backup.md). The dump recreates each of its tables: what the
# database held before is replaced. Waits up to 3 minutes for a freshly started MySQL to answer.
# Usage: mysql-restore.sh FILE.sql.gz [SERVICE=absensi_mysql]
set -euo pipefail
file=${1:?usage: mysql-restore.sh FILE.sql.gz [SERVICE]}
service=${2:-absensi_mysql}
gunzip -t "$file"
container=
for _ in $(seq 1 90); do
  container=$(docker ps -q --filter "label=com.docker.swarm.service.name=$service" --filter status=running | head -1)
  if [[ -n $container ]] && docker exec "$container" sh -c \
    'MYSQL_PWD="$(cat /run/secrets/db_root_password)" mysql -uroot -N -B -e "SELECT 1"' >/dev/null 2>&1; then
    break
  fi
  container=
  sleep 2
done
[[ -n $container ]] || { echo "$service does not answer on ${DOCKER_HOST:-this node}" >&2; exit 1; }
gunzip -c "$file" | docker exec -i "$container" sh -c 'MYSQL_PWD="$(cat /run/secrets/db_root_password)" exec mysql -uroot'
"$(dirname "$0")/mysql-counts.sh" "$service"
