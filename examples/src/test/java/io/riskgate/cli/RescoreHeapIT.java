package io.riskgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory in flight is bounded by bytes, sized from the heap: the largest lines the default limits
 * allow (1,000 items, just under 1,000,000 characters) run in the smallest heap rescore accepts for
 * them, on many threads with the default batch; a heap too small for one such line is refused
 * before the run starts; a run that runs out of memory all the same ends with one line saying what
 * to try. Child JVMs of the shaded jar, each with its own -Xmx.
 */
class RescoreHeapIT {
  private static final Path JAR = Path.of(System.getProperty("riskgate.jar", "target/riskgate.jar")).toAbsolutePath();
  private static final int LINES = 40;
  private static final String DESCRIPTION = "Brake assemblies ";

  @TempDir
  Path dir;

  record Run(int status, String err) {}

  private Run java(String heap, String... args) throws Exception {
    return java(List.of("-Xmx" + heap), args);
  }

  private Run java(List<String> jvm, String... args) throws Exception {
    List<String> command = new ArrayList<>(TestData.javaCommand());
    command.addAll(jvm);
    command.addAll(List.of("-jar", JAR.toString()));
    command.addAll(List.of(args));
    Path err = dir.resolve(".stderr");
    Process process = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
    // A safety net against a hung child, not a timing assertion.
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("riskgate " + String.join(" ", args) + " did not finish");
    }
    return new Run(process.exitValue(), Files.readString(err));
  }

  /** Declarations of 1,000 items with long descriptions, each line just under 1,000,000 characters. */
  private Path largestLines() throws Exception {
    Path generated = dir.resolve("generated.jsonl");
    assertThat(java("256m", "generate", "--count", String.valueOf(LINES), "--seed", "4", "--out",
        generated.toString()).status()).isZero();
    JsonMapper mapper = JsonMapper.builder().build();
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(generated)) {
      ObjectNode declaration = (ObjectNode) mapper.readTree(line);
      ObjectNode item = (ObjectNode) declaration.get("items").get(0);
      // Declarations differ in their other fields: the description is cut until the line fits the
      // limit, by as many repeats as the line is over (each adds its words to each of 1,000 items).
      int repeat = 50;
      String text = withItems(mapper, declaration, item, repeat);
      while (text.length() > 999_999) {
        int step = 1_000 * DESCRIPTION.length();
        repeat -= (text.length() - 999_999 + step - 1) / step;
        text = withItems(mapper, declaration, item, repeat);
      }
      assertThat(text.length()).isBetween(980_000, 999_999);
      lines.add(text);
    }
    return Files.write(dir.resolve("largest.jsonl"), lines);
  }

  private static String withItems(JsonMapper mapper, ObjectNode declaration, ObjectNode item, int repeat)
      throws Exception {
    ArrayNode items = mapper.createArrayNode();
    for (int i = 1; i <= 1_000; i++) {
      items.add(item.deepCopy().put("line", i).put("description", DESCRIPTION.repeat(repeat)));
    }
    declaration.set("items", items);
    return mapper.writeValueAsString(declaration);
  }

  @Test
  void theLargestAllowedLines_runInTheSmallestHeapAcceptedForThem() throws Exception {
    Path in = largestLines();

    // 96 MB: just above the 92 MB that rescore asks for with the default --max-line-chars. Before,
    // 2 x threads batches of 500 such lines were held: gigabytes.
    Run run = java("96m", "rescore", "-q", "--in", in.toString(), "--out", dir.resolve("out.jsonl").toString(),
        "--threads", "8");

    assertThat(run.status()).as(run.err()).isIn(0, 1);
    assertThat(Files.readAllLines(dir.resolve("out.jsonl"))).hasSize(LINES);
    assertThat(Files.readAllLines(dir.resolve("out.rejects.jsonl"))).isEmpty();
  }

  @Test
  void aHeapTooSmallForOneLine_isRefusedUpFrontNamingTheSettings() throws Exception {
    Path in = Files.writeString(dir.resolve("in.jsonl"), "{}\n");

    Run run = java("64m", "rescore", "-q", "--in", in.toString(), "--out", dir.resolve("out.jsonl").toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).hasLineCount(1).contains("--max-line-chars").contains("-Xmx").doesNotContain("Exception");
    assertThat(dir.resolve("out.jsonl")).doesNotExist();
  }

  @Test
  void aLineTheHeapCannotHold_isRefusedUpFrontNamingTheSettings() throws Exception {
    Path in = Files.writeString(dir.resolve("in.jsonl"), "{}\n");

    Run run = java("48m", "rescore", "-q", "--pack", TestData.pack("gate").toString(),
        "--in", in.toString(), "--out", "a.jsonl", "--max-line-chars", "200000000");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).hasLineCount(1).contains("--max-line-chars 200,000,000").contains("raise -Xmx")
        .doesNotContain("Exception");
    assertThat(dir.resolve("a.jsonl")).doesNotExist();
  }

  @Test
  void outOfMemory_exitsThreeWithOneLineSayingWhatToTry() throws Exception {
    // The reader thread fills the heap (a test-only property): the run must end, not hang.
    Path in = Files.write(dir.resolve("in.jsonl"), TestData.lines(2_000, 3, false));
    String[] args = {"rescore", "-q", "--pack", TestData.pack("gate").toString(), "--in", in.toString(),
        "--out", "a.jsonl", "--max-line-chars", "100000"};

    List<String> jvm = List.of("-Xmx48m", "-Driskgate.test.exhaustHeapAt=reading");
    Run run = java(jvm, args);

    assertThat(run.status()).as(run.err()).isEqualTo(3);
    assertThat(run.err()).as("one line, no stack trace").hasLineCount(1)
        .startsWith("riskgate rescore: ran out of memory (OutOfMemoryError")
        .contains("raise -Xmx").contains("lower --threads, --batch or --max-line-chars")
        .doesNotContain("\tat ");
    assertThat(dir.resolve("a.jsonl")).doesNotExist();

    List<String> debug = new ArrayList<>(List.of(args));
    // Another output: a run that ran out of memory may leave its staged files, which the next run
    // into the same output removes and says so on a line of its own.
    debug.set(debug.indexOf("a.jsonl"), "b.jsonl");
    debug.add("--debug");
    Run traced = java(jvm, debug.toArray(String[]::new));
    assertThat(traced.status()).isEqualTo(3);
    // The trace itself: the JVM may throw a preallocated OutOfMemoryError without frames.
    assertThat(traced.err()).startsWith("riskgate rescore: ran out of memory")
        .contains("java.lang.OutOfMemoryError: Java heap space");
  }
}
