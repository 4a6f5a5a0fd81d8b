package dev.scs.simulator.world;

import dev.scs.stores.mongodb.CitizenProfile;

/** One synthetic citizen: profile fields, and the persona and activity that drive their events. */
public record Citizen(
    int index,
    String id,
    String name,
    int region,
    int birthYear,
    String occupation,
    String householdId,
    Persona persona,
    double activity) {

  /** The profile as the citizens collection and citizens files hold it. */
  public CitizenProfile profile() {
    return new CitizenProfile(id, name, Regions.name(region), birthYear, occupation, householdId);
  }
}
