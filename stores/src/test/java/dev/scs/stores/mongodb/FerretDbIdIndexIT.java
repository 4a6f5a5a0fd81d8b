package dev.scs.stores.mongodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.scs.testing.LocalStackAddresses;
import dev.scs.testing.RequiresLocalStack;
import dev.scs.testing.Service;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stack's FerretDB finds documents by {@code _id} through the collection's {@code _id} index,
 * not by scanning the table: the speed layer updates every citizen it scores by {@code _id}, and a
 * scan per update caps it at about 100 citizens per second at 10 000 citizens. FerretDB 1.24's
 * SQLite backend needs a one-line patch for that, applied by stack/services/ferretdb.sh; this test
 * fails on an unpatched build. The lookup expression FerretDB explains is the one its updates and
 * deletes by {@code _id} use.
 */
@RequiresLocalStack(Service.MONGODB)
class FerretDbIdIndexIT {
  private IsolatedDatabase isolated;

  @BeforeEach
  void openAnEmptyDatabase(LocalStackAddresses addresses) {
    isolated = new IsolatedDatabase(addresses);
  }

  @AfterEach
  void dropTheDatabase() {
    isolated.close();
  }

  @Test
  void citizensAreFoundAndUpdatedByIdThroughTheIdIndex() {
    Document build = isolated.database().runCommand(new Document("buildInfo", 1));
    assumeTrue(
        build.containsKey("ferretdbVersion"),
        "the MongoDB server is not FerretDB: " + build.toJson());
    var citizens = isolated.database().getCollection(CitizenStore.COLLECTION);
    citizens.insertMany(
        IntStream.range(0, 500).mapToObj(i -> new Document("_id", "citizen-" + i)).toList());

    Document explained =
        isolated
            .database()
            .runCommand(
                new Document(
                    "explain",
                    new Document("find", CitizenStore.COLLECTION)
                        .append("filter", new Document("_id", "citizen-7"))));
    @SuppressWarnings("unchecked")
    List<String> plan =
        (List<String>) explained.get("queryPlanner", Document.class).get("Plan", List.class);

    assertThat(explained.getBoolean("filterPushdown")).as("filter pushed down to SQLite").isTrue();
    assertThat(plan).as("SQLite's query plan for {_id: ...}").isNotEmpty();
    assertThat(String.join("\n", plan)).contains("USING INDEX").doesNotContain("SCAN");
    assertThat(
            citizens
                .updateOne(Filters.eq("_id", "citizen-7"), Updates.set("tier", "gold"))
                .getModifiedCount())
        .isEqualTo(1);
    assertThat(citizens.find(Filters.eq("_id", "citizen-7")).first()).containsEntry("tier", "gold");
    assertThat(citizens.countDocuments(Filters.eq("tier", "gold"))).isEqualTo(1);
  }
}
