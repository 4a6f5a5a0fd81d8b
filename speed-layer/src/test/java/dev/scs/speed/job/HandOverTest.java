package dev.scs.speed.job;

import dev.scs.scoring.engine.Firing;
import dev.scs.speed.fakes.InMemoryRuleSource;
import dev.scs.speed.fakes.InMemoryStores;
import dev.scs.speed.scoring.AcceptedEvent;
import dev.scs.speed.scoring.PublishedRun;
import dev.scs.speed.scoring.StoredView;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The hand-over scenario ({@link HandOverScenario}) on the in-memory stores. */
class HandOverTest {

  @Test
  void bothRacesOfTheHandOverLeaveEveryFiringCountedOnceAndTheMergedViewCanonical() {
    InMemoryStores memory = new InMemoryStores();
    HandOverScenario[] scenario = new HandOverScenario[1];
    scenario[0] =
        new HandOverScenario(
            new HandOverScenario.Stores() {
              private SpeedLayerPorts ports;

              @Override
              public SpeedLayerPorts ports() {
                if (ports == null) {
                  ports =
                      new SpeedLayerPorts(
                          new InMemoryRuleSource(scenario[0].rulesJson(), scenario[0].configJson()),
                          memory,
                          memory,
                          memory,
                          memory,
                          List.of(memory.stateSink(), memory.scoreSink()));
                }
                return ports;
              }

              @Override
              public void want(long watermark) {
                memory.want(watermark);
              }

              @Override
              public Map<String, String> archiveIngestedBefore(long watermark) {
                Map<String, String> archived = new TreeMap<>();
                for (AcceptedEvent event : memory.archive().values()) {
                  if (event.ingestedAt() < watermark) {
                    archived.put(event.eventId(), event.rawJson());
                  }
                }
                return archived;
              }

              @Override
              public void publish(
                  PublishedRun run,
                  Map<String, StoredView> batchViews,
                  Map<String, Map<String, long[]>> batchRuleState) {
                batchRuleState.forEach(
                    (citizen, state) ->
                        memory.publishBatchRun(run, citizen, batchViews.get(citizen), state));
              }

              @Override
              public Map<String, Long> speedViewWatermarks() {
                return memory.speedViewWatermarks();
              }

              @Override
              public Map<String, StoredView> speedViews() {
                return memory.speedViews();
              }

              @Override
              public Map<Firing, Long> ledger() {
                return memory.ledgerIngestion();
              }
            });
    memory.register(scenario[0].citizenIds());

    scenario[0].play();
  }
}
