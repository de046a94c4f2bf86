#!/usr/bin/env bash
# Three Swarm hosts on one Linux machine, for `npm run test:swarm`: three Docker engines (Debian's docker.io),
# each in its own network namespace (plus its own mount and UTS namespace), on a bridge of their own, joined into
# one Swarm. Everything it makes is its own and named for it, and `down` removes all of it, whatever state a run
# left behind:
#   network namespaces absensi-h1..3, the bridge absbr0 (10.88.0.1/24) with veths absvN/absvNp, hosts at
#   10.88.0.11-13 (eth0 inside), one iptables rule in the root FORWARD chain (comment absensi-swarm-hosts),
#   and the folder $ABSENSI_SWARM_ROOT/hosts (each engine's socket, data, exec root, pidfile and log).
# The hosts have no default route: nothing leaves 10.88.0.0/24 (images come from the root namespace's engine
# by `docker save | docker load`, see `load`).
#
# Usage: hosts.sh up | swarm | load IMAGE... | cut N | restore N | down
#   up         the namespaces, the bridge and the engines (cleans up a previous run first)
#   swarm      h1 initialises the Swarm (the only manager), h2 and h3 join as workers, the nodes get their labels
#   load IMG.. copies images from the engine of ROOT_DOCKER_HOST to the three hosts, in parallel
#   cut N      takes host N off the network (its link down): a host lost, its containers still running
#   restore N  brings the link back; the host rejoins
#   down       stops the engines by their PIDs and removes everything above
# For a command on host N: DOCKER_HOST=unix://$ABSENSI_SWARM_ROOT/hosts/hN/docker.sock docker ...
set -uo pipefail

root=${ABSENSI_SWARM_ROOT:-/tmp/absensi-swarm}/hosts
bridge=absbr0
net=10.88.0
hosts=(1 2 3)
rule=(FORWARD -i "$bridge" -o "$bridge" -j ACCEPT -m comment --comment absensi-swarm-hosts)

# The test's three hosts double up the roles a production swarm gives to separate nodes (docs/deploy.md):
#   h1  manager, data (MySQL, Redis), edge (nginx), app
#   h2  app                       <- the host the test cuts off
#   h3  app, realtime
labels_1=(absensi.data=true absensi.edge=true absensi.app=true)
labels_2=(absensi.app=true)
labels_3=(absensi.app=true absensi.realtime=true)

address() { echo "$net.1$1"; }
on() { # on N docker-args...: the docker client against host N's engine
  local n=$1
  shift
  DOCKER_HOST="unix://$root/h$n/docker.sock" docker "$@"
}
say() { echo "[hosts] $*"; }

start_engine() {
  local n=$1 dir=$root/h$1
  mkdir -p "$dir/data" "$dir/exec" "$dir/etc-docker" "$dir/cgroup"
  # Not `ip netns exec`: it remounts /sys, which hides the cgroup mounts dockerd needs. Instead: enter the
  # network namespace, take a mount and a UTS namespace of our own, carry the cgroup mounts over a fresh sysfs
  # (the namespace's own network devices), give the engine a private /etc/docker (its own key.json, hence its
  # own engine ID) and a hostname that `docker node ls` shows.
  setsid nsenter --net="/run/netns/absensi-h$n" unshare --mount --uts sh -c "
      mount --rbind /sys/fs/cgroup '$dir/cgroup' &&
      mount -t sysfs sysfs /sys && mount --rbind '$dir/cgroup' /sys/fs/cgroup && umount -l '$dir/cgroup' &&
      mount --bind '$dir/etc-docker' /etc/docker && hostname absensi-h$n &&
      exec dockerd --data-root '$dir/data' --exec-root '$dir/exec' --pidfile '$dir/docker.pid' \
        --host 'unix://$dir/docker.sock' --bip 10.89.$n.1/24 \
        --default-address-pool base=10.90.0.0/16,size=24 --dns $net.1" \
    >"$dir/dockerd.log" 2>&1 </dev/null &
  disown $!
}

wait_engine() {
  local n=$1
  for _ in $(seq 1 120); do
    on "$n" version >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "the engine of h$n did not start; the end of its log:" >&2
  tail -30 "$root/h$n/dockerd.log" >&2
  return 1
}

cmd_up() {
  if [[ -e /run/netns/absensi-h1 || -d /sys/class/net/$bridge || -d $root ]]; then
    say "a previous run left hosts behind: removing them first"
    cmd_down
  fi
  ip link add "$bridge" type bridge &&
    ip addr add "$net.1/24" dev "$bridge" &&
    ip link set "$bridge" up || return 1
  # Once any engine has run, the root namespace forwards nothing by default (policy DROP), and bridged
  # traffic passes iptables: let traffic that stays on this bridge through.
  iptables -I "${rule[@]:0:1}" 1 "${rule[@]:1}" || return 1
  for n in "${hosts[@]}"; do
    ip netns add "absensi-h$n" &&
      ip link add "absv$n" type veth peer name "absv${n}p" &&
      ip link set "absv${n}p" netns "absensi-h$n" &&
      ip link set "absv$n" master "$bridge" up &&
      ip -n "absensi-h$n" link set lo up &&
      ip -n "absensi-h$n" link set "absv${n}p" name eth0 &&
      ip -n "absensi-h$n" addr add "$(address "$n")/24" dev eth0 &&
      ip -n "absensi-h$n" link set eth0 up || return 1
  done
  for n in "${hosts[@]}"; do start_engine "$n"; done
  for n in "${hosts[@]}"; do wait_engine "$n" || return 1; done
  say "engines up: $(for n in "${hosts[@]}"; do printf 'h%s=%s (pid %s) ' "$n" "$(address "$n")" "$(cat "$root/h$n/docker.pid")"; done)"
}

cmd_swarm() {
  on 1 swarm init --advertise-addr "$(address 1)" --data-path-addr "$(address 1)" \
    --default-addr-pool 10.91.0.0/16 --default-addr-pool-mask-length 24 >/dev/null || return 1
  local token
  token=$(on 1 swarm join-token -q worker) || return 1
  for n in "${hosts[@]:1}"; do
    on "$n" swarm join --token "$token" --advertise-addr "$(address "$n")" \
      --data-path-addr "$(address "$n")" "$(address 1):2377" >/dev/null || return 1
  done
  local ready=0
  for _ in $(seq 1 60); do
    ready=$(on 1 node ls --format '{{.Status}}' | grep -c '^Ready$')
    [[ $ready == "${#hosts[@]}" ]] && break
    sleep 1
  done
  [[ $ready == "${#hosts[@]}" ]] || { on 1 node ls >&2; return 1; }
  for n in "${hosts[@]}"; do
    local -n labels="labels_$n"
    local args=()
    for label in "${labels[@]}"; do args+=(--label-add "$label"); done
    on 1 node update "${args[@]}" "absensi-h$n" >/dev/null || return 1
  done
  on 1 node ls --format '{{.Hostname}} {{.Status}} {{.ManagerStatus}}'
  for n in "${hosts[@]}"; do
    echo "absensi-h$n labels: $(on 1 node inspect --format '{{range $k, $v := .Spec.Labels}}{{$k}}={{$v}} {{end}}' "absensi-h$n")"
  done
}

cmd_load() {
  [[ $# -gt 0 ]] || { echo "load needs image names" >&2; return 2; }
  : "${ROOT_DOCKER_HOST:?load copies from the engine of ROOT_DOCKER_HOST}"
  DOCKER_HOST=$ROOT_DOCKER_HOST docker save "$@" |
    tee >(on 1 load -q >/dev/null) >(on 2 load -q >/dev/null) | on 3 load -q >/dev/null || return 1
  # the process substitutions may still be loading: wait until every host has every image
  for n in "${hosts[@]}"; do
    for image in "$@"; do
      for _ in $(seq 1 120); do on "$n" image inspect "$image" >/dev/null 2>&1 && break; sleep 0.5; done
      on "$n" image inspect "$image" >/dev/null 2>&1 || { echo "h$n has no $image" >&2; return 1; }
    done
  done
}

cmd_cut() { ip link set "absv${1:?cut which host}" down; }
cmd_restore() { ip link set "absv${1:?restore which host}" up; }

cmd_down() {
  for n in "${hosts[@]}"; do
    local pidfile=$root/h$n/docker.pid
    [[ -f $pidfile ]] && kill -TERM "$(cat "$pidfile")" 2>/dev/null
  done
  for n in "${hosts[@]}"; do
    local pidfile=$root/h$n/docker.pid pid
    [[ -f $pidfile ]] || continue
    pid=$(cat "$pidfile")
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && { say "h$n: dockerd $pid still running after 30 s, SIGKILL"; kill -KILL "$pid"; }
  done
  # What an engine killed hard leaves: its containerd, shims and their containers, found by our folder in their
  # command line and stopped by PID.
  local pid
  for pid in $(ps -eo pid=,args= | awk -v dir="$root/" 'index($0, dir) && $2 ~ /(dockerd|containerd|runc)/ { print $1 }'); do
    [[ $pid == "$$" ]] || kill -KILL "$pid" 2>/dev/null
  done
  for n in "${hosts[@]}"; do ip netns del "absensi-h$n" 2>/dev/null; done
  for n in "${hosts[@]}"; do ip link del "absv$n" 2>/dev/null; done
  ip link del "$bridge" 2>/dev/null
  while iptables -D "${rule[@]}" 2>/dev/null; do :; done
  # mounts of ours still seen from here (the engines' own are in their mount namespaces, gone with them)
  grep -o " $root/[^ ]*" /proc/mounts | sort -r | while read -r point; do umount -l "$point" 2>/dev/null; done
  rm -rf "$root"
  say "hosts removed"
}

case ${1:-} in
  up) cmd_up ;;
  swarm) cmd_swarm ;;
  load) shift && cmd_load "$@" ;;
  cut) cmd_cut "${2:-}" ;;
  restore) cmd_restore "${2:-}" ;;
  down) cmd_down ;;
  *)
    echo "usage: hosts.sh up | swarm | load IMAGE... | cut N | restore N | down" >&2
    exit 2
    ;;
esac
