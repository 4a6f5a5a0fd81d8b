# Apache Kafka, one KRaft node that is both broker (PLAINTEXT 127.0.0.1:9092) and controller
# (127.0.0.1:9093). Jars from Maven Central as listed in stack/jvm/kafka/pom.xml; config from
# stack/conf/kafka. Sourced by stack/stack.sh, which defines the contract of these functions.

KAFKA_POM="$SCS_ROOT/stack/jvm/kafka/pom.xml"
KAFKA_VERSION=$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$KAFKA_POM")
KAFKA_LIB="$SCS_CACHE/kafka-$KAFKA_VERSION/lib"
KAFKA_CONF="$SCS_ROOT/stack/conf/kafka"
SERVICE_ADDRESS=127.0.0.1:9092
service_ready_timeout=60

# Runs one of Kafka's classes (heap and class name follow) with its jars and logging config.
KAFKA_JAVA=(java -Djava.awt.headless=true "-Dlog4j2.configurationFile=$KAFKA_CONF/log4j2.properties"
  -cp "$KAFKA_LIB/*")

service_install() {
  if [ -d "$KAFKA_LIB" ]; then
    info "kafka $KAFKA_VERSION already in $KAFKA_LIB"
    return 0
  fi
  info "resolving kafka_2.13 $KAFKA_VERSION from Maven Central into $KAFKA_LIB (first run only)"
  maven_copy_dependencies "$KAFKA_POM" "$KAFKA_LIB"
}

service_start() {
  local data cluster_id
  data=$(service_data_dir "$SERVICE_NAME")
  mkdir -p "$data"
  sed "s|@DATA_DIR@|$data|g" "$KAFKA_CONF/server.properties" >"$data/server.properties"
  # KRaft storage must be formatted with a cluster id once; later starts reuse it.
  if [ ! -f "$data/kraft-logs/meta.properties" ]; then
    info "formatting the KRaft storage in $data/kraft-logs (first start only)"
    cluster_id=$("${KAFKA_JAVA[@]}" -Xmx64m -Dkafka.log.level=WARN kafka.tools.StorageTool random-uuid)
    "${KAFKA_JAVA[@]}" -Xmx128m -Dkafka.log.level=WARN kafka.tools.StorageTool format \
      -t "$cluster_id" -c "$data/server.properties" | sed 's/^/    /'
  fi
  start_daemon "$SERVICE_NAME" "${KAFKA_JAVA[@]}" -Xms512m -Xmx512m kafka.Kafka "$data/server.properties"
}

# logged_since_start TEXT : true when the log written since the last start contains TEXT.
logged_since_start() {
  awk -v text="$1" -v marker="starting $SERVICE_NAME" \
    'index($0, "==== ") == 1 && index($0, marker) { seen = 0 } index($0, text) { seen = 1 } END { exit !seen }' \
    "$(service_log_file "$SERVICE_NAME")" 2>/dev/null
}

service_healthy() {
  port_open 127.0.0.1 9092 && logged_since_start 'Kafka Server started'
}

service_version() {
  [ -d "$KAFKA_LIB" ] && echo "$KAFKA_VERSION"
}
