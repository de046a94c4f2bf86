# Test stand-in for mysql:8.0 on a machine without a registry: Debian's MariaDB, initialised from the same
# variables as the official MySQL image (MYSQL_DATABASE, MYSQL_USER, MYSQL_PASSWORD[_FILE],
# MYSQL_ROOT_PASSWORD[_FILE]). Used by the Swarm test through MYSQL_IMAGE; production runs mysql:8.0.
ARG DEBIAN_IMAGE=debian:bookworm-slim
FROM ${DEBIAN_IMAGE}
RUN apt-get update && apt-get install -y --no-install-recommends mariadb-server mariadb-client tini \
 && rm -rf /var/lib/apt/lists/* /var/lib/mysql/* \
 && mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld /var/lib/mysql
COPY docker/swarm-test/mariadb-entrypoint.sh /usr/local/bin/mariadb-entrypoint
VOLUME /var/lib/mysql
EXPOSE 3306
ENTRYPOINT ["/usr/bin/tini", "--", "/usr/local/bin/mariadb-entrypoint"]
