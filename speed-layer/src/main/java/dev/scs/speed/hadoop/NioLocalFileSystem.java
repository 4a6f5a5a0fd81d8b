package dev.scs.speed.hadoop;

import org.apache.hadoop.fs.LocalFileSystem;

/**
 * Hadoop's {@code file:} FileSystem, checksum files included, over {@link NioRawLocalFileSystem}.
 */
public class NioLocalFileSystem extends LocalFileSystem {
  public NioLocalFileSystem() {
    super(new NioRawLocalFileSystem());
  }
}
