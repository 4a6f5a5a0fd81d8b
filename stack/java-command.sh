#!/usr/bin/env bash
# Runs a subcommand of one module's runnable jar: stack/java-command.sh MODULE SUBCOMMAND [ARGS...]
# Builds the jar first when it is missing or older than the sources it is made from.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$SCS_ROOT"

module=$1
shift

jar_of() { ls "$SCS_ROOT/$module"/target/scs-"$module"-*-shaded.jar 2>/dev/null | head -n 1 || true; }

jar=$(jar_of)
# The jar bundles schemas/, scoring-core/ and stores/, so a change there also means a rebuild.
# SCS_SKIP_BUILD=1 takes the jar as it is (the demo sets it after building everything once).
if [ -z "$jar" ] || { [ "${SCS_SKIP_BUILD:-0}" != 1 ] && [ -n "$(find "$module" schemas scoring-core stores pom.xml -newer "$jar" \
  \( -name '*.java' -o -name 'pom.xml' -o -path '*/resources/*' -o -path 'schemas/*' \) \
  -not -path '*/target/*' -print -quit 2>/dev/null)" ]; }; then
  step "building $module (Maven; the first build downloads dependencies)" >&2
  mvn -B -q -pl "$module" -am package -DskipTests -Dspotless.check.skip=true >&2 ||
    die "building $module failed; run: mvn -pl $module -am package"
  jar=$(jar_of)
  [ -n "$jar" ] || die "the build of $module produced no shaded jar under $module/target"
fi

# Spark on JDK 17 needs these (see shared/guide/stack-facts.md); SCS_JAVA_HEAP sizes the driver,
# SCS_JAVA_GC picks the collector (empty: the JVM's default, G1).
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
# shellcheck disable=SC2086 # the GC options are words
exec java -Xmx"${SCS_JAVA_HEAP:-4g}" ${SCS_JAVA_GC:-} \
  --add-exports=java.base/sun.nio.ch=ALL-UNNAMED \
  --add-opens=java.base/java.lang=ALL-UNNAMED \
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
  --add-opens=java.base/java.nio=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
  --add-opens=java.base/java.util=ALL-UNNAMED \
  ${SCS_JAVA_OPTS:-} -jar "$jar" "$@"
