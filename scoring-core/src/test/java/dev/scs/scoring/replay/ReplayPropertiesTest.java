package dev.scs.scoring.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.scs.scoring.config.ScoringConfig;
import dev.scs.scoring.engine.Firing;
import dev.scs.scoring.engine.FiringEngine;
import dev.scs.scoring.engine.RuleState;
import dev.scs.scoring.event.CitizenRegistry;
import dev.scs.scoring.event.Event;
import dev.scs.scoring.event.EventValidator;
import dev.scs.scoring.event.EventVerdict;
import dev.scs.scoring.rules.RuleSet;
import dev.scs.scoring.view.LedgerScore;
import dev.scs.scoring.view.ScoreView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** Properties of the canonical replay and the views (contract, sections 4, 5 and 7). */
class ReplayPropertiesTest {
  private final RuleSet rules = SyntheticWorld.rules();
  private final ScoringConfig config = SyntheticWorld.config();

  @Provide
  Arbitrary<List<String>> eventFiles() {
    return SyntheticWorld.eventFiles();
  }

  private SequentialReplay.Output replay(List<String> lines) {
    return SequentialReplay.run(lines, rules, config, CitizenRegistry.ANYONE, SyntheticWorld.AS_OF);
  }

  @Property(tries = 200)
  void theResultDoesNotDependOnInputOrder(
      @ForAll("eventFiles") List<String> lines, @ForAll long shuffleSeed) {
    List<String> shuffled = new ArrayList<>(lines);
    Collections.shuffle(shuffled, new Random(shuffleSeed));

    SequentialReplay.Output original = replay(lines);
    SequentialReplay.Output reordered = replay(shuffled);

    assertThat(reordered.scoreLines()).isEqualTo(original.scoreLines());
    assertThat(reordered.ledgerLines()).isEqualTo(original.ledgerLines());
  }

  @Property(tries = 200)
  void duplicatesChangeNothing(@ForAll("eventFiles") List<String> lines, @ForAll long seed) {
    Random random = new Random(seed);
    List<String> withCopies = new ArrayList<>(lines);
    int copies = 1 + random.nextInt(lines.size());
    for (int i = 0; i < copies; i++) {
      withCopies.add(lines.get(random.nextInt(lines.size())));
    }

    SequentialReplay.Output original = replay(lines);
    SequentialReplay.Output copied = replay(withCopies);

    assertThat(copied.scoreLines()).isEqualTo(original.scoreLines());
    assertThat(copied.ledgerLines()).isEqualTo(original.ledgerLines());
    assertThat(copied.rejectLines())
        .hasSize(copies)
        .allMatch(line -> line.contains("\"duplicate\""));
  }

  @Property(tries = 200)
  void aBatchViewUpToTheWatermarkPlusTheInOrderSpeedViewEqualsTheFullReplay(
      @ForAll("eventFiles") List<String> lines,
      @ForAll @LongRange(min = 0, max = 40L * 24 * 60) long watermarkMinute) {
    long watermark = SyntheticWorld.START + watermarkMinute * 60_000;
    EventValidator validator =
        new EventValidator(config.maxFutureSkewMillis(), CitizenRegistry.ANYONE);
    for (String citizen : List.of("c-1", "c-2", "c-3")) {
      List<Event> events = new ArrayList<>();
      for (String line : lines) {
        Event event =
            ((EventVerdict.Accepted) validator.validate(line, SyntheticWorld.AS_OF)).event();
        if (event.citizenId().equals(citizen)) {
          events.add(event);
        }
      }
      events.sort(Event.CANONICAL_ORDER);
      List<Event> beforeWatermark =
          events.stream().filter(e -> e.occurredAt() < watermark).toList();
      List<Event> afterWatermark =
          events.stream().filter(e -> e.occurredAt() >= watermark).toList();

      CitizenReplay.Result full =
          new CitizenReplay(rules, config).replay(events, SyntheticWorld.AS_OF);
      CitizenReplay.Result batch =
          new CitizenReplay(rules, config).replay(beforeWatermark, watermark);
      ScoreView batchView = ScoreView.empty(watermark);
      batch.ledger().forEach(batchView::add);

      // The speed layer continues from the rule state the batch run stored, in arrival order.
      RuleState state = RuleState.restore(batch.state().snapshot());
      FiringEngine engine = new FiringEngine(rules, config);
      ScoreView speedView = ScoreView.empty(SyntheticWorld.AS_OF);
      List<Firing> speedLedger = new ArrayList<>();
      for (Event event : afterWatermark) {
        engine.apply(
            event,
            state,
            firing -> {
              speedLedger.add(firing);
              speedView.add(firing);
            });
      }

      List<Firing> combinedLedger = new ArrayList<>(batch.ledger());
      combinedLedger.addAll(speedLedger);
      assertThat(combinedLedger).isEqualTo(full.ledger());
      double served =
          batchView.movedTo(SyntheticWorld.AS_OF).plus(speedView).rawAt(SyntheticWorld.AS_OF);
      assertThat(served).isCloseTo(full.score().raw(), within(1e-6));
    }
  }

  @Property(tries = 300)
  void movingAViewForwardTwiceEqualsMovingItOnce(
      @ForAll("eventFiles") List<String> lines,
      @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long firstStep,
      @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long secondStep) {
    ScoreView view = viewOf(lines, SyntheticWorld.AS_OF);
    long first = SyntheticWorld.AS_OF + firstStep;
    long second = first + secondStep;

    double twice = view.movedTo(first).movedTo(second).rawAt(second);
    double once = view.movedTo(second).rawAt(second);

    assertThat(twice).isCloseTo(once, within(1e-9 + Math.abs(once) * 1e-12));
  }

  @Property(tries = 200)
  void theLedgerPathAndTheViewPathAgreeWhereBothApply(
      @ForAll("eventFiles") List<String> lines,
      @ForAll @LongRange(min = 0, max = 400L * 86_400_000L) long afterAsOf) {
    List<Firing> ledger = ledgerOf(lines);
    ScoreView view = ScoreView.empty(SyntheticWorld.AS_OF);
    ledger.forEach(view::add);
    long instant = SyntheticWorld.AS_OF + afterAsOf;

    assertThat(view.rawAt(instant)).isCloseTo(LedgerScore.rawAt(ledger, instant), within(1e-6));
  }

  private List<Firing> ledgerOf(List<String> lines) {
    EventValidator validator =
        new EventValidator(config.maxFutureSkewMillis(), CitizenRegistry.ANYONE);
    List<Firing> ledger = new ArrayList<>();
    for (String citizen : List.of("c-1", "c-2", "c-3")) {
      List<Event> events = new ArrayList<>();
      for (String line : lines) {
        Event event =
            ((EventVerdict.Accepted) validator.validate(line, SyntheticWorld.AS_OF)).event();
        if (event.citizenId().equals(citizen)) {
          events.add(event);
        }
      }
      ledger.addAll(new CitizenReplay(rules, config).replay(events, SyntheticWorld.AS_OF).ledger());
    }
    return ledger;
  }

  private ScoreView viewOf(List<String> lines, long referenceAt) {
    ScoreView view = ScoreView.empty(referenceAt);
    ledgerOf(lines).forEach(view::add);
    return view;
  }
}
