package io.riskgate.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.riskgate.Channel;
import io.riskgate.DeclarationException;
import io.riskgate.RiskgateJson;
import io.riskgate.RulePack;
import io.riskgate.declaration.Declaration;
import io.riskgate.reference.ReferenceSources;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/** Reads one scenario file of a pack into a {@link Scenario}, locating every mistake. */
final class ScenarioReader {
  /** A scenario file as written, before its declaration is composed and bound. */
  record FileSpec(
      String description,
      JsonNode declaration,
      String basedOn,
      List<PatchSpec> patches,
      Scenario.ReferenceOverrides referenceData,
      ExpectSpec expect) {}

  /** One patch: a JSON Merge Patch applied at a JSON Pointer ({@code ""}, the root, if absent). */
  record PatchSpec(String at, JsonNode merge) {}

  record ExpectSpec(Channel channel, List<String> codes, Map<String, List<String>> reasons) {}

  // Duplicate keys are refused: in a copied-and-edited scenario the second one would silently win.
  private static final ObjectReader SPEC_READER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .addModule(new JavaTimeModule())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      // Reference-data overrides read like the pack's data files: an absent number is 0.
      .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build()
      .readerFor(FileSpec.class);
  private static final ObjectReader TREE_READER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build()
      .reader();

  private final RulePack pack;
  private final UnaryOperator<String> display;

  /**
   * @param display turns a path in the pack into the path printed in messages
   */
  ScenarioReader(RulePack pack, UnaryOperator<String> display) {
    this.pack = pack;
    this.display = display;
  }

  Scenario read(String path) {
    String file = display.apply(path);
    String text = pack.text(path).orElseThrow(() -> new ScenarioException(file, 0, 0, "$",
        "no such file in the pack"));
    FileSpec spec = bind(file, text);
    Source source = new Source(file, text);

    if (spec.description() == null || spec.description().isBlank()) {
      throw source.error("/description", "description is required: say what the scenario shows");
    }
    boolean inline = spec.declaration() != null && !spec.declaration().isNull();
    boolean based = spec.basedOn() != null;
    if (inline == based) {
      throw source.error(inline ? "/basedOn" : "",
          "give either a declaration (inline) or basedOn (a declaration file in the pack), not "
              + (inline ? "both" : "neither"));
    }
    Source base;
    JsonPointer basePointer;
    JsonNode document;
    if (inline) {
      base = source;
      basePointer = JsonPointer.compile("/declaration");
      document = spec.declaration();
    } else {
      String basePath = resolve(path, spec.basedOn());
      String baseText = basePath == null ? null : pack.text(basePath).orElse(null);
      if (baseText == null) {
        throw source.error("/basedOn", "basedOn names no file in the pack (resolved against the "
            + "scenario's folder, it must stay inside the pack)");
      }
      base = new Source(display.apply(basePath), baseText);
      basePointer = JsonPointer.empty();
      document = parseTree(base);
    }
    List<PatchSpec> patches = spec.patches() == null ? List.of() : spec.patches();
    JsonPointer[] targets = new JsonPointer[patches.size()];
    boolean[] appended = new boolean[patches.size()];
    for (int k = 0; k < patches.size(); k++) {
      JsonPointer at = pointerOf(source, k, patches.get(k));
      document = apply(source, k, document, at, patches.get(k).merge());
      targets[k] = landed(document, at);
      appended[k] = !at.equals(targets[k]);
    }
    Declaration declaration = bindDeclaration(source, base, basePointer, document, patches, targets, appended);

    ExpectSpec expect = spec.expect();
    if (expect == null) {
      throw source.error("", "expect is required: the channel and codes the pack must give");
    }
    if (expect.channel() == null) {
      throw source.error("/expect", "expect.channel is required: GREEN, YELLOW or RED");
    }
    if (expect.codes() == null) {
      throw source.error("/expect", "expect.codes is required: the exact criterion codes that must hit ([] for none)");
    }
    TreeSet<String> codes = new TreeSet<>();
    for (int i = 0; i < expect.codes().size(); i++) {
      String code = expect.codes().get(i);
      if (code == null || code.isBlank() || !codes.add(code)) {
        throw source.error("/expect/codes/" + i, code == null || code.isBlank()
            ? "a code must not be blank" : "code " + code + " is listed twice");
      }
    }
    if (expect.reasons() != null) {
      for (Map.Entry<String, List<String>> reason : expect.reasons().entrySet()) {
        String at = "/expect/reasons/" + reason.getKey().replace("~", "~0").replace("/", "~1");
        if (!codes.contains(reason.getKey())) {
          throw source.error(at, "reasons names " + reason.getKey()
              + ", which is not in expect.codes; expected reasons are for codes that hit");
        }
        if (reason.getValue() == null || reason.getValue().stream().anyMatch(f -> f == null || f.isEmpty())) {
          throw source.error(at, "reasons of a code are a list of non-empty text fragments");
        }
      }
    }
    checkOverrides(source, spec.referenceData());
    return new Scenario(file, spec.description(), declaration, spec.referenceData(),
        new Scenario.Expectation(expect.channel(), codes, expect.reasons()));
  }

  /** Builds the override sources once, so that duplicate keys show up when the file is read. */
  private static void checkOverrides(Source source, Scenario.ReferenceOverrides overrides) {
    if (overrides == null) {
      return;
    }
    String list = "traders";
    try {
      ReferenceSources.traders(overrides.traders());
      list = "prices";
      ReferenceSources.prices(overrides.prices());
      list = "watchlists";
      ReferenceSources.watchlists(overrides.watchlists());
      list = "hsLists";
      ReferenceSources.hsLists(overrides.hsLists());
    } catch (IllegalArgumentException e) {
      throw source.error("/referenceData/" + list, e.getMessage());
    }
  }

  /** A JSON text and the name it goes by in messages. */
  private record Source(String file, String text) {
    ScenarioException error(String pointer, String message) {
      return error(JsonPointer.compile(pointer), message);
    }

    /** An error at the value {@code pointer} names, or at its nearest ancestor in the text. */
    ScenarioException error(JsonPointer pointer, String message) {
      for (JsonPointer at = pointer; at != null; at = at.head()) {
        int[] position = JsonLocator.locate(text, at);
        if (position != null) {
          return new ScenarioException(file, position[0], position[1], JsonLocator.display(pointer), message);
        }
      }
      return new ScenarioException(file, 0, 0, JsonLocator.display(pointer), message);
    }
  }

  private static FileSpec bind(String file, String text) {
    try {
      FileSpec spec = SPEC_READER.readValue(text);
      if (spec == null) {
        throw new ScenarioException(file, 1, 1, "$", "expected a scenario object, found null or nothing");
      }
      return spec;
    } catch (JsonProcessingException e) {
      throw located(file, text, e);
    }
  }

  private static JsonNode parseTree(Source source) {
    try {
      JsonNode node = TREE_READER.readTree(source.text());
      if (node == null || !node.isObject()) {
        throw source.error("", "expected a declaration object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw located(source.file(), source.text(), e);
    }
  }

  private static ScenarioException located(String file, String text, JsonProcessingException e) {
    String path = "$";
    JsonPointer pointer = JsonPointer.empty();
    if (e instanceof JsonMappingException mapping) {
      StringBuilder ptr = new StringBuilder();
      for (JsonMappingException.Reference ref : mapping.getPath()) {
        if (ref.getFieldName() != null) {
          ptr.append('/').append(ref.getFieldName().replace("~", "~0").replace("/", "~1"));
        } else if (ref.getIndex() >= 0) {
          ptr.append('/').append(ref.getIndex());
        }
      }
      pointer = JsonPointer.compile(ptr.toString());
      path = JsonLocator.display(pointer);
    }
    String message;
    JsonLocation location = e.getLocation();
    int line = location == null ? 0 : location.getLineNr();
    int column = location == null ? 0 : location.getColumnNr();
    // Jackson reports where its parser stopped (past an unknown field, at the end of an object it
    // could not build); the start of the offending value is what the author looks for.
    int[] start = e instanceof JsonMappingException ? JsonLocator.locate(text, pointer) : null;
    if (start != null) {
      line = start[0];
      column = start[1];
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      TreeSet<String> known = new TreeSet<>();
      if (unknown.getKnownPropertyIds() != null) {
        unknown.getKnownPropertyIds().forEach(id -> known.add(id.toString()));
      }
      message = "unknown field '" + unknown.getPropertyName() + "' (known here: " + String.join(", ", known) + ")";
    } else if (e instanceof ValueInstantiationException && e.getCause() != null) {
      message = e.getCause().getMessage();
    } else if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
        && invalid.getTargetType().isEnum()) {
      StringBuilder values = new StringBuilder();
      for (Object constant : invalid.getTargetType().getEnumConstants()) {
        values.append(values.length() == 0 ? "" : ", ").append(constant);
      }
      message = "expected one of " + values;
    } else {
      message = firstLine(e.getOriginalMessage());
    }
    return new ScenarioException(file, line, column, path, message);
  }

  private static String firstLine(String text) {
    String line = text == null ? "invalid JSON" : text.lines().findFirst().orElse("invalid JSON");
    // Jackson names our classes in full; authors need the simple name only.
    return line.replaceAll("`?(?:[a-z]+\\.)+([A-Z][A-Za-z]*)`?", "$1");
  }

  /** The pack path {@code basedOn} names, relative to the scenario's folder; null if outside. */
  private static String resolve(String scenarioPath, String basedOn) {
    if (basedOn.isBlank() || basedOn.startsWith("/") || basedOn.contains("\\")) {
      return null;
    }
    Path folder = Path.of(scenarioPath).getParent();
    Path resolved = (folder == null ? Path.of(basedOn) : folder.resolve(basedOn)).normalize();
    String text = resolved.toString().replace('\\', '/');
    return text.startsWith("..") || text.isEmpty() ? null : text;
  }

  private static JsonPointer pointerOf(Source source, int k, PatchSpec patch) {
    if (patch == null) {
      throw source.error("/patches/" + k, "a patch is an object: {\"at\": \"/items/0\", \"merge\": {...}}");
    }
    if (patch.merge() == null) {
      throw source.error("/patches/" + k, "merge is required: the JSON Merge Patch to apply");
    }
    try {
      return JsonPointer.compile(patch.at() == null ? "" : patch.at());
    } catch (IllegalArgumentException e) {
      throw source.error("/patches/" + k + "/at",
          "at must be a JSON Pointer such as \"/items/0\" (\"\" for the whole declaration)");
    }
  }

  /** Applies the merge patch at {@code at}; {@code -} as the last step appends to an array. */
  private static JsonNode apply(Source source, int k, JsonNode document, JsonPointer at, JsonNode merge) {
    if (at.matches()) {
      return MergePatch.apply(document, merge);
    }
    JsonNode parent = document.at(at.head());
    JsonPointer last = at.last();
    if (parent instanceof ObjectNode object && object.has(last.getMatchingProperty())) {
      object.set(last.getMatchingProperty(), MergePatch.apply(object.get(last.getMatchingProperty()), merge));
      return document;
    }
    if (parent instanceof ArrayNode array) {
      if (last.getMatchingProperty().equals("-")) {
        array.add(MergePatch.apply(null, merge));
        return document;
      }
      int index = last.getMatchingIndex();
      if (index >= 0 && index < array.size()) {
        array.set(index, MergePatch.apply(array.get(index), merge));
        return document;
      }
    }
    throw source.error("/patches/" + k + "/at", "at names nothing in the declaration (patches "
        + "change what exists; \"/items/-\" appends an item; patch the parent to add a field)");
  }

  /** Where a patch landed: for {@code /items/-}, the index of the element it appended. */
  private static JsonPointer landed(JsonNode document, JsonPointer at) {
    if (at.matches() || !at.last().getMatchingProperty().equals("-")) {
      return at;
    }
    return at.head().appendIndex(document.at(at.head()).size() - 1);
  }

  /** Binds the composed declaration, locating a mistake in the file that holds the bad value. */
  private static Declaration bindDeclaration(Source source, Source base, JsonPointer basePointer,
      JsonNode document, List<PatchSpec> patches, JsonPointer[] targets, boolean[] appended) {
    try {
      return RiskgateJson.defaults().readDeclaration(document.toString());
    } catch (DeclarationException e) {
      JsonPointer bad = JsonLocator.pointer(e.jsonPath());
      String message = e.getOriginalMessage() + " (declaration at " + e.jsonPath() + ")";
      // The author fixes a bad value where it was written: in the last patch that appended the
      // whole element or wrote the member the value sits in (at the nearest part of its merge
      // that exists), or else in the declaration the scenario started from.
      for (int k = patches.size() - 1; k >= 0; k--) {
        JsonPointer rest = relativeTo(bad, targets[k]);
        if (rest == null) {
          continue;
        }
        String step = rest.toString().replaceFirst("^(/[^/]*).*$", "$1");
        if (appended[k] || rest.matches() || !patches.get(k).merge().at(step).isMissingNode()) {
          throw source.error(JsonPointer.compile("/patches/" + k + "/merge" + rest), message);
        }
      }
      throw base.error(basePointer.append(bad), message);
    }
  }

  private static JsonPointer relativeTo(JsonPointer pointer, JsonPointer prefix) {
    String p = pointer.toString();
    String q = prefix.toString();
    if (p.equals(q)) {
      return JsonPointer.empty();
    }
    return p.startsWith(q + "/") ? JsonPointer.compile(p.substring(q.length())) : null;
  }
}
