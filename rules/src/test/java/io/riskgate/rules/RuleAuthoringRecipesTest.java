package io.riskgate.rules;
import static org.assertj.core.api.Assertions.assertThat;

import io.riskgate.RiskEngine;
import io.riskgate.RulePack;
import io.riskgate.reference.ReferenceData;
import io.riskgate.scenario.PackValidation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recipes of docs/rule-authoring.md ("Recipes: the ten common criteria") work as written: the
 * guide's header block and every recipe block (each preceded by {@code <!-- recipe: CODE -->}) go
 * into one rule file of a pack with vn-baseline's manifest and reference data, and each recipe
 * hits on a declaration built for it and not on its near miss, as scenarios that {@code validate}
 * runs. (A separate class from {@link RuleAuthoringGuideTest}, which reads the guide's
 * {@code <!-- file: -->} blocks, so that both can grow without touching each other.)
 */
class RuleAuthoringRecipesTest {
  private static final Path GUIDE = Path.of("../docs/rule-authoring.md");
  private static final Pattern HEADER_BLOCK =
      Pattern.compile("<!-- recipes: header -->\\s*\\n```drl\\n(.*?)\\n```", Pattern.DOTALL);
  private static final Pattern RECIPE_BLOCK =
      Pattern.compile("<!-- recipe: (\\S+) -->\\s*\\n```drl\\n(.*?)\\n```", Pattern.DOTALL);
  private static final Pattern CODE = Pattern.compile("@code\\(\"([^\"]+)\"\\)");

  /**
   * Per recipe: the scenario where it hits and its near miss, as patches of vn-baseline's base
   * declaration (a plain sea import of plastic boxes by a level-3 trader registered in 2020, on
   * 2026-03-16) and what the pack of recipes must decide. The near misses sit just across each
   * recipe's line, so they also pin the boundaries the guide states.
   */
  private static final Map<String, String[]> SCENARIOS = new LinkedHashMap<>();

  static {
    scenario("VAL-10",
        """
        "patches": [ { "at": "/items/0", "merge": { "customsValue": { "amount": 2000.00, "currency": "USD" } } } ],
        "expect": { "channel": "YELLOW", "codes": ["VAL-10"],
                    "reasons": { "VAL-10": ["item 1 (HS 39269099) is 38% below the reference 3.20 USD/KGM"] } }
        """,
        // 2.08 USD/KGM is exactly 35% (the tolerance) below 3.20
        """
        "patches": [ { "at": "/items/0", "merge": { "customsValue": { "amount": 2080.00, "currency": "USD" } } } ],
        "expect": { "channel": "GREEN", "codes": [] }
        """);
    scenario("ORI-10",
        """
        "patches": [ { "at": "/items/0", "merge": { "hsCode": "64039990", "description": "leather shoes" } } ],
        "expect": { "channel": "GREEN", "codes": ["ORI-10"], "reasons": { "ORI-10": ["is footwear from CN"] } }
        """,
        """
        "patches": [ { "at": "/items/0", "merge": { "hsCode": "64039990", "description": "leather shoes", "origin": "IT" } } ],
        "expect": { "channel": "GREEN", "codes": [] }
        """);
    scenario("TRD-10",
        """
        "referenceData": { "traders": [ { "taxId": "2306768614", "complianceLevel": 3, "priority": false,
                                          "registeredOn": "2025-09-18" } ] },
        "expect": { "channel": "GREEN", "codes": ["TRD-10"], "reasons": { "TRD-10": ["was registered 179 days before"] } }
        """,
        // exactly 180 days before the declaration's day
        """
        "referenceData": { "traders": [ { "taxId": "2306768614", "complianceLevel": 3, "priority": false,
                                          "registeredOn": "2025-09-17" } ] },
        "expect": { "channel": "GREEN", "codes": [] }
        """);
    scenario("TRD-11",
        // the first violation is exactly 365 days before the declaration's day, and counts
        """
        "referenceData": { "traders": [ { "taxId": "2306768614", "complianceLevel": 3, "priority": false,
            "registeredOn": "2020-05-10",
            "violations": [ { "date": "2025-03-16", "severity": "MINOR" }, { "date": "2026-01-10", "severity": "MINOR" } ] } ] },
        "expect": { "channel": "GREEN", "codes": ["TRD-11"], "reasons": { "TRD-11": ["has 2 violations in the 365 days"] } }
        """,
        """
        "referenceData": { "traders": [ { "taxId": "2306768614", "complianceLevel": 3, "priority": false,
            "registeredOn": "2020-05-10",
            "violations": [ { "date": "2025-03-15", "severity": "MINOR" }, { "date": "2026-01-10", "severity": "MINOR" } ] } ] },
        "expect": { "channel": "GREEN", "codes": [] }
        """);
    scenario("RTE-10",
        """
        "patches": [ { "merge": { "header": { "transportMode": "ROAD", "borderGate": "CUA KHAU TAN THANH" } } } ],
        "expect": { "channel": "GREEN", "codes": ["RTE-10"], "reasons": { "RTE-10": ["goods cross CUA KHAU TAN THANH by road"] } }
        """,
        """
        "patches": [ { "merge": { "header": { "transportMode": "ROAD", "borderGate": "CUA KHAU HUU NGHI" } } } ],
        "expect": { "channel": "GREEN", "codes": [] }
        """);
    scenario("DOC-10",
        """
        "patches": [ { "merge": { "documents": [ { "type": "INVOICE", "number": "NEP-2026-0311" },
                                                 { "type": "BILL_OF_LADING", "number": "COSU6402110001" } ] } } ],
        "expect": { "channel": "GREEN", "codes": ["DOC-10"], "reasons": { "DOC-10": ["1 container(s) without a packing list"] } }
        """,
        """
        "patches": [ { "merge": { "header": { "containers": [] },
                                  "documents": [ { "type": "INVOICE", "number": "NEP-2026-0311" },
                                                 { "type": "BILL_OF_LADING", "number": "COSU6402110001" } ] } } ],
        "expect": { "channel": "GREEN", "codes": [] }
        """);
    scenario("LIC-10",
        """
        "patches": [ { "at": "/items/0", "merge": { "hsCode": "38089199", "description": "insecticides",
                                                    "customsValue": { "amount": 6000.00, "currency": "USD" } } } ],
        "expect": { "channel": "YELLOW", "codes": ["LIC-10"], "reasons": { "LIC-10": ["needs a PESTICIDE_LICENCE"] } }
        """,
        """
        "patches": [ { "at": "/items/0", "merge": { "hsCode": "38089199", "description": "insecticides",
                                                    "customsValue": { "amount": 6000.00, "currency": "USD" } } },
                     { "at": "/documents/-", "merge": { "type": "PESTICIDE_LICENCE", "number": "BVTV-2026-118" } } ],
        "expect": { "channel": "GREEN", "codes": [] }
        """);
    scenario("ORI-11",
        """
        "patches": [ { "at": "/items/0", "merge": { "preference": { "form": "E", "certificateNumber": "E2026-0001" } } } ],
        "expect": { "channel": "YELLOW", "codes": ["ORI-11"], "reasons": { "ORI-11": ["claims preference under form E"] } }
        """,
        """
        "patches": [ { "at": "/items/0", "merge": { "preference": { "form": "E", "certificateNumber": "E2026-0001" } } },
                     { "at": "/documents/-", "merge": { "type": "CO", "number": "E2026-0001" } } ],
        "expect": { "channel": "GREEN", "codes": [] }
        """);
    scenario("CMB-10",
        cmb10("2025-06-01")
            + """
            ,"expect": { "channel": "YELLOW", "codes": ["CMB-10"],
                        "reasons": { "CMB-10": ["is under a year old and item 1 (HS 72085100, price-risk goods)"] } }
            """,
        // registered exactly 365 days before: no longer under a year old
        cmb10("2025-03-16") + """
            ,"expect": { "channel": "GREEN", "codes": [] }
            """);
    scenario("FAC-10",
        """
        "referenceData": { "traders": [ { "taxId": "2306768614", "complianceLevel": 1, "priority": true,
                                          "registeredOn": "2020-05-10" } ] },
        "expect": { "channel": "GREEN", "codes": ["FAC-10"], "reasons": { "FAC-10": ["is an authorised economic operator"] } }
        """,
        """
        "referenceData": { "traders": [ { "taxId": "2306768614", "complianceLevel": 1, "priority": true,
            "registeredOn": "2020-05-10", "violations": [ { "date": "2025-12-01", "severity": "MINOR" } ] } ] },
        "expect": { "channel": "GREEN", "codes": [] }
        """);
  }

  /**
   * Hot-rolled steel (price-risk) from CN under form E with its C/O (added to the base's
   * documents), by a trader registered on {@code day}.
   */
  private static String cmb10(String day) {
    return """
        "patches": [ { "at": "/items/0", "merge": { "hsCode": "72085100", "description": "hot-rolled steel plate",
                                                    "preference": { "form": "E", "certificateNumber": "E2026-0002" } } },
                     { "at": "/documents/-", "merge": { "type": "CO", "number": "E2026-0002" } } ],
        "referenceData": { "traders": [ { "taxId": "2306768614", "complianceLevel": 3, "priority": false,
                                          "registeredOn": "%s" } ] }
        """.formatted(day);
  }

  private static void scenario(String code, String fires, String nearMiss) {
    SCENARIOS.put(code, new String[] {fires, nearMiss});
  }

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @Test
  void guide_hasTheTenRecipes_eachWithACodeOfItsOwn_noneOfVnBaselines() throws IOException {
    Map<String, String> recipes = recipes();
    assertThat(recipes).hasSize(10);
    recipes.forEach((code, drl) -> assertThat(codes(drl)).as("the code in recipe " + code).containsExactly(code));
    assertThat(recipes.keySet()).as("a recipe pasted into vn-baseline must not reuse a code")
        .doesNotContainAnyElementsOf(vnBaselineCodes());
  }

  @Test
  void recipes_asWritten_compileWithVnBaselineData_andEachHitsOnItsScenarioAndNotOnItsNearMiss(@TempDir Path pack)
      throws IOException {
    Map<String, String> recipes = recipes();
    assertThat(recipes.keySet()).as("a scenario pair per recipe").isEqualTo(SCENARIOS.keySet());
    writePack(pack, recipes);

    int status = PackValidation.validate(pack, out);

    String output = bytes.toString(StandardCharsets.UTF_8);
    assertThat(status).as(output).isZero();
    // every scenario expects its exact set of codes: each recipe hits alone where it should, and
    // validate's coverage check fails if a recipe lacks its firing scenario or its near miss
    assertThat(output).contains("recipes@1.0.0: 20 scenarios, 20 passed, 0 failed");
  }

  /** A pack: vn-baseline's data, a manifest of its thresholds, the recipes, the scenarios above. */
  private static void writePack(Path pack, Map<String, String> recipes) throws IOException {
    Path source = VnBaselineScenariosTest.PACK;
    Files.createDirectories(pack.resolve("rules"));
    Files.createDirectories(pack.resolve("scenarios/base"));
    Files.writeString(pack.resolve("pack.json"), """
        { "id": "recipes", "version": "1.0.0", "thresholds": { "yellow": 25, "red": 70 },
          "randomRates": { "yellow": 0.03, "red": 0.01 }, "seed": 20261123 }
        """);
    copyTree(source.resolve("data"), pack.resolve("data"));
    // Only the reference data: the lists and tables vn-baseline declares are not this pack's.
    try (Stream<Path> files = Files.list(pack.resolve("data"))) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (!ReferenceData.KINDS.contains(name.substring(0, name.lastIndexOf('.')))) {
          Files.delete(file);
        }
      }
    }
    Files.copy(source.resolve("scenarios/base/import-sea.json"), pack.resolve("scenarios/base/import-sea.json"));
    StringBuilder drl = new StringBuilder(header()).append('\n');
    recipes.values().forEach(recipe -> drl.append('\n').append(recipe).append('\n'));
    Files.writeString(pack.resolve("rules/recipes.drl"), drl);
    for (Map.Entry<String, String[]> scenario : SCENARIOS.entrySet()) {
      String code = scenario.getKey();
      writeScenario(pack.resolve("scenarios/" + code.toLowerCase() + "-fires.json"),
          code + " hits on the declaration built for it", scenario.getValue()[0]);
      writeScenario(pack.resolve("scenarios/" + code.toLowerCase() + "-near-miss.json"),
          code + " does not hit just across its line", scenario.getValue()[1]);
    }
  }

  private static void writeScenario(Path file, String description, String body) throws IOException {
    Files.writeString(file, "{ \"description\": \"" + description + "\", \"basedOn\": \"base/import-sea.json\",\n"
        + body + "}\n");
  }

  private static void copyTree(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.copy(file, to.resolve(file.getFileName().toString()));
      }
    }
  }

  private static String header() throws IOException {
    Matcher matcher = HEADER_BLOCK.matcher(Files.readString(GUIDE));
    assertThat(matcher.find()).as("the guide has a <!-- recipes: header --> block").isTrue();
    return matcher.group(1) + "\n";
  }

  /** The guide's recipes by the code their marker names, in the guide's order. */
  private static Map<String, String> recipes() throws IOException {
    Map<String, String> recipes = new LinkedHashMap<>();
    Matcher matcher = RECIPE_BLOCK.matcher(Files.readString(GUIDE));
    while (matcher.find()) {
      assertThat(recipes.put(matcher.group(1), matcher.group(2))).as("recipe " + matcher.group(1) + " twice").isNull();
    }
    return recipes;
  }

  private static Set<String> codes(String drl) {
    Set<String> codes = new TreeSet<>();
    Matcher matcher = CODE.matcher(drl);
    while (matcher.find()) {
      codes.add(matcher.group(1));
    }
    return codes;
  }

  private static Set<String> vnBaselineCodes() throws IOException {
    Set<String> codes = new TreeSet<>();
    // Its criteria as the engine sees them: the DRL files' and the decision table's rows.
    RiskEngine engine = RiskEngine.builder().pack(RulePack.fromDirectory(VnBaselineScenariosTest.PACK)).build();
    engine.criteria().forEach(criterion -> codes.add(criterion.code()));
    assertThat(codes).as("vn-baseline's codes were read").contains("VAL-01", "FAC-02");
    return codes;
  }
}
