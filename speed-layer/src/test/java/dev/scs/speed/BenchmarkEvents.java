package dev.scs.speed;

import dev.scs.scoring.time.Instants;
import java.util.SplittableRandom;

/**
 * Valid synthetic events of the types the public vectors' rules score, with payloads that make some
 * rules fire and others not, for citizens c-0 to c-(N-1).
 */
final class BenchmarkEvents {
  private static final String[] CURRENCIES = {"EUR", "USD", "GBP"};
  private static final String[] SEVERITIES = {"minor", "major", "critical"};

  private final SplittableRandom random;
  private final int citizens;
  private final String prefix;

  BenchmarkEvents(long seed, int citizens, String prefix) {
    this.random = new SplittableRandom(seed);
    this.citizens = citizens;
    this.prefix = prefix;
  }

  static String citizenId(int index) {
    return "c-" + index;
  }

  /** The citizen the next event is about; call before {@link #event}. */
  String nextCitizen() {
    return citizenId(random.nextInt(citizens));
  }

  String event(long number, String citizenId, long occurredAt) {
    String payload;
    String type;
    switch (random.nextInt(6)) {
      case 0 -> {
        type = "payment.on_time";
        payload =
            "{\"amount\": " + random.nextInt(2000) + ", \"currency\": \"" + currency() + "\"}";
      }
      case 1 -> {
        type = "payment.late";
        payload =
            "{\"amount\": "
                + random.nextInt(2000)
                + ", \"currency\": \""
                + currency()
                + "\", \"days_late\": "
                + (1 + random.nextInt(30))
                + "}";
      }
      case 2 -> {
        type = "traffic.violation";
        payload = "{\"severity\": \"" + SEVERITIES[random.nextInt(3)] + "\"}";
      }
      case 3 -> {
        type = "volunteer.shift";
        payload = "{\"hours\": " + (1 + random.nextInt(8)) + ", \"organization\": \"shelter\"}";
      }
      case 4 -> {
        type = "tax.filed";
        payload = "{\"on_time\": " + random.nextBoolean() + "}";
      }
      default -> {
        type = "donation.made";
        payload =
            "{\"amount\": "
                + (1 + random.nextInt(500))
                + ", \"currency\": \""
                + currency()
                + "\", \"charity\": \"food bank\"}";
      }
    }
    return "{\"event_id\": \""
        + prefix
        + number
        + "\", \"citizen_id\": \""
        + citizenId
        + "\", \"type\": \""
        + type
        + "\", \"occurred_at\": \""
        + Instants.format(occurredAt)
        + "\", \"source\": \"bench\", \"schema_version\": 1, \"payload\": "
        + payload
        + "}";
  }

  private String currency() {
    return CURRENCIES[random.nextInt(CURRENCIES.length)];
  }
}
