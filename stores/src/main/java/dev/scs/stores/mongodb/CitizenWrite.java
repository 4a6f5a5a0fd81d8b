package dev.scs.stores.mongodb;

/** What writing a batch of profiles did: new citizens, changed ones, and ones already as given. */
public record CitizenWrite(long inserted, long updated, long unchanged) {

  public static final CitizenWrite NONE = new CitizenWrite(0, 0, 0);

  public CitizenWrite plus(CitizenWrite other) {
    return new CitizenWrite(
        inserted + other.inserted, updated + other.updated, unchanged + other.unchanged);
  }

  public long total() {
    return inserted + updated + unchanged;
  }
}
