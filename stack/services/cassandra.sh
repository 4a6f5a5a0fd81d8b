# Apache Cassandra 5.0, one node with CQL on 127.0.0.1:9042 (gossip on 7000, no JMX). Jars from
# Maven Central as listed in stack/jvm/cassandra/pom.xml; config from stack/conf/cassandra.
# Sourced by stack/stack.sh, which defines the contract of these functions.

CASSANDRA_POM="$SCS_ROOT/stack/jvm/cassandra/pom.xml"
CASSANDRA_VERSION=$(sed -n 's:.*<cassandra.version>\(.*\)</cassandra.version>.*:\1:p' "$CASSANDRA_POM")
CASSANDRA_LIB="$SCS_CACHE/cassandra-$CASSANDRA_VERSION/lib"
CASSANDRA_CONF="$SCS_ROOT/stack/conf/cassandra"
SERVICE_ADDRESS=127.0.0.1:9042

service_install() {
  if [ -d "$CASSANDRA_LIB" ]; then
    info "cassandra $CASSANDRA_VERSION already in $CASSANDRA_LIB"
    return 0
  fi
  info "resolving cassandra-all $CASSANDRA_VERSION from Maven Central into $CASSANDRA_LIB (first run only)"
  maven_copy_dependencies "$CASSANDRA_POM" "$CASSANDRA_LIB"
}

service_start() {
  local data jamm
  data=$(service_data_dir "$SERVICE_NAME")
  # Cassandra warns at every schema change when the folder for trigger jars is missing.
  mkdir -p "$data/triggers"
  sed "s|@DATA_DIR@|$data|g" "$CASSANDRA_CONF/cassandra.yaml" >"$data/cassandra.yaml"
  # Cassandra measures memtable sizes with jamm, loaded as an agent like its own launcher does.
  jamm=$(echo "$CASSANDRA_LIB"/jamm-*.jar)
  # 2 GB heap (memtables live off it, see cassandra.yaml): with 1 GB the speed benchmark's
  # micro-batches at 5 000 events/s were slower (BENCHMARKS.md, "Session 7"), and the whole stack
  # still leaves most of the machine to Spark. Without cassandra-foreground the daemon closes
  # stdout, its log. Gossip is not waited for: this node is its only seed.
  start_daemon "$SERVICE_NAME" java "@$CASSANDRA_CONF/jvm17.options" -Xms2G -Xmx2G \
    "-javaagent:$jamm" \
    "-Dcassandra.config=file://$data/cassandra.yaml" \
    "-Dcassandra.storagedir=$data" \
    "-Dcassandra.triggers_dir=$data/triggers" \
    "-Dlogback.configurationFile=$CASSANDRA_CONF/logback.xml" \
    -Dcassandra-foreground=yes \
    -Dcassandra.skip_wait_for_gossip_to_settle=0 \
    -Djava.net.preferIPv4Stack=true \
    -cp "$CASSANDRA_LIB/*" org.apache.cassandra.service.CassandraDaemon
}

# logged_since_start TEXT : true when the log written since the last start contains TEXT.
logged_since_start() {
  awk -v text="$1" -v marker="starting $SERVICE_NAME" \
    'index($0, "==== ") == 1 && index($0, marker) { seen = 0 } index($0, text) { seen = 1 } END { exit !seen }' \
    "$(service_log_file "$SERVICE_NAME")" 2>/dev/null
}

service_healthy() {
  port_open 127.0.0.1 9042 && logged_since_start 'Startup complete'
}

service_version() {
  [ -d "$CASSANDRA_LIB" ] && echo "$CASSANDRA_VERSION"
}
