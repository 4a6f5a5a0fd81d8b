package dev.scs.speed.scoring;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * {@link BatchInputs} as JSON, the journal's format. Doubles are written in their shortest exact
 * form, so a replay computes with the very same values.
 */
public final class BatchInputsJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          // the caller owns the stream: it closes it once the file is whole
          .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
          .build();

  private BatchInputsJson() {}

  /**
   * Writes straight to the file's stream: a micro-batch's journal was 0.5-0.6 MB in the benchmark
   * at 1 000 events/s (1 000 citizens), and a String of it, then its bytes, were two more copies of
   * that size per micro-batch.
   */
  public static void write(BatchInputs inputs, OutputStream out) throws IOException {
    MAPPER.writeValue(out, inputs);
  }

  public static BatchInputs read(InputStream in) throws IOException {
    try {
      return MAPPER.readValue(in, BatchInputs.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "a micro-batch journal is unreadable (" + e.getOriginalMessage() + ")", e);
    }
  }
}
