package dev.scs.stores.mongodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.scs.testing.LocalStackAddresses;
import dev.scs.testing.RequiresLocalStack;
import dev.scs.testing.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@RequiresLocalStack(Service.MONGODB)
class CitizenStoreIT {

  private IsolatedDatabase isolated;
  private CitizenStore store;

  @BeforeEach
  void openAnEmptyDatabase(LocalStackAddresses addresses) {
    isolated = new IsolatedDatabase(addresses);
    store = new CitizenStore(isolated.database());
  }

  @AfterEach
  void dropTheDatabase() {
    isolated.close();
  }

  private static List<CitizenProfile> population(int size, String occupation) {
    return IntStream.range(0, size)
        .mapToObj(
            index ->
                new CitizenProfile(
                    "citizen-" + index,
                    "Name " + index,
                    "northvale",
                    1950 + index % 50,
                    occupation,
                    "h-" + index / 3))
        .toList();
  }

  @Test
  void profilesAreUpsertedInBulkAndCountedAsNewChangedOrUnchanged() {
    CitizenWrite first = store.upsert(population(2_500, "baker"));
    CitizenWrite again = store.upsert(population(2_500, "baker"));
    List<CitizenProfile> changed = new ArrayList<>(population(2_500, "baker"));
    changed.set(7, population(8, "pilot").get(7));
    CitizenWrite oneChanged = store.upsert(changed);

    assertThat(first).isEqualTo(new CitizenWrite(2_500, 0, 0));
    assertThat(again).isEqualTo(new CitizenWrite(0, 0, 2_500));
    assertThat(oneChanged).isEqualTo(new CitizenWrite(0, 1, 2_499));
    assertThat(store.count()).isEqualTo(2_500);
    assertThat(store.find("citizen-7").orElseThrow().occupation()).isEqualTo("pilot");
  }

  @Test
  void aProfileWithOnlyTheIdRegistersTheCitizenAndErasesNothing() {
    store.upsert(population(1, "baker"));
    isolated
        .database()
        .getCollection(CitizenStore.COLLECTION)
        .updateOne(Filters.eq("_id", "citizen-0"), Updates.set("score", 1012.5));

    CitizenWrite write =
        store.upsert(List.of(CitizenProfile.onlyId("citizen-0"), CitizenProfile.onlyId("new-1")));

    assertThat(write).isEqualTo(new CitizenWrite(1, 0, 1));
    Document kept =
        isolated
            .database()
            .getCollection(CitizenStore.COLLECTION)
            .find(Filters.eq("_id", "citizen-0"))
            .first();
    assertThat(kept.getString("occupation")).isEqualTo("baker");
    assertThat(kept.getDouble("score")).isEqualTo(1012.5);
    assertThat(store.find("new-1")).contains(CitizenProfile.onlyId("new-1"));
  }

  @Test
  void idsStreamsEveryCitizenOnce() {
    store.upsert(population(25_000, "baker"));

    List<String> ids;
    try (Stream<String> stream = store.ids()) {
      ids = stream.toList();
    }

    assertThat(ids).hasSize(25_000).doesNotHaveDuplicates().contains("citizen-0", "citizen-24999");
  }

  @Test
  void anUnknownCitizenIsNotFound() {
    assertThat(store.find("nobody")).isEmpty();
  }
}
