package dev.scs.speed.job;

import dev.scs.speed.scoring.BatchInputs;
import dev.scs.speed.scoring.BatchInputsJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The speed layer's own files beside Spark's checkpoint, so that they live and die with it: each
 * micro-batch's journaled inputs, and which sinks finished which micro-batch. Written through
 * Hadoop's FileSystem, so a checkpoint on HDFS or object storage works as a local one does.
 *
 * <pre>
 * CHECKPOINT/scs-speed-layer/inputs/BATCH_ID.json       the answers the micro-batch got
 * CHECKPOINT/scs-speed-layer/sinks/SINK_NAME/BATCH_ID   present once the sink wrote the batch
 * </pre>
 */
public final class CheckpointFiles {
  /** Spark re-runs at most the last uncommitted micro-batch; a few more are kept to debug. */
  static final int RETAINED_BATCHES = 10;

  private final FileSystem fileSystem;
  private final Path inputs;
  private final Path sinks;

  public CheckpointFiles(Configuration hadoopConfiguration, String checkpointLocation) {
    Path root = new Path(checkpointLocation, "scs-speed-layer");
    try {
      this.fileSystem = root.getFileSystem(hadoopConfiguration);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot open the checkpoint location " + checkpointLocation, e);
    }
    this.inputs = new Path(root, "inputs");
    this.sinks = new Path(root, "sinks");
  }

  public Optional<BatchInputs> journaled(long batchId) {
    Path file = new Path(inputs, batchId + ".json");
    try {
      if (!fileSystem.exists(file)) {
        return Optional.empty();
      }
      try (InputStream in = fileSystem.open(file)) {
        return Optional.of(BatchInputsJson.read(in));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Writes the journal whole or not at all: a crash leaves no half-written file behind. */
  public void journal(long batchId, BatchInputs batchInputs) {
    Path file = new Path(inputs, batchId + ".json");
    Path temporary = new Path(inputs, "." + batchId + "-" + UUID.randomUUID() + ".tmp");
    try {
      try (OutputStream out = fileSystem.create(temporary, true)) {
        BatchInputsJson.write(batchInputs, out);
      }
      fileSystem.delete(file, false);
      if (!fileSystem.rename(temporary, file)) {
        throw new IOException("rename " + temporary + " to " + file + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot journal micro-batch " + batchId, e);
    }
  }

  public boolean isWritten(String sinkName, long batchId) {
    try {
      return fileSystem.exists(new Path(new Path(sinks, sinkName), String.valueOf(batchId)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the progress of sink " + sinkName, e);
    }
  }

  public void markWritten(String sinkName, long batchId) {
    Path marker = new Path(new Path(sinks, sinkName), String.valueOf(batchId));
    try {
      fileSystem.create(marker, true).close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record the progress of sink " + sinkName, e);
    }
  }

  /** Deletes journals and sink markers of micro-batches before {@code batchId}. */
  public void forgetBefore(long batchId) {
    try {
      deleteNumberedBefore(inputs, batchId);
      if (fileSystem.exists(sinks)) {
        for (FileStatus sink : fileSystem.listStatus(sinks)) {
          deleteNumberedBefore(sink.getPath(), batchId);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean up " + inputs.getParent(), e);
    }
  }

  private void deleteNumberedBefore(Path folder, long batchId) throws IOException {
    if (!fileSystem.exists(folder)) {
      return;
    }
    for (FileStatus file : fileSystem.listStatus(folder)) {
      String name = file.getPath().getName();
      String number = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
      if (number.chars().allMatch(Character::isDigit)
          && !number.isEmpty()
          && Long.parseLong(number) < batchId) {
        fileSystem.delete(file.getPath(), false);
      }
    }
  }
}
