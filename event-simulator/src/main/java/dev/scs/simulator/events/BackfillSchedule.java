package dev.scs.simulator.events;

import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;

/**
 * {@code count} instants spread over {@code [start, end)} in ascending order, following the
 * population's activity by hour of the day. The window is cut into one-minute slices; each slice
 * gets its share of the events by the activity of its hour (exactly {@code count} in all), and its
 * events get random instants inside it, sorted. Memory stays at one slice, so ten million events
 * stream as cheaply as a thousand.
 */
final class BackfillSchedule implements Schedule {
  private static final long SLICE_MILLIS = 60_000L;
  private static final long HOUR_MILLIS = 3_600_000L;

  private final long start;
  private final long end;
  private final long count;
  private final IntToDoubleFunction activityAtHour;
  private final SplittableRandom random;
  private final double totalWeight;

  private long nextSliceStart;
  private double weightSoFar;
  private long scheduledSoFar;
  private long[] slice = new long[0];
  private int positionInSlice;
  private long emitted;

  BackfillSchedule(
      long start,
      long end,
      long count,
      IntToDoubleFunction activityAtHour,
      SplittableRandom random) {
    if (end <= start) {
      throw new IllegalArgumentException("a backfill window must end after it starts");
    }
    this.start = start;
    this.end = end;
    this.count = count;
    this.activityAtHour = activityAtHour;
    this.random = random;
    double total = 0;
    for (long sliceStart = start; sliceStart < end; sliceStart += SLICE_MILLIS) {
      total += weight(sliceStart);
    }
    this.totalWeight = total;
    this.nextSliceStart = start;
  }

  private double weight(long sliceStart) {
    long length = Math.min(SLICE_MILLIS, end - sliceStart);
    int hour = (int) Math.floorMod(sliceStart / HOUR_MILLIS, 24L);
    return activityAtHour.applyAsDouble(hour) * length;
  }

  @Override
  public boolean hasNext() {
    return emitted < count;
  }

  @Override
  public long next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    while (positionInSlice == slice.length) {
      fillNextSlice();
    }
    emitted++;
    return slice[positionInSlice++];
  }

  private void fillNextSlice() {
    long sliceStart = nextSliceStart;
    long sliceEnd = Math.min(end, sliceStart + SLICE_MILLIS);
    nextSliceStart = sliceEnd;
    weightSoFar += weight(sliceStart);
    long scheduledBy =
        sliceEnd >= end ? count : Math.min(count, Math.round(count * (weightSoFar / totalWeight)));
    int inSlice = (int) (scheduledBy - scheduledSoFar);
    scheduledSoFar = scheduledBy;
    slice = new long[inSlice];
    for (int i = 0; i < inSlice; i++) {
      slice[i] = sliceStart + random.nextLong(sliceEnd - sliceStart);
    }
    Arrays.sort(slice);
    positionInSlice = 0;
  }
}
