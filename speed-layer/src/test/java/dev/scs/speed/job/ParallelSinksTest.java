package dev.scs.speed.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scs.speed.port.OutcomeSink;
import dev.scs.speed.scoring.MicroBatchOutcome;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParallelSinksTest {
  private static final MicroBatchOutcome BATCH_7 =
      new MicroBatchOutcome(7, 0, List.of(), List.of(), List.of(), List.of());

  @TempDir Path checkpoint;

  @Test
  void aFailingSinkFailsTheBatchNamingItWhileTheOthersAreMarkedWritten() {
    CheckpointFiles files = new CheckpointFiles(new Configuration(), checkpoint.toString());
    CountingSink healthy = new CountingSink("healthy");
    OutcomeSink broken =
        sink(
            "broken",
            () -> {
              throw new IllegalStateException("server down");
            });

    assertThatThrownBy(() -> new ParallelSinks(List.of(broken, healthy), files).write(BATCH_7))
        .hasMessage("sink broken failed on micro-batch 7: server down");
    assertThat(files.isWritten("healthy", 7)).isTrue();
    assertThat(files.isWritten("broken", 7)).isFalse();
  }

  @Test
  void aSinkMarkedWrittenIsNotWrittenAgain() {
    CheckpointFiles files = new CheckpointFiles(new Configuration(), checkpoint.toString());
    CountingSink first = new CountingSink("first");
    CountingSink second = new CountingSink("second");
    files.markWritten("first", 7);

    assertThat(new ParallelSinks(List.of(first, second), files).write(BATCH_7))
        .containsOnlyKeys("second");
    assertThat(first.writes.get()).isZero();
    assertThat(second.writes.get()).isEqualTo(1);
  }

  private static final class CountingSink implements OutcomeSink {
    private final String name;
    private final AtomicInteger writes = new AtomicInteger();

    CountingSink(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void write(MicroBatchOutcome outcome) {
      writes.incrementAndGet();
    }
  }

  private static OutcomeSink sink(String name, Runnable write) {
    return new OutcomeSink() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void write(MicroBatchOutcome outcome) {
        write.run();
      }
    };
  }
}
