package dev.scs.scoring.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A rule's condition tree (contract, section 3). An absent condition is {@link #ALWAYS}. */
public sealed interface Condition permits Condition.All, Condition.Any, Condition.Not, Comparison {

  Condition ALWAYS = new All(List.of());

  boolean test(ObjectNode event);

  /** True when every child is; {@code all} of an empty list is true. */
  record All(List<Condition> children) implements Condition {
    @Override
    public boolean test(ObjectNode event) {
      for (Condition child : children) {
        if (!child.test(event)) {
          return false;
        }
      }
      return true;
    }
  }

  /** True when some child is; {@code any} of an empty list is false. */
  record Any(List<Condition> children) implements Condition {
    @Override
    public boolean test(ObjectNode event) {
      for (Condition child : children) {
        if (child.test(event)) {
          return true;
        }
      }
      return false;
    }
  }

  record Not(Condition child) implements Condition {
    @Override
    public boolean test(ObjectNode event) {
      return !child.test(event);
    }
  }
}
