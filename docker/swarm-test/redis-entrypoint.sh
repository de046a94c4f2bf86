#!/bin/sh
# As the official redis image does: a redis-server started without a config file accepts connections from
# the network (protected mode off), since the overlay network is its only way in.
set -eu
if [ "${1:-}" = redis-server ]; then
  shift
  set -- redis-server --protected-mode no "$@"
fi
exec "$@"
