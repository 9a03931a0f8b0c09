package io.riskgate;

import io.riskgate.reference.ReferenceData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A rule pack as loaded from a folder, before compilation: its manifest ({@code pack.json}), its
 * {@code .drl} files and decision tables, and its reference data files under {@code data/}.
 *
 * <pre>
 * my-pack/
 *   pack.json              the manifest, see {@link PackManifest}
 *   rules/valuation.drl    any number of .drl files, in any sub-folder
 *   rules/hs-origin.xlsx   decision tables (.xlsx or .csv, in Drools' layout), compiled as DRL
 *   data/traders.json      reference data the rules consult (one file per kind a rule uses,
 *                          unless the manifest lists the kind in emptyData)
 *   scenarios/*.json       scenario tests (not part of the pack's content hash)
 * </pre>
 *
 * <p>Loading reads every file once into memory and computes the content hash, the SHA-256 over the
 * manifest, the rules and the data files; compiling happens when an engine is built with the pack
 * or reloads it. Instances are immutable and thread-safe.
 *
 * <p>Rule packs are code: DRL consequences run Java with the engine's permissions. Load packs only
 * from places you trust, as you would a jar.
 */
public final class RulePack {
  /** The manifest's file name at the root of a pack. */
  public static final String MANIFEST = "pack.json";

  private final String location;
  private final PackManifest manifest;
  private final Map<String, byte[]> files;
  private final PackVersion version;

  private RulePack(String location, Map<String, byte[]> files) {
    this.location = location;
    this.files = files;
    this.manifest = ManifestReader.read(location, files.get(MANIFEST));
    this.version = new PackVersion(manifest.id(), manifest.version(), hash(files));
    if (drlPaths().isEmpty() && files.keySet().stream().noneMatch(DecisionTable::isTable)) {
      throw RulePackException.of(location, MANIFEST, "the pack has no rule files (.drl, or .xlsx or .csv"
          + " decision tables in rules/)");
    }
  }

  /**
   * Loads a pack from a folder on disk.
   *
   * @throws RulePackException if the folder or its manifest cannot be read
   */
  public static RulePack fromDirectory(Path directory) {
    String location = directory.toString();
    if (!Files.isDirectory(directory)) {
      throw RulePackException.of(location, ".", "not a folder, or it cannot be read");
    }
    if (!Files.isRegularFile(directory.resolve(MANIFEST))) {
      throw RulePackException.of(location, MANIFEST, "missing: a pack folder has a pack.json manifest");
    }
    return new RulePack(location, readTree(location, directory));
  }

  /**
   * Loads a pack from a folder on the class path, such as one packaged in a jar.
   *
   * @param root the folder's resource path, e.g. {@code "riskgate/packs/vn-baseline"}
   * @throws RulePackException if there is no pack there
   */
  public static RulePack fromClasspath(String root) {
    return fromClasspath(root, Thread.currentThread().getContextClassLoader() != null
        ? Thread.currentThread().getContextClassLoader() : RulePack.class.getClassLoader());
  }

  /** Loads a pack from a folder on the class path of {@code loader}. */
  public static RulePack fromClasspath(String root, ClassLoader loader) {
    String folder = root.startsWith("/") ? root.substring(1) : root;
    String location = "classpath:" + folder;
    URL manifest = loader.getResource(folder + "/" + MANIFEST);
    if (manifest == null) {
      throw RulePackException.of(location, MANIFEST, "no pack.json found on the class path");
    }
    try {
      URI uri = manifest.toURI();
      if ("jar".equals(uri.getScheme())) {
        // A pack inside a jar: walk it through the jar's own file system.
        FileSystem jar;
        boolean opened = false;
        try {
          jar = FileSystems.getFileSystem(uri);
        } catch (FileSystemNotFoundException e) {
          jar = FileSystems.newFileSystem(uri, Map.of());
          opened = true;
        }
        try {
          return new RulePack(location, readTree(location, jar.getPath(folder)));
        } finally {
          if (opened) {
            jar.close();
          }
        }
      }
      return new RulePack(location, readTree(location, Path.of(uri).getParent()));
    } catch (URISyntaxException | IOException e) {
      throw RulePackException.of(location, MANIFEST, "cannot read the pack: " + e.getMessage());
    }
  }

  private static Map<String, byte[]> readTree(String location, Path root) {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths.filter(Files::isRegularFile).sorted()::iterator) {
        String relative = root.relativize(path).toString().replace('\\', '/');
        files.put(relative, Files.readAllBytes(path));
      }
    } catch (IOException | UncheckedIOException e) {
      throw RulePackException.of(location, ".", "cannot read the pack: " + e.getMessage());
    }
    return files;
  }

  /** Whether a file is part of what the pack decides with, and so of its content hash. */
  private static boolean decides(String path) {
    return path.equals(MANIFEST) || path.endsWith(".drl") || DecisionTable.isTable(path) || path.startsWith("data/");
  }

  private static String hash(Map<String, byte[]> files) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        if (decides(file.getKey())) {
          // Length-prefix each name and body so that moving bytes between files changes the hash.
          byte[] name = file.getKey().getBytes(StandardCharsets.UTF_8);
          sha.update(lengthOf(name.length));
          sha.update(name);
          sha.update(lengthOf(file.getValue().length));
          sha.update(file.getValue());
        }
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  private static byte[] lengthOf(int length) {
    return new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
  }

  /** Where the pack was loaded from: a folder, or {@code classpath:<folder>}. */
  public String location() {
    return location;
  }

  /** The pack's manifest. */
  public PackManifest manifest() {
    return manifest;
  }

  /** The id, version and content hash every assessment records. */
  public PackVersion version() {
    return version;
  }

  /** The paths of every file in the pack, relative to its folder, sorted. */
  public List<String> paths() {
    return List.copyOf(files.keySet());
  }

  /** The paths of the pack's DRL files. */
  public List<String> drlPaths() {
    return files.keySet().stream().filter(p -> p.endsWith(".drl")).toList();
  }

  /** The text of a file in the pack, read as UTF-8, if there is one at that relative path. */
  public Optional<String> text(String path) {
    byte[] bytes = files.get(path);
    return bytes == null ? Optional.empty() : Optional.of(new String(bytes, StandardCharsets.UTF_8));
  }

  /**
   * Loads the reference data in this pack's {@code data/} folder (see {@link ReferenceData}). A
   * source with neither a file nor an {@code emptyData} entry in the manifest is not given: its
   * accessor returns an empty source, and {@link ReferenceData#globals()} leaves it out.
   *
   * @throws RulePackException naming the file, line and column of every problem found
   */
  public ReferenceData referenceData() {
    return PackData.load(this);
  }

  byte[] bytes(String path) {
    return files.get(path);
  }

  @Override
  public String toString() {
    return version + " from " + location;
  }
}
