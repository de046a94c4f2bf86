#!/usr/bin/env bash
# A consistent dump of the stack's MySQL database, taken while it runs (runbook: docs/backup.md).
# Usage: mysql-backup.sh FILE.sql.gz [SERVICE=absensi_mysql]
# Talks to the engine of DOCKER_HOST, which must be the node that runs the service's task (the data node), e.g.
#   DOCKER_HOST=ssh://admin@db-node deploy/scripts/mysql-backup.sh absensi-$(date +%F-%H%M).sql.gz
# The tables are read in one transaction (--single-transaction): nothing is locked, clock-ins go on, and the file
# holds the database as it was at one instant. It is written as FILE.partial and renamed once the dump has said
# that it completed, so a FILE that exists is whole. Works with mysql:8.0 and MariaDB images alike.
set -euo pipefail
file=${1:?usage: mysql-backup.sh FILE.sql.gz [SERVICE]}
service=${2:-absensi_mysql}
container=$(docker ps -q --filter "label=com.docker.swarm.service.name=$service" --filter status=running | head -1)
if [[ -z $container ]]; then
  echo "no running task of $service on ${DOCKER_HOST:-this node}: run this where \`docker service ps $service\` says it runs" >&2
  exit 1
fi
docker exec "$container" sh -c 'MYSQL_PWD="$(cat /run/secrets/db_root_password)" exec mysqldump -uroot \
  --single-transaction --quick --routines --events --triggers --hex-blob --default-character-set=utf8mb4 \
  --databases "${MYSQL_DATABASE:-absensi}"' | gzip >"$file.partial"
if ! gunzip -c "$file.partial" | tail -1 | grep -q '^-- Dump completed'; then
  echo "the dump in $file.partial did not complete" >&2
  exit 1
fi
mv "$file.partial" "$file"
echo "backup $file: $(du -h "$file" | cut -f1), $(gunzip -c "$file" | grep -c '^INSERT INTO') INSERT statements"
