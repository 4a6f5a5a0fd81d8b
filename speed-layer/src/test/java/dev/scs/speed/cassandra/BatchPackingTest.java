package dev.scs.speed.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BatchPackingTest {
  @Test
  void rowsOnTheSameReplicasShareABatchAndOthersDoNot() {
    BatchPacking<String> packing = new BatchPacking<>(10, 1000);

    packing.add("nodes 1,2", "p1", 10, "a");
    packing.add("nodes 2,3", "p2", 10, "b");
    packing.add("nodes 1,2", "p3", 10, "c");

    assertEquals(List.of(List.of("a", "c"), List.of("b")), packing.batches());
  }

  @Test
  void aBatchClosesAtTheMostPartitionsButTakesMoreRowsOfItsPartitions() {
    BatchPacking<String> packing = new BatchPacking<>(2, 1000);

    packing.add("n", "p1", 1, "p1-a");
    packing.add("n", "p2", 1, "p2-a");
    packing.add("n", "p1", 1, "p1-b");
    packing.add("n", "p3", 1, "p3-a");

    assertEquals(List.of(List.of("p1-a", "p1-b", "p2-a"), List.of("p3-a")), packing.batches());
  }

  @Test
  void theRowsOfAPartitionGoTogetherInTheirOrderWhateverCameBetweenThem() {
    BatchPacking<String> packing = new BatchPacking<>(10, 1000);

    packing.add("n", "citizen-2", 1, "archive c2 e1");
    packing.add("n", "event-1", 1, "claim e1");
    packing.add("n", "citizen-1", 1, "archive c1 e2");
    packing.add("n", "event-2", 1, "claim e2");
    packing.add("n", "citizen-2", 1, "archive c2 e3");
    packing.add("n", "citizen-2", 1, "ledger c2 e3");

    assertEquals(
        List.of(
            List.of(
                "archive c2 e1",
                "archive c2 e3",
                "ledger c2 e3",
                "claim e1",
                "archive c1 e2",
                "claim e2")),
        packing.batches());
  }

  @Test
  void aPartitionLargerThanTheRoomLeftContinuesInTheNextBatch() {
    BatchPacking<String> packing = new BatchPacking<>(10, 100);

    packing.add("n", "p1", 50, "p1-a");
    packing.add("n", "p2", 40, "p2-a");
    packing.add("n", "p2", 40, "p2-b");

    assertEquals(List.of(List.of("p1-a", "p2-a"), List.of("p2-b")), packing.batches());
  }

  @Test
  void aBatchClosesBeforeItsValuesWouldPassTheMostBytes() {
    BatchPacking<String> packing = new BatchPacking<>(10, 100);

    packing.add("n", "p1", 60, "a");
    packing.add("n", "p1", 40, "b");
    packing.add("n", "p1", 1, "c");

    assertEquals(List.of(List.of("a", "b"), List.of("c")), packing.batches());
  }

  @Test
  void aRowLargerThanTheMostBytesGoesAlone() {
    BatchPacking<String> packing = new BatchPacking<>(10, 100);

    packing.add("n", "p1", 10, "small");
    packing.add("n", "p2", 500, "large");
    packing.add("n", "p3", 10, "after");

    assertEquals(List.of(List.of("small"), List.of("large"), List.of("after")), packing.batches());
  }

  @Test
  void noRowsNoBatches() {
    assertEquals(List.of(), new BatchPacking<String>(10, 100).batches());
  }
}
