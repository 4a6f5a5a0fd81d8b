package dev.scs.stores.mongodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.scs.stores.IsolatedStores;
import dev.scs.stores.StoreSettings;
import dev.scs.stores.setup.SetupStep;
import dev.scs.stores.setup.SetupStep.Outcome;
import dev.scs.testing.LocalStackAddresses;
import dev.scs.testing.RequiresLocalStack;
import dev.scs.testing.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * What the server really does with the collections contract. On FerretDB 1.24 the validators are
 * refused and reported as skipped, and a document breaking them is then stored; on MongoDB they are
 * applied and such a document is refused. Indexes, unique ones included, work on both.
 */
@RequiresLocalStack(Service.MONGODB)
class MongoCollectionSetupIT {

  @Test
  void collectionsAndIndexesAreCreatedOnceAndEachValidatorIsAppliedOrReportedAsSkipped(
      LocalStackAddresses addresses) {
    StoreSettings settings = IsolatedStores.settings(addresses, IsolatedStores.uniqueName());
    try (MongoClient client = MongoConnections.open(settings)) {
      MongoDatabase database = MongoConnections.database(client, settings);
      MongoCollectionSetup setup = new MongoCollectionSetup(database);
      try {
        List<SetupStep> first = setup.apply();
        List<SetupStep> second = setup.apply();

        assertThat(database.listCollectionNames().into(new ArrayList<>()))
            .containsExactlyInAnyOrder("citizens", "rules", "config");
        assertThat(outcomes(first, "collection "))
            .containsOnly(
                Map.entry("collection citizens", Outcome.CREATED),
                Map.entry("collection rules", Outcome.CREATED),
                Map.entry("collection config", Outcome.CREATED));
        assertThat(outcomes(second, "collection ").values()).containsOnly(Outcome.UNCHANGED);
        assertThat(outcomes(first, "index "))
            .containsOnly(
                Map.entry("index citizens.by_region_score", Outcome.CREATED),
                Map.entry("index citizens.by_tier", Outcome.CREATED),
                Map.entry("index rules.by_rule_version", Outcome.CREATED));
        assertThat(outcomes(second, "index ")).hasSize(3);
        assertThat(outcomes(second, "index ").values()).containsOnly(Outcome.UNCHANGED);
        for (SetupStep validator : steps(first, "validator of ")) {
          assertThat(validator.outcome()).isIn(Outcome.CREATED, Outcome.SKIPPED);
          if (validator.outcome() == Outcome.SKIPPED) {
            assertThat(validator.detail()).startsWith("the server refused it: ");
          }
        }
        assertThat(steps(second, "validator of "))
            .extracting(SetupStep::outcome)
            .doesNotContain(Outcome.CREATED, Outcome.UPDATED);
      } finally {
        assertThat(setup.dropDatabase().outcome()).isEqualTo(Outcome.REMOVED);
      }
      assertThat(client.listDatabaseNames().into(new ArrayList<>()))
          .doesNotContain(settings.mongodbDatabase());
    }
  }

  @Test
  void aDocumentBreakingTheValidatorIsRefusedExactlyWhenTheValidatorWasApplied(
      LocalStackAddresses addresses) {
    StoreSettings settings = IsolatedStores.settings(addresses, IsolatedStores.uniqueName());
    try (MongoClient client = MongoConnections.open(settings)) {
      MongoDatabase database = MongoConnections.database(client, settings);
      MongoCollectionSetup setup = new MongoCollectionSetup(database);
      try {
        SetupStep validator =
            steps(setup.apply(), "validator of config").stream().findFirst().orElseThrow();
        Document withoutRequiredFields = new Document("_id", "current");

        if (validator.outcome() == Outcome.CREATED) {
          assertThatThrownBy(
                  () -> database.getCollection("config").insertOne(withoutRequiredFields))
              .isInstanceOf(MongoWriteException.class);
        } else {
          database.getCollection("config").insertOne(withoutRequiredFields);
          assertThat(database.getCollection("config").countDocuments()).isEqualTo(1);
        }
      } finally {
        setup.dropDatabase();
      }
    }
  }

  @Test
  void theUniqueIndexRefusesASecondDocumentForTheSameRuleVersion(LocalStackAddresses addresses) {
    StoreSettings settings = IsolatedStores.settings(addresses, IsolatedStores.uniqueName());
    try (MongoClient client = MongoConnections.open(settings)) {
      MongoDatabase database = MongoConnections.database(client, settings);
      MongoCollectionSetup setup = new MongoCollectionSetup(database);
      try {
        setup.apply();
        database
            .getCollection("rules")
            .insertOne(new Document("_id", "a:1").append("rule_id", "a").append("version", 1));

        assertThatThrownBy(
                () ->
                    database
                        .getCollection("rules")
                        .insertOne(
                            new Document("_id", "other")
                                .append("rule_id", "a")
                                .append("version", 1)))
            .isInstanceOfSatisfying(
                MongoWriteException.class,
                e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
      } finally {
        setup.dropDatabase();
      }
    }
  }

  private static List<SetupStep> steps(List<SetupStep> steps, String itemPrefix) {
    return steps.stream().filter(step -> step.item().startsWith(itemPrefix)).toList();
  }

  private static Map<String, Outcome> outcomes(List<SetupStep> steps, String itemPrefix) {
    return steps(steps, itemPrefix).stream()
        .collect(Collectors.toMap(SetupStep::item, SetupStep::outcome));
  }
}
