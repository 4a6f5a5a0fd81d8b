package dev.scs.speed.hadoop;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFs;
import org.apache.hadoop.fs.DelegateToFileSystem;
import org.apache.hadoop.fs.FsConstants;

/**
 * Hadoop's {@code file:} AbstractFileSystem (what FileContext, and so Spark's checkpoint logs,
 * use), checksum files included, over {@link NioRawLocalFileSystem}. Hadoop creates it by
 * reflection, with this constructor.
 */
public class NioLocalFs extends ChecksumFs {
  public NioLocalFs(URI uri, Configuration configuration) throws IOException, URISyntaxException {
    super(new Raw(uri, configuration));
  }

  private static final class Raw extends DelegateToFileSystem {
    Raw(URI uri, Configuration configuration) throws IOException, URISyntaxException {
      super(
          uri,
          new NioRawLocalFileSystem(),
          configuration,
          FsConstants.LOCAL_FS_URI.getScheme(),
          false);
    }

    @Override
    public int getUriDefaultPort() {
      return -1;
    }

    @Override
    public boolean isValidName(String name) {
      return true; // as Hadoop's RawLocalFs: any name the local file system takes
    }
  }
}
