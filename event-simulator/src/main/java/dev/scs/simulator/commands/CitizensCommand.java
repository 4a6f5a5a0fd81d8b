package dev.scs.simulator.commands;

import com.mongodb.client.MongoClient;
import dev.scs.simulator.SimulatorConfig;
import dev.scs.simulator.output.Progress;
import dev.scs.stores.mongodb.CitizenProfile;
import dev.scs.stores.mongodb.CitizenStore;
import dev.scs.stores.mongodb.CitizenWrite;
import dev.scs.stores.mongodb.InvalidCitizenException;
import dev.scs.stores.mongodb.MongoConnections;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "citizens",
    mixinStandardHelpOptions = true,
    description = "Registers citizens in MongoDB.",
    subcommands = {CitizensCommand.Import.class})
public final class CitizensCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return CommandLine.ExitCode.USAGE;
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Registers the citizens of a JSON Lines file, one citizen per line",
        "(schemas/json/citizen.schema.json): only citizen_id is required; name, region,",
        "birth_year, occupation and household_id are optional and, when given, replace the",
        "stored ones. A citizen already registered keeps every field the line leaves out.",
        "Every line is checked first; one invalid line refuses the whole file."
      })
  static final class Import implements Callable<Integer> {
    @Spec private CommandSpec spec;

    @Parameters(paramLabel = "FILE.jsonl", description = "The citizens file.")
    private Path file;

    @Override
    public Integer call() throws IOException {
      InputFiles.requireReadable(file);
      List<CitizenProfile> profiles = read(file);
      SimulatorConfig settings = SimulatorConfig.fromSystemProperties();
      spec.commandLine()
          .getErr()
          .printf(
              Locale.ROOT,
              "citizens import: writing %,d citizens to MongoDB database %s%n",
              profiles.size(),
              settings.stores().mongodbDatabase());
      CitizenWrite write;
      try (MongoClient client = MongoConnections.open(settings.stores())) {
        write =
            new CitizenStore(MongoConnections.database(client, settings.stores())).upsert(profiles);
      }
      spec.commandLine()
          .getOut()
          .printf(
              Locale.ROOT,
              "citizens import: %,d lines of %s: %,d new citizens, %,d updated, %,d unchanged%n",
              profiles.size(),
              file,
              write.inserted(),
              write.updated(),
              write.unchanged());
      return 0;
    }

    private List<CitizenProfile> read(Path file) throws IOException {
      List<CitizenProfile> profiles = new ArrayList<>();
      Progress progress =
          new Progress(spec.commandLine().getErr(), "citizens import: checked", "lines", 0);
      try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
          number++;
          if (line.isBlank()) {
            continue;
          }
          try {
            profiles.add(CitizenProfile.fromJson(line));
          } catch (InvalidCitizenException e) {
            throw new IllegalArgumentException(
                file + " line " + number + ": " + e.getMessage() + "; nothing imported");
          }
          progress.update(number);
        }
      }
      return profiles;
    }
  }
}
