package io.riskgate.spark;

import io.riskgate.RulePack;
import io.riskgate.RulePackException;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * A rule pack as it travels to the executors: its files, as bytes, and its content hash. Never a
 * compiled KieBase: Drools' compiled classes live in class loaders of their own and do not
 * serialise across JVMs, and a pack's files are a few hundred kilobytes where its compiled form is
 * tens of megabytes. Each executor JVM compiles the files once and keeps the engine by hash (see
 * {@link ExecutorEngines}). The reference data are files of the pack ({@code data/}), so they
 * travel and are loaded the same way.
 *
 * <p>Immutable and thread-safe.
 */
final class PackShipment implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String location;
  private final Map<String, byte[]> files;
  private final String contentHash;

  private PackShipment(String location, Map<String, byte[]> files, String contentHash) {
    this.location = location;
    this.files = files;
    this.contentHash = contentHash;
  }

  /**
   * Reads a pack folder from any Hadoop-compatible path (local, HDFS, S3, ...) and computes its
   * content hash as the engine does, by loading it.
   *
   * @throws RulePackException if it is not a pack
   */
  static PackShipment read(Configuration conf, String path) throws IOException {
    org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(path);
    FileSystem fs = root.getFileSystem(conf);
    if (!fs.exists(root) || !fs.getFileStatus(root).isDirectory()) {
      throw new RulePackException(path, java.util.List.of(new RulePackException.Problem(".", 0, 0,
          "not a folder, or it cannot be read")));
    }
    String prefix = fs.getFileStatus(root).getPath().toUri().getPath();
    Map<String, byte[]> files = new TreeMap<>();
    RemoteIterator<LocatedFileStatus> listing = fs.listFiles(root, true);
    while (listing.hasNext()) {
      LocatedFileStatus file = listing.next();
      String relative = file.getPath().toUri().getPath().substring(prefix.length()).replaceFirst("^/+", "");
      byte[] bytes = new byte[Math.toIntExact(file.getLen())];
      try (FSDataInputStream in = fs.open(file.getPath())) {
        in.readFully(0, bytes);
      }
      files.put(relative, bytes);
    }
    PackShipment unhashed = new PackShipment(path, Collections.unmodifiableMap(files), null);
    String hash = unhashed.load().version().contentHash();
    return new PackShipment(path, unhashed.files, hash);
  }

  /** The SHA-256 content hash of the pack, as every assessment records it. */
  String contentHash() {
    return contentHash;
  }

  String location() {
    return location;
  }

  /**
   * The pack, from a private copy of its files in a temporary folder of this JVM.
   *
   * @throws IllegalStateException if the files give another content hash than the driver's
   */
  RulePack load() {
    try {
      Path folder = Files.createTempDirectory("riskgate-pack-");
      try {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
          Path target = folder.resolve(file.getKey()).normalize();
          if (!target.startsWith(folder)) {
            throw new IllegalStateException("pack file outside the pack folder: " + file.getKey());
          }
          Files.createDirectories(target.getParent());
          Files.write(target, file.getValue());
        }
        RulePack pack = RulePack.fromDirectory(folder);
        if (contentHash != null && !contentHash.equals(pack.version().contentHash())) {
          throw new IllegalStateException("the pack " + location + " arrived with content hash "
              + pack.version().contentHash() + ", not the driver's " + contentHash);
        }
        return pack;
      } finally {
        // The pack holds its files in memory once loaded: the copy is not needed any more.
        deleteTree(folder);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the pack " + location + " to a temporary folder", e);
    }
  }

  private static void deleteTree(Path folder) throws IOException {
    try (var paths = Files.walk(folder)) {
      for (Path path : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(path);
      }
    }
  }
}
