#!/bin/sh
# The nginx image's entrypoint (under tini). nginx.conf includes upstreams/api.conf and upstreams/realtime.conf
# from its own folder; in the Swarm their members are the tasks' own addresses (tasks.api, tasks.realtime), so
# nginx balances least_conn over the real API nodes and retries the next one, instead of one virtual IP.
# nginx resolves names only when it starts, and tasks come and go (a crash, `docker service update`), so this
# re-reads the addresses every ABSENSI_UPSTREAM_REFRESH seconds and reloads nginx gracefully when they change.
#   nginx-upstreams.sh run             render, start nginx, keep the members current (the image's command)
#   nginx-upstreams.sh render DIR      render DIR/api.conf and DIR/realtime.conf once
set -eu
api=${ABSENSI_API_TASKS:-tasks.api:3000}
realtime=${ABSENSI_REALTIME_TASKS:-tasks.realtime:8081}
conf=${ABSENSI_NGINX_CONF:-/etc/absensi/nginx.conf}
prefix=${ABSENSI_NGINX_PREFIX:-/srv/absensi/}
refresh=${ABSENSI_UPSTREAM_REFRESH:-2}
getent=${ABSENSI_GETENT:-getent} # the resolver command; tests give their own

# members HOST:PORT [first line]: one `server` line per IPv4 address of HOST, or a placeholder marked down
members() {
  host=${1%:*} port=${1##*:}
  [ -n "${2:-}" ] && echo "$2"
  addresses=$($getent ahostsv4 "$host" 2>/dev/null | awk '{ print $1 }' | sort -u)
  if [ -z "$addresses" ]; then
    echo "server 127.0.0.1:$port down; # $host has no tasks yet"
    return
  fi
  for address in $addresses; do echo "server $address:$port max_fails=1 fail_timeout=5s;"; done
}

# render DIR: rewrites the files that changed; exit status 0 when something changed
render() {
  changed=1
  mkdir -p "$1"
  members "$api" 'least_conn;' >"$1/api.conf.next"
  members "$realtime" >"$1/realtime.conf.next"
  for name in api realtime; do
    if cmp -s "$1/$name.conf.next" "$1/$name.conf"; then
      rm -f "$1/$name.conf.next"
    else
      mv "$1/$name.conf.next" "$1/$name.conf"
      changed=0
    fi
  done
  return $changed
}

case "${1:-run}" in
  render)
    render "${2:?render needs a folder}" || true
    ;;
  run)
    upstreams="$(dirname "$conf")/upstreams"
    render "$upstreams" || true
    mkdir -p "${prefix}logs" "${prefix}temp"
    nginx -p "$prefix" -c "$conf" -e stderr -g 'daemon off;' &
    pid=$!
    trap 'kill -QUIT "$pid" 2>/dev/null || true' TERM QUIT INT
    while kill -0 "$pid" 2>/dev/null; do
      sleep "$refresh" || true
      if render "$upstreams"; then
        echo "nginx-upstreams: members changed, reloading: $(grep -ho 'server [0-9.:]*' "$upstreams"/*.conf | tr '\n' ' ')" >&2
        nginx -p "$prefix" -c "$conf" -e stderr -t -q && kill -HUP "$pid"
      fi
    done
    wait "$pid"
    ;;
  *)
    echo "usage: nginx-upstreams.sh run | render DIR" >&2
    exit 2
    ;;
esac
