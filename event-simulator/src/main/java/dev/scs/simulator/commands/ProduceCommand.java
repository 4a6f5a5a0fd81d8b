package dev.scs.simulator.commands;

import dev.scs.simulator.SimulatorConfig;
import dev.scs.simulator.output.JsonLinesPublisher;
import dev.scs.simulator.output.KafkaRecordSink;
import dev.scs.simulator.output.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "produce",
    mixinStandardHelpOptions = true,
    description = {
      "Publishes each line of a JSON Lines file as it is (malformed lines included), in file",
      "order, to topic citizen-events, keyed by the line's citizen_id when one can be read",
      "(else with no key). Blank lines are skipped. This is how recorded or hand-written",
      "events are fed in; the speed layer rejects the bad ones to the dead-letter topic."
    })
public final class ProduceCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(
      names = "--file",
      required = true,
      paramLabel = "FILE.jsonl",
      description = "The events to publish.")
  private Path file;

  @Override
  public Integer call() throws IOException {
    InputFiles.requireReadable(file);
    SimulatorConfig settings = SimulatorConfig.fromSystemProperties();
    EventsTopic.require(settings);
    Progress progress = new Progress(spec.commandLine().getErr(), "produce", "records", 0);
    KafkaRecordSink sink = new KafkaRecordSink(settings.stores(), settings.eventsTopic());
    JsonLinesPublisher.Published published;
    try (sink) {
      published = JsonLinesPublisher.publish(file, sink, progress);
    }
    spec.commandLine()
        .getOut()
        .printf(
            Locale.ROOT,
            "produce: %,d records from %s to %s in %.1f s (%,d with no readable citizen_id, sent"
                + " without a key; %,d blank lines skipped)%n",
            published.records(),
            file,
            sink.destination(),
            progress.seconds(),
            published.withoutKey(),
            published.blankLines());
    return 0;
  }
}
