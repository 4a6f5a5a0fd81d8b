package dev.scs.simulator.events;

import dev.scs.scoring.event.EventType;
import dev.scs.simulator.world.Citizen;
import dev.scs.simulator.world.Persona;
import dev.scs.simulator.world.Personas;
import dev.scs.simulator.world.Population;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Who does what, and when: at an hour of the day, a persona is drawn in proportion to its members'
 * combined rate times its activity at that hour, then one of its members in proportion to their own
 * activity, then an event type in proportion to the persona's rates.
 */
final class BehaviourModel {
  private final Population population;
  private final AliasTable[] personaAtHour = new AliasTable[24];
  private final double[] activityAtHour = new double[24];
  private final int[][] members;
  private final AliasTable[] memberOfPersona;
  private final AliasTable[] typeOfPersona;

  BehaviourModel(Population population) {
    this.population = population;
    int personas = Personas.ALL.size();
    List<List<Citizen>> grouped = new ArrayList<>();
    for (int p = 0; p < personas; p++) {
      grouped.add(new ArrayList<>());
    }
    for (Citizen citizen : population.citizens()) {
      grouped.get(personaIndex(citizen.persona())).add(citizen);
    }
    members = new int[personas][];
    memberOfPersona = new AliasTable[personas];
    typeOfPersona = new AliasTable[personas];
    double[] combinedActivity = new double[personas];
    for (int p = 0; p < personas; p++) {
      List<Citizen> group = grouped.get(p);
      members[p] = group.stream().mapToInt(Citizen::index).toArray();
      double[] activities = group.stream().mapToDouble(Citizen::activity).toArray();
      for (double activity : activities) {
        combinedActivity[p] += activity;
      }
      memberOfPersona[p] = group.isEmpty() ? null : new AliasTable(activities);
      typeOfPersona[p] = new AliasTable(Personas.ALL.get(p).ratesPerDay());
    }
    for (int hour = 0; hour < 24; hour++) {
      double[] weights = new double[personas];
      for (int p = 0; p < personas; p++) {
        Persona persona = Personas.ALL.get(p);
        weights[p] =
            combinedActivity[p] * persona.totalRatePerDay() * persona.relativeActivity(hour);
        activityAtHour[hour] += weights[p];
      }
      personaAtHour[hour] = new AliasTable(weights);
    }
  }

  private static int personaIndex(Persona persona) {
    for (int p = 0; p < Personas.ALL.size(); p++) {
      if (Personas.ALL.get(p) == persona) {
        return p;
      }
    }
    throw new IllegalStateException("persona " + persona.name() + " is not in the catalogue");
  }

  /** Expected events of the whole population in that hour of the day, relative to other hours. */
  double activityAt(int hour) {
    return activityAtHour[hour];
  }

  Citizen pickCitizen(int hour, SplittableRandom random) {
    int persona = personaAtHour[hour].sample(random);
    return population.citizen(members[persona][memberOfPersona[persona].sample(random)]);
  }

  EventType pickType(Citizen citizen, SplittableRandom random) {
    return EventType.values()[typeOfPersona[personaIndex(citizen.persona())].sample(random)];
  }
}
