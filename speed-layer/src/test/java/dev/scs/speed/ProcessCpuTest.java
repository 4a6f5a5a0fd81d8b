package dev.scs.speed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {
  @Test
  void processesAreNamedByTheServerTheyRun() {
    assertThat(
            ProcessCpu.nameOf(
                "java -Xmx2G -cp lib/* org.apache.cassandra.service.CassandraDaemon", false))
        .isEqualTo("cassandra");
    assertThat(ProcessCpu.nameOf("java -cp libs/* kafka.Kafka server.properties", false))
        .isEqualTo("kafka");
    assertThat(ProcessCpu.nameOf("/cache/bin/ferretdb --handler=sqlite", false))
        .isEqualTo("ferretdb");
    assertThat(ProcessCpu.nameOf("/cache/bin/influxd run -config x", false)).isEqualTo("influxdb");
    assertThat(ProcessCpu.nameOf("/cache/bin/dgraph zero --my=127.0.0.1:5080", false))
        .isEqualTo("dgraph");
    assertThat(ProcessCpu.nameOf("bash", false)).isEqualTo("other");
    assertThat(ProcessCpu.nameOf("java dev.scs.speed.SpeedLayerBenchmark", true))
        .isEqualTo(ProcessCpu.THIS_JVM);
  }

  @Test
  void perEventSplitsTheCpuByPartLargestFirstWithTheTotalAndHowBusyTheCoresWere() {
    ProcessCpu.Snapshot before =
        new ProcessCpu.Snapshot(Map.of("cassandra", 1_000L, "kafka", 50L), 0L);
    // 10 s of wall time on 2 cores; 100 000 events
    ProcessCpu.Snapshot after =
        new ProcessCpu.Snapshot(
            Map.of("cassandra", 1_900L, "kafka", 70L, ProcessCpu.THIS_JVM, 500L, "other", 50L),
            10_000_000_000L);

    assertThat(ProcessCpu.perEvent(before, after, 100_000, 2))
        .isEqualTo(
            "CPU µs/event: cassandra 90, job+producer 50, other 5, kafka 2; all 147, cores 74 %"
                + " busy");
  }

  @Test
  void withoutProcThereIsNothingToReport() {
    ProcessCpu.Snapshot none = new ProcessCpu.Snapshot(Map.of(), 0L);

    assertThat(ProcessCpu.perEvent(none, none, 100, 2))
        .isEqualTo("CPU by process: not available (no /proc)");
  }

  @Test
  void aSnapshotOfThisMachineCountsThisJvm() {
    ProcessCpu.Snapshot snapshot = ProcessCpu.take();

    if (java.nio.file.Files.isDirectory(java.nio.file.Path.of("/proc"))) {
      assertThat(snapshot.ticksByName()).containsKey(ProcessCpu.THIS_JVM);
    } else {
      assertThat(snapshot.ticksByName()).isEmpty();
    }
  }
}
