#!/bin/bash
# Initialises an empty data directory as the official MySQL image does, then runs mariadbd as mysql.
set -euo pipefail
secret() { # NAME: the value of NAME or of the file NAME_FILE
  local name=$1 file_var="${1}_FILE"
  if [[ -n ${!file_var:-} ]]; then cat "${!file_var}"; else printf '%s' "${!name:-}"; fi
}
datadir=/var/lib/mysql
chown -R mysql:mysql "$datadir" /run/mysqld
if [[ ! -d $datadir/mysql ]]; then
  root_password=$(secret MYSQL_ROOT_PASSWORD)
  password=$(secret MYSQL_PASSWORD)
  quote() { printf "'%s'" "${1//\'/\'\'}"; }
  mariadb-install-db --user=mysql --datadir="$datadir" --skip-test-db --auth-root-authentication-method=normal >/dev/null
  mariadbd --user=mysql --datadir="$datadir" --skip-networking --socket=/run/mysqld/init.sock &
  pid=$!
  for _ in $(seq 60); do mariadb-admin --socket=/run/mysqld/init.sock ping --silent 2>/dev/null && break; sleep 1; done
  {
    echo "ALTER USER 'root'@'localhost' IDENTIFIED BY $(quote "$root_password");"
    echo "CREATE USER 'root'@'%' IDENTIFIED BY $(quote "$root_password"); GRANT ALL ON *.* TO 'root'@'%' WITH GRANT OPTION;"
    if [[ -n ${MYSQL_DATABASE:-} ]]; then echo "CREATE DATABASE IF NOT EXISTS \`$MYSQL_DATABASE\`;"; fi
    if [[ -n ${MYSQL_USER:-} ]]; then
      echo "CREATE USER '$MYSQL_USER'@'%' IDENTIFIED BY $(quote "$password");"
      if [[ -n ${MYSQL_DATABASE:-} ]]; then echo "GRANT ALL ON \`$MYSQL_DATABASE\`.* TO '$MYSQL_USER'@'%';"; fi
    fi
    echo "FLUSH PRIVILEGES;"
  } | mariadb --socket=/run/mysqld/init.sock -uroot
  kill "$pid" && wait "$pid"
fi
exec mariadbd --user=mysql --datadir="$datadir" --bind-address=0.0.0.0 --port=3306 "$@"
