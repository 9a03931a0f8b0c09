package io.riskgate;

import java.util.Objects;

/**
 * Which rule pack decided: its id and version from the manifest, and the SHA-256 of its content
 * (manifest, rules and data files), so two packs that claim the same version but differ are told
 * apart in the audit trail.
 */
public record PackVersion(String id, String version, String contentHash) {

  public PackVersion {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(contentHash, "contentHash");
  }

  @Override
  public String toString() {
    return id + "@" + version + " (" + contentHash.substring(0, Math.min(12, contentHash.length())) + ")";
  }
}
