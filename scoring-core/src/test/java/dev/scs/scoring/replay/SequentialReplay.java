package dev.scs.scoring.replay;

import dev.scs.scoring.config.ScoringConfig;
import dev.scs.scoring.engine.Firing;
import dev.scs.scoring.event.CitizenRegistry;
import dev.scs.scoring.event.Event;
import dev.scs.scoring.event.EventValidator;
import dev.scs.scoring.event.EventVerdict;
import dev.scs.scoring.event.RejectionReason;
import dev.scs.scoring.rules.RuleSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A single-threaded driver of scoring-core over the lines of one file, for tests: validation and
 * duplicates in file order, then {@link CitizenReplay} per citizen. The product's replay is the
 * batch layer's Spark job, which distributes these same steps; this driver lets scoring-core be
 * checked against the public vectors without Spark.
 */
final class SequentialReplay {
  private SequentialReplay() {}

  record Output(List<String> scoreLines, List<String> ledgerLines, List<String> rejectLines) {}

  static Output run(
      List<String> eventLines,
      RuleSet rules,
      ScoringConfig config,
      CitizenRegistry citizens,
      long asOf) {
    EventValidator validator = new EventValidator(config.maxFutureSkewMillis(), citizens);
    Set<String> acceptedIds = new HashSet<>();
    Map<String, List<Event>> byCitizen = new TreeMap<>();
    List<String> rejects = new ArrayList<>();
    for (int index = 0; index < eventLines.size(); index++) {
      long lineNumber = index + 1L;
      EventVerdict verdict = validator.validate(eventLines.get(index), asOf);
      if (verdict instanceof EventVerdict.Rejected rejected) {
        rejects.add(ReplayLines.reject(lineNumber, rejected.reason(), null));
        continue;
      }
      Event event = ((EventVerdict.Accepted) verdict).event();
      if (!acceptedIds.add(event.eventId())) {
        rejects.add(ReplayLines.reject(lineNumber, RejectionReason.DUPLICATE, null));
        continue;
      }
      byCitizen.computeIfAbsent(event.citizenId(), id -> new ArrayList<>()).add(event);
    }
    CitizenReplay replay = new CitizenReplay(rules, config);
    List<String> scores = new ArrayList<>();
    List<String> ledger = new ArrayList<>();
    byCitizen.forEach(
        (citizenId, events) -> {
          CitizenReplay.Result result = replay.replay(events, asOf);
          scores.add(ReplayLines.score(citizenId, result.score()));
          for (Firing firing : result.ledger()) {
            ledger.add(ReplayLines.ledger(firing));
          }
        });
    return new Output(scores, ledger, rejects);
  }
}
