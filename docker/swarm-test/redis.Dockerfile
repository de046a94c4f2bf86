# Test stand-in for redis:7 on a machine without a registry: Debian's Redis 7, run as redis with /data for
# the AOF, as the official image. Used by the Swarm test through REDIS_IMAGE.
ARG DEBIAN_IMAGE=debian:bookworm-slim
FROM ${DEBIAN_IMAGE}
RUN apt-get update && apt-get install -y --no-install-recommends redis-server redis-tools tini \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /data && chown redis:redis /data
COPY docker/swarm-test/redis-entrypoint.sh /usr/local/bin/redis-entrypoint
VOLUME /data
WORKDIR /data
USER redis
EXPOSE 6379
ENTRYPOINT ["/usr/bin/tini", "--", "/usr/local/bin/redis-entrypoint"]
CMD ["redis-server"]
