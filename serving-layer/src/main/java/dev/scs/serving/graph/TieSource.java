package dev.scs.serving.graph;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where the social graph is read from: the batch layer's {@code graph_ties} in the lake, or Dgraph
 * (setting {@code serving.graph-source}).
 */
public interface TieSource {

  /** {@code lake} or {@code dgraph}, as the responses name their source. */
  String name();

  /** The batch run the ties are as of, empty when the source does not say or has none. */
  Optional<String> runId();

  /** Every tie with at least one end among {@code citizens}. */
  List<Tie> tiesOf(Collection<String> citizens);
}
