package dev.scs.simulator.commands;

import com.mongodb.client.MongoClient;
import dev.scs.simulator.SimulatorConfig;
import dev.scs.stores.mongodb.MongoConnections;
import dev.scs.stores.mongodb.RuleImport;
import dev.scs.stores.mongodb.RuleImportRefusedException;
import dev.scs.stores.mongodb.RuleStore;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "Manages the rule set in MongoDB.",
    subcommands = {RulesCommand.Import.class})
public final class RulesCommand implements Callable<Integer> {
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
        "Adds the rule versions of a JSON array (schemas/json/rule-set.schema.json) to the",
        "stored set. The file is checked whole, together with the versions already stored:",
        "a version that breaks the grammar, overlaps another version of its rule in time, or",
        "reuses a stored version number with other content refuses the whole file, naming the",
        "rule and the field; nothing is written then. Versions stored already, unchanged, are",
        "left as they are, so importing a file twice changes nothing."
      })
  static final class Import implements Callable<Integer> {
    @Spec private CommandSpec spec;

    @Parameters(paramLabel = "FILE.json", description = "The rule versions to add.")
    private Path file;

    @Override
    public Integer call() {
      String json = InputFiles.read(file);
      SimulatorConfig settings = SimulatorConfig.fromSystemProperties();
      RuleImport imported;
      try (MongoClient client = MongoConnections.open(settings.stores())) {
        imported = new RuleStore(MongoConnections.database(client, settings.stores())).add(json);
      } catch (RuleImportRefusedException refused) {
        throw new IllegalArgumentException(file + ": " + refused.getMessage());
      }
      spec.commandLine()
          .getOut()
          .println(
              "rules import: "
                  + imported.added().size()
                  + " versions added"
                  + (imported.added().isEmpty() ? "" : " " + imported.added())
                  + ", "
                  + imported.unchanged().size()
                  + " already stored");
      return 0;
    }
  }
}
