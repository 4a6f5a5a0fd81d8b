package dev.scs.simulator.seed;

import dev.scs.stores.StoreSettings;
import dev.scs.stores.dgraph.DgraphConnection;
import dev.scs.stores.influxdb.InfluxLayout;
import dev.scs.stores.kafka.ProjectTopics;
import dev.scs.stores.setup.ContractSetup;
import dev.scs.stores.setup.SetupStep;
import dev.scs.stores.setup.SetupStep.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Removes all of the project's data: the topics, the keyspace, the MongoDB database, the InfluxDB
 * databases, the Dgraph citizen nodes, and the local folders of derived state (streaming
 * checkpoints, the Parquet lake). What is already absent is reported as such, so a second reset is
 * harmless.
 *
 * <p>Dgraph has no keyspace or database to name: the project's world (no citizen id prefix) loses
 * every citizen node, as {@link ContractSetup#remove} does; a world under a prefix loses only the
 * nodes under it, so that it can share Dgraph with the project's world and with other runs.
 */
public final class ProjectReset {
  private final StoreSettings stores;
  private final ProjectTopics topics;
  private final InfluxLayout influxLayout;
  private final String citizenIdPrefix;
  private final List<Path> folders;

  public ProjectReset(
      StoreSettings stores,
      ProjectTopics topics,
      InfluxLayout influxLayout,
      String citizenIdPrefix,
      List<Path> folders) {
    this.stores = stores;
    this.topics = topics;
    this.influxLayout = influxLayout;
    this.citizenIdPrefix = citizenIdPrefix;
    this.folders = List.copyOf(folders);
  }

  public List<SetupStep> run(Consumer<SetupStep> progress) {
    List<SetupStep> steps = new ArrayList<>();
    Consumer<List<SetupStep>> record =
        done -> {
          done.forEach(progress);
          steps.addAll(done);
        };
    ContractSetup contracts = new ContractSetup(stores, topics, influxLayout);
    if (citizenIdPrefix.isEmpty()) {
      contracts.remove(record);
    } else {
      contracts.keepingTheGraph().remove(record);
      try (DgraphConnection dgraph = DgraphConnection.open(stores)) {
        record.accept(List.of(new DgraphWorld(dgraph.client()).removeUnder(citizenIdPrefix)));
      }
    }
    for (Path folder : folders) {
      SetupStep step = SetupStep.of("local", "folder " + folder, removeFolder(folder));
      progress.accept(step);
      steps.add(step);
    }
    return steps;
  }

  static Outcome removeFolder(Path folder) {
    Path absolute = folder.toAbsolutePath().normalize();
    if (absolute.getNameCount() < 2) {
      throw new IllegalArgumentException("refusing to remove " + absolute + ": too close to /");
    }
    if (!Files.exists(absolute)) {
      return Outcome.ABSENT;
    }
    try {
      Files.walkFileTree(
          absolute,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException failure)
                throws IOException {
              if (failure != null) {
                throw failure;
              }
              Files.delete(directory);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + absolute + ": " + e.getMessage(), e);
    }
    return Outcome.REMOVED;
  }
}
