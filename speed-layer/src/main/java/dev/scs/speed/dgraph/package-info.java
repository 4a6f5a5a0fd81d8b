/**
 * The Dgraph sink, not written yet: a documented gap of issue 5.
 *
 * <p>What it must do: for each micro-batch, upsert the ties of accepted {@code social.tie_added}
 * and {@code social.tie_removed} events (their raw JSON is in {@code MicroBatchOutcome.accepted()})
 * and each touched citizen's node score ({@code MicroBatchOutcome.citizens()}), retrying on
 * transaction conflicts; it is an {@code OutcomeSink} like the others, idempotent by upserting on
 * citizen_id, and goes into {@code SpeedLayerStores.ports} once written.
 *
 * <p>Why not yet: the local stack cannot run Dgraph (the Go module proxy refuses its modules), and
 * code that was never run against a server is not shipped. {@code DgraphUpsertIT} (tag
 * requires-dgraph) is the smoke test to start from, against a Dgraph elsewhere; the address is the
 * setting {@code dgraph.address}.
 */
package dev.scs.speed.dgraph;
