package dev.scs.simulator.events;

import dev.scs.scoring.event.EventType;
import dev.scs.simulator.world.Citizen;
import dev.scs.simulator.world.Population;
import dev.scs.simulator.world.Regions;
import dev.scs.simulator.world.Tie;
import java.util.SplittableRandom;

/** Payloads of the v1 catalogue, with plausible synthetic values. */
final class PayloadWriter {
  private static final String[] ORGANIZATIONS = {
    "Riverbend Food Bank",
    "Northvale Library Friends",
    "Saltcoast Shore Cleanup",
    "Eastmere Youth Club",
    "Highcrest Night Shelter",
    "Lowfield Community Garden"
  };
  private static final String[] CHARITIES = {
    "Westreach Children's Fund",
    "Southholm Animal Rescue",
    "Clean Rivers Trust",
    "Elder Companions",
    "Open Books Foundation"
  };
  private static final String[] COURSES = {
    "first-aid",
    "bookkeeping",
    "welding-basics",
    "data-literacy",
    "language-a2",
    "civic-history",
    "safe-driving",
    "nursing-refresher",
    "gardening",
    "carpentry-2"
  };

  private final Population population;
  private final StringBuilder payload = new StringBuilder(128);

  PayloadWriter(Population population) {
    this.population = population;
  }

  /** The payload of an event of {@code type}; social types need the tie they report. */
  String write(EventType type, Citizen citizen, Tie tie, SplittableRandom random) {
    payload.setLength(0);
    switch (type) {
      case PAYMENT_ON_TIME -> money(logNormalCents(random, 80_00, 0.9), citizen);
      case PAYMENT_LATE -> {
        money(logNormalCents(random, 120_00, 0.9), citizen);
        payload.append(",\"days_late\":").append(1 + geometric(random, 0.2, 180));
      }
      case LOAN_DEFAULT -> money(logNormalCents(random, 4_000_00, 1.0), citizen);
      case TRAFFIC_VIOLATION -> traffic(random);
      case VOLUNTEER_SHIFT -> {
        payload.append("\"hours\":").append(0.5 * (1 + random.nextInt(16)));
        payload.append(",\"organization\":");
        quoted(ORGANIZATIONS[random.nextInt(ORGANIZATIONS.length)]);
      }
      case DONATION_MADE -> {
        money(Math.max(1, logNormalCents(random, 30_00, 1.1)), citizen);
        payload.append(",\"charity\":");
        quoted(CHARITIES[random.nextInt(CHARITIES.length)]);
      }
      case TAX_FILED ->
          payload.append("\"on_time\":").append(random.nextDouble() < 0.85 ? "true" : "false");
      case PUBLIC_DISTURBANCE ->
          payload
              .append("\"severity\":")
              .append(random.nextDouble() < 0.8 ? "\"minor\"" : "\"major\"");
      case EDUCATION_COURSE_COMPLETED -> {
        payload.append("\"course\":");
        quoted(COURSES[random.nextInt(COURSES.length)]);
        int credits = random.nextDouble() < 0.02 ? 60 : 1 + random.nextInt(30);
        payload.append(",\"credits\":").append(credits);
      }
      case SOCIAL_TIE_ADDED, SOCIAL_TIE_REMOVED -> {
        int other = tie.one() == citizen.index() ? tie.other() : tie.one();
        payload.append("\"other_citizen_id\":");
        quoted(population.citizen(other).id());
        payload.append(",\"relation\":");
        quoted(tie.relation().wireName());
      }
      default -> throw new IllegalStateException("no payload for " + type);
    }
    return payload.insert(0, '{').append('}').toString();
  }

  private void traffic(SplittableRandom random) {
    double draw = random.nextDouble();
    String severity = draw < 0.7 ? "minor" : draw < 0.95 ? "major" : "critical";
    payload.append("\"severity\":");
    quoted(severity);
    if (random.nextDouble() < 0.7) {
      int over =
          switch (severity) {
            case "minor" -> 5 + random.nextInt(16);
            case "major" -> 21 + random.nextInt(20);
            default -> 41 + random.nextInt(50);
          };
      payload.append(",\"speed_over_kmh\":").append(over);
    }
  }

  private void money(long cents, Citizen citizen) {
    payload.append("\"amount\":").append(cents / 100).append('.');
    long fraction = cents % 100;
    payload.append(fraction < 10 ? "0" : "").append(fraction);
    payload.append(",\"currency\":");
    quoted(Regions.currency(citizen.region()));
  }

  private void quoted(String text) {
    payload.append('"');
    EventJson.appendEscaped(payload, text);
    payload.append('"');
  }

  private static long logNormalCents(SplittableRandom random, long medianCents, double sigma) {
    return Math.max(0, Math.round(medianCents * Math.exp(sigma * random.nextGaussian())));
  }

  private static int geometric(SplittableRandom random, double p, int max) {
    int value = (int) (Math.log(1 - random.nextDouble()) / Math.log(1 - p));
    return Math.min(value, max);
  }
}
