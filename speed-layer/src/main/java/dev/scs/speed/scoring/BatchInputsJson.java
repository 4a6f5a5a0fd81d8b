package dev.scs.speed.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * {@link BatchInputs} as JSON, the journal's format. Doubles are written in their shortest exact
 * form, so a replay computes with the very same values.
 */
public final class BatchInputsJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private BatchInputsJson() {}

  public static String write(BatchInputs inputs) {
    try {
      return MAPPER.writeValueAsString(inputs);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a micro-batch journal", e);
    }
  }

  public static BatchInputs read(String json) {
    try {
      return MAPPER.readValue(json, BatchInputs.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "a micro-batch journal is unreadable (" + e.getOriginalMessage() + ")", e);
    }
  }
}
