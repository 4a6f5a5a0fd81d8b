package dev.scs.scoring.rules;

import dev.scs.scoring.event.CodePointOrder;
import dev.scs.scoring.event.Event;
import dev.scs.scoring.event.EventType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A valid set of rule versions, indexed by event type in ascending {@code rule_id} order, the order
 * in which they are evaluated for an event (contract, section 4). Build one with {@link
 * RuleSetParser}, which refuses invalid sets.
 */
public final class RuleSet {
  private static final Comparator<RuleVersion> EVALUATION_ORDER =
      Comparator.comparing(RuleVersion::ruleId, CodePointOrder.INSTANCE)
          .thenComparingLong(RuleVersion::effectiveFrom);

  private final List<RuleVersion> versions;
  private final Map<EventType, RuleVersion[]> byEventType = new EnumMap<>(EventType.class);
  private final Map<String, Long> retentionByRuleId = new HashMap<>();

  RuleSet(List<RuleVersion> versions) {
    List<RuleVersion> sorted = new ArrayList<>(versions);
    sorted.sort(EVALUATION_ORDER);
    this.versions = Collections.unmodifiableList(sorted);
    Map<EventType, List<RuleVersion>> grouped = new EnumMap<>(EventType.class);
    for (RuleVersion version : sorted) {
      grouped.computeIfAbsent(version.eventType(), type -> new ArrayList<>()).add(version);
      retentionByRuleId.merge(version.ruleId(), version.stateRetentionMillis(), Math::max);
    }
    grouped.forEach((type, list) -> byEventType.put(type, list.toArray(new RuleVersion[0])));
  }

  public static RuleSet empty() {
    return new RuleSet(List.of());
  }

  /** Every version, in evaluation order. */
  public List<RuleVersion> versions() {
    return versions;
  }

  /** Candidate versions for an event type, in evaluation order; do not modify. */
  RuleVersion[] candidatesFor(EventType type) {
    RuleVersion[] candidates = byEventType.get(type);
    return candidates == null ? new RuleVersion[0] : candidates;
  }

  /**
   * The versions that apply to an event: in force at its time, enabled, of its type, with a true
   * condition; in ascending rule_id order. At most one version per rule_id, since versions of one
   * rule never overlap in time.
   */
  public List<RuleVersion> applicableTo(Event event) {
    List<RuleVersion> applicable = new ArrayList<>(2);
    for (RuleVersion version : candidatesFor(event.type())) {
      if (version.enabled()
          && version.isEffectiveAt(event.occurredAt())
          && version.condition().test(event.document())) {
        applicable.add(version);
      }
    }
    return applicable;
  }

  /** How long a firing of this rule can matter to later events (longest cooldown or cap window). */
  public long stateRetentionMillis(String ruleId) {
    return retentionByRuleId.getOrDefault(ruleId, 0L);
  }

  public int size() {
    return versions.size();
  }
}
