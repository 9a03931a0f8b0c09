package io.riskgate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskgate.Assessment;
import io.riskgate.DeclarationException;
import io.riskgate.RiskEngine;
import io.riskgate.RiskgateJson;
import io.riskgate.declaration.Declaration;
import io.riskgate.rules.sample.SampleGenerator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Fuzzing the way in: valid generated declarations, mutated (truncated, values of another type,
 * huge and tiny numbers, deep nesting, long strings, odd Unicode, invalid UTF-8, duplicate, missing
 * and extra fields), read by {@link RiskgateJson} and assessed with vn-baseline. Every input is
 * assessed or refused with a located {@link DeclarationException}: never another exception, never
 * a hang (a try that runs for a minute fails; an ordinary one takes microseconds).
 *
 * <p>Tries come from jqwik's {@code jqwik.tries.default}: a few thousand in the default build,
 * a hundred thousand in the {@code long} profile, more with -D (docs/reliability.md).
 */
class DeclarationFuzzTest {
  private static final RiskgateJson JSON = RiskgateJson.defaults();
  private static final RiskEngine ENGINE = RiskEngine.builder().pack(VnBaseline.pack()).build();
  private static final List<String> VALID = valid();
  private static final ExecutorService RUNNER = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "fuzz");
    thread.setDaemon(true);
    return thread;
  });
  private static final Pattern NUMBER = Pattern.compile("(?<=:)-?\\d+(\\.\\d+)?(?=[,}])|(?<=:\")-?\\d+(\\.\\d+)?(?=\")");
  private static final Pattern STRING = Pattern.compile("(?<=:\")[^\"\\\\]*(?=\")");
  private static final Pattern MEMBER = Pattern.compile("\"(\\w+)\":(\"[^\"\\\\]*\"|-?\\d+(\\.\\d+)?|true|false|null)");

  /** An input: text, or bytes when the mutation broke the UTF-8. */
  record Input(String mutation, String text, byte[] utf8) {
    @Override
    public String toString() {
      String shown = text != null ? text : new String(utf8, StandardCharsets.UTF_8);
      return mutation + ": " + (shown.length() > 300 ? shown.substring(0, 300) + "... (" + shown.length() + " chars)" : shown);
    }
  }

  private static List<String> valid() {
    SampleGenerator generator = new SampleGenerator(17);
    List<String> declarations = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      declarations.add(JSON.writeDeclaration(generator.next().declaration()));
    }
    return declarations;
  }

  @AfterContainer
  static void stop() {
    RUNNER.shutdownNow();
  }

  @Provide
  Arbitrary<Input> inputs() {
    return Arbitraries.randomValue(random -> {
      String text = VALID.get(random.nextInt(VALID.size()));
      int rounds = 1 + random.nextInt(3);
      StringBuilder names = new StringBuilder();
      byte[] utf8 = null;
      for (int i = 0; i < rounds && utf8 == null; i++) {
        int kind = random.nextInt(12);
        names.append(names.length() == 0 ? "" : "+").append(kind);
        if (kind == 11) {
          utf8 = invalidUtf8(text, random);
        } else {
          text = mutate(kind, text, random);
        }
      }
      return utf8 == null ? new Input(names.toString(), text, null) : new Input(names.toString(), null, utf8);
    });
  }

  @Property
  void everyInput_isAssessedOrRefusedWithALocation(@ForAll("inputs") Input input) throws Exception {
    Future<String> outcome = RUNNER.submit(() -> readAndAssess(input));
    try {
      assertThat(outcome.get(1, TimeUnit.MINUTES)).isNotNull();
    } catch (TimeoutException e) {
      outcome.cancel(true);
      throw new AssertionError("did not finish within a minute: " + input, e);
    } catch (ExecutionException e) {
      throw new AssertionError("threw " + e.getCause() + " for " + input, e.getCause());
    }
  }

  private static String readAndAssess(Input input) {
    Declaration declaration;
    try {
      declaration = input.text() != null ? JSON.readDeclaration(input.text(), 1) : JSON.readDeclaration(input.utf8(), 1);
    } catch (DeclarationException e) {
      assertThat(e.line()).as("line of %s", e.getMessage()).isPositive();
      assertThat(e.jsonPath()).as("JSON path of %s", e.getMessage()).isNotNull();
      assertThat(e.getMessage()).as("message").isNotBlank().doesNotContain("\tat ");
      return "refused";
    }
    Assessment assessment = ENGINE.assess(declaration);
    assertThat(assessment.declarationNumber()).isEqualTo(declaration.number());
    return assessment.channel().name();
  }

  private static String mutate(int kind, String text, Random random) {
    if (text.isEmpty()) {
      return "{";  // an earlier mutation left nothing: start from a bare brace
    }
    switch (kind) {
      case 0:  // truncated
        return text.substring(0, random.nextInt(text.length()));
      case 1:  // a value of another type
        return replaceOne(MEMBER, text, random, m -> "\"" + m.group(1) + "\":"
            + new String[] {"{}", "[]", "null", "true", "\"x\"", "12", "[1,2]", "{\"a\":1}"}[random.nextInt(8)]);
      case 2:  // a huge, tiny or long number
        return replaceOne(NUMBER, text, random, m -> new String[] {"1e100000000", "1e999999999", "-1e-999999",
            "9".repeat(5_000), "0." + "0".repeat(5_000) + "1", "1e308", "4.9e-324", "-0", "1E+2147483647",
            "123456789012345678901234567890"}[random.nextInt(10)]);
      case 3:  // deep nesting in an extra field
        int depth = new int[] {10, 1_000, 100_000}[random.nextInt(3)];
        return text.replaceFirst("\\{", "{\"deep\":" + "[".repeat(depth) + "]".repeat(depth) + ",");
      case 4:  // a long string
        return replaceOne(STRING, text, random, m -> "x".repeat(new int[] {1_000, 100_000, 900_000}[random.nextInt(3)]));
      case 5:  // odd Unicode in a string
        return replaceOne(STRING, text, random, m -> new String[] {"\u0000", "\uD800", "\uDC00x", "\u202Eabc",
            "\uFEFF", "\uD83D\uDE00", "\\u0000", "\\uD800", "\u00e9\u0301", "\u0085\u2028"}[random.nextInt(10)]);
      case 6:  // a duplicate key
        return replaceOne(MEMBER, text, random, m -> m.group() + "," + m.group());
      case 7:  // a missing field
        return replaceOne(MEMBER, text, random, m -> "\"removed" + random.nextInt(1000) + "\":null")
            .replaceAll("\"removed\\d+\":null,?", "");
      case 8:  // an extra field
        return text.replaceFirst("\\{", "{\"unexpected\":" + random.nextInt() + ",");
      case 9:  // not JSON at all, or several values
        return new String[] {"", " ", "[" + text + "]", text + text, text + "\n" + text, "null", "\"x\"",
            text.replace("{", "{\n  "), "\u0000" + text}[random.nextInt(9)];
      default:  // a byte or character flipped
        char[] chars = text.toCharArray();
        chars[random.nextInt(chars.length)] = (char) random.nextInt(128);
        return new String(chars);
    }
  }

  private static byte[] invalidUtf8(String text, Random random) {
    byte[] bytes = (text.isEmpty() ? "{}" : text).getBytes(StandardCharsets.UTF_8);
    bytes[random.nextInt(bytes.length)] = (byte) new int[] {0xFF, 0xC0, 0x80, 0xED, 0xF8}[random.nextInt(5)];
    return bytes;
  }

  private static String replaceOne(Pattern pattern, String text, Random random,
      java.util.function.Function<Matcher, String> replacement) {
    Matcher matcher = pattern.matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    if (count == 0) {
      return text;
    }
    int pick = random.nextInt(count);
    matcher.reset();
    for (int i = 0; i <= pick; i++) {
      matcher.find();
    }
    return text.substring(0, matcher.start()) + replacement.apply(matcher) + text.substring(matcher.end());
  }
}
