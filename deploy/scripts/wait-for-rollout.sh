#!/usr/bin/env bash
# Waits until every service of a stack has converged after `docker stack deploy`: each rolling update completed
# (not paused, not rolled back) and every replica running; the one-shot migration completed (exit 0).
# Usage: wait-for-rollout.sh [STACK=absensi] [TIMEOUT_SECONDS=900]. Talks to the engine of DOCKER_HOST.
set -euo pipefail
stack=${1:-absensi}
timeout=${2:-900}
deadline=$((SECONDS + timeout))

service_state() { # prints "ok", "wait <why>" or "fail <why>"
  local service=$1 update running desired
  update=$(docker service inspect --format '{{if .UpdateStatus}}{{.UpdateStatus.State}}{{end}}' "$service")
  case "$update" in
    rollback_started | rollback_completed | rollback_paused | paused) echo "fail $service: update $update"; return ;;
    updating) echo "wait $service: updating"; return ;;
  esac
  if [[ $service == *_migration ]]; then
    if docker service ps --format '{{.CurrentState}}' "$service" | grep -q '^Complete'; then echo ok; else echo "wait $service: not complete"; fi
    return
  fi
  desired=$(docker service inspect --format '{{if .Spec.Mode.Replicated}}{{.Spec.Mode.Replicated.Replicas}}{{end}}' "$service")
  running=$(docker service ps --filter desired-state=running --format '{{.CurrentState}}' "$service" | grep -c '^Running' || true)
  if [[ -n $desired && $running -lt $desired ]]; then echo "wait $service: $running/$desired running"; else echo ok; fi
}

services=$(docker stack services --format '{{.Name}}' "$stack")
[[ -n $services ]] || { echo "stack $stack has no services" >&2; exit 1; }
while :; do
  pending=() pending_services=()
  for service in $services; do
    state=$(service_state "$service")
    case "$state" in
      ok) ;;
      fail*) echo "${state#fail }" >&2; docker service ps --no-trunc "$service" >&2 || true; exit 1 ;;
      *) pending+=("${state#wait }") pending_services+=("$service") ;;
    esac
  done
  if [[ ${#pending[@]} -eq 0 ]]; then echo "stack $stack converged"; exit 0; fi
  if ((SECONDS >= deadline)); then
    printf 'still waiting after %ss:\n' "$timeout" >&2
    printf '  %s\n' "${pending[@]}" >&2
    for service in "${pending_services[@]}"; do # why: the tasks' errors, and the end of their logs
      docker service ps --no-trunc --format '{{.Name}} {{.CurrentState}} {{.Error}}' "$service" >&2 || true
      docker service logs --no-task-ids --tail 20 "$service" >&2 || true
    done
    exit 1
  fi
  sleep 5
done
