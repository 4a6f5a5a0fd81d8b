package dev.scs.serving.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Finds the end of one HTTP/1.1 response in the bytes read so far from a keep-alive connection,
 * without copying or decoding them: the status from the status line, the body length from {@code
 * Content-Length}. A response without {@code Content-Length} (chunked, or closing the connection)
 * is reported as malformed rather than guessed at; the serving layer's JSON answers always carry
 * it.
 */
final class HttpResponseReader {
  /** Not a complete response yet: read more. */
  static final int INCOMPLETE = -1;

  /** The bytes are not a response this reader understands. */
  static final int MALFORMED = -2;

  private static final byte[] CONTENT_LENGTH =
      "content-length:".getBytes(StandardCharsets.US_ASCII);

  private HttpResponseReader() {}

  /**
   * The length of the complete response at the start of {@code buffer} (positions 0 to {@code
   * buffer.position()}), {@link #INCOMPLETE} or {@link #MALFORMED}.
   */
  static int responseLength(ByteBuffer buffer) {
    byte[] bytes = buffer.array();
    int filled = buffer.position();
    int headerEnd = headerEnd(bytes, filled);
    if (headerEnd < 0) {
      return filled >= bytes.length ? MALFORMED : INCOMPLETE;
    }
    long bodyLength = contentLength(bytes, headerEnd);
    if (bodyLength < 0) {
      return MALFORMED;
    }
    long total = headerEnd + bodyLength;
    if (total > bytes.length) {
      return MALFORMED;
    }
    return filled >= total ? (int) total : INCOMPLETE;
  }

  /** The status code of the response at the start of {@code buffer} ("HTTP/1.1 200 OK"). */
  static int status(ByteBuffer buffer) {
    byte[] bytes = buffer.array();
    if (buffer.position() < 12 || bytes[8] != ' ') {
      return 0;
    }
    return (bytes[9] - '0') * 100 + (bytes[10] - '0') * 10 + (bytes[11] - '0');
  }

  /** Index just after the blank line that ends the header, or -1. */
  private static int headerEnd(byte[] bytes, int filled) {
    for (int i = 3; i < filled; i++) {
      if (bytes[i] == '\n'
          && bytes[i - 1] == '\r'
          && bytes[i - 2] == '\n'
          && bytes[i - 3] == '\r') {
        return i + 1;
      }
    }
    return -1;
  }

  private static long contentLength(byte[] bytes, int headerEnd) {
    for (int line = 0; line < headerEnd; line++) {
      if ((line == 0 || bytes[line - 1] == '\n')
          && startsWithIgnoringCase(bytes, line, headerEnd)) {
        int i = line + CONTENT_LENGTH.length;
        while (i < headerEnd && bytes[i] == ' ') {
          i++;
        }
        long value = 0;
        int digits = 0;
        while (i < headerEnd && bytes[i] >= '0' && bytes[i] <= '9') {
          value = value * 10 + (bytes[i] - '0');
          digits++;
          i++;
        }
        return digits == 0 ? -1 : value;
      }
    }
    return -1;
  }

  private static boolean startsWithIgnoringCase(byte[] bytes, int at, int end) {
    if (at + CONTENT_LENGTH.length > end) {
      return false;
    }
    for (int i = 0; i < CONTENT_LENGTH.length; i++) {
      int b = bytes[at + i];
      if (b >= 'A' && b <= 'Z') {
        b += 'a' - 'A';
      }
      if (b != CONTENT_LENGTH[i]) {
        return false;
      }
    }
    return true;
  }
}
