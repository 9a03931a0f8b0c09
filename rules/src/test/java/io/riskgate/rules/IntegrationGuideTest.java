package io.riskgate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every Java block of docs/integration.md compiles as written, as a method body with these imports. */
class IntegrationGuideTest {
  private static final String IMPORTS = String.join("\n",
      "import io.riskgate.*;",
      "import io.riskgate.declaration.*;",
      "import io.riskgate.reference.*;",
      "import java.nio.file.*;",
      "import java.time.Duration;",
      "import java.util.List;",
      "");

  @TempDir
  Path classes;

  @Test
  void everyJavaBlockOfTheIntegrationGuide_compiles() throws IOException {
    String guide = Files.readString(Path.of("../docs/integration.md"));
    Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(guide);
    List<JavaFileObject> sources = new ArrayList<>();
    while (block.find()) {
      String body = block.group(1);
      // A block uses the engine and a declaration that an earlier block made, unless it makes them.
      String parameters = (body.contains("RiskEngine engine =") ? "" : "RiskEngine engine, ")
          + (body.contains("Declaration declaration =") ? "" : "Declaration declaration, ") + "Object unused";
      String name = "Block" + sources.size();
      String source = IMPORTS + "class " + name + " {\n  void run(" + parameters + ") throws Exception {\n"
          + body + "\n  }\n}\n";
      sources.add(new SimpleJavaFileObject(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return source;
        }
      });
    }
    assertThat(sources).as("Java blocks in the guide").hasSizeGreaterThanOrEqualTo(5);

    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    StringWriter errors = new StringWriter();
    boolean compiled = compiler.getTask(errors, null, null,
        List.of("-classpath", System.getProperty("java.class.path"), "-d", classes.toString()), null, sources).call();
    assertThat(compiled).as(errors.toString()).isTrue();
  }
}
