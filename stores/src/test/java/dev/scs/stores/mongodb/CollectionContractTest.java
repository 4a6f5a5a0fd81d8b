package dev.scs.stores.mongodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scs.stores.mongodb.CollectionContract.IndexContract;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class CollectionContractTest {

  @Test
  void theContractHasTheThreeCollectionsWithValidatorsAndTheirIndexes() {
    List<CollectionContract> collections = CollectionContract.fromContract();

    assertThat(collections)
        .extracting(CollectionContract::name)
        .containsExactly("citizens", "rules", "config");
    assertThat(collections)
        .allMatch(collection -> collection.validator().containsKey("$jsonSchema"));
    assertThat(collections.get(1).indexes())
        .containsExactly(
            new IndexContract(
                "by_rule_version", new Document("rule_id", 1).append("version", 1), true));
    assertThat(collections.get(0).indexes())
        .extracting(IndexContract::name)
        .containsExactly("by_region_score", "by_tier");
  }

  @Test
  void theCollectionNamesAreTheOnesTheRepositoriesUse() {
    assertThat(CollectionContract.fromContract())
        .extracting(CollectionContract::name)
        .containsExactlyInAnyOrder(
            CitizenStore.COLLECTION, RuleStore.COLLECTION, ConfigStore.COLLECTION);
  }
}
