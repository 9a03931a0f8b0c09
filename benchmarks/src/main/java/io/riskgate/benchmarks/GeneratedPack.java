package io.riskgate.benchmarks;

import io.riskgate.RiskEngine;
import io.riskgate.RulePack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A pack of a chosen size for the growth benchmarks: {@code vn-baseline} (its manifest, reference
 * data and rules) plus generated criteria up to the requested number of rules. The generated
 * criteria take the shapes of the baseline's, in turn: an item pattern on heading, origin and
 * duty (LIC-02, targeted pairs); a header pattern (RTE-01); a trader looked up in the registry
 * (TRD-*); an item valued against the price table (VAL-*); an item on an HS list (HS-*); a party on
 * a watchlist (WL-*), with reference lookups in constraints as the pack has them. Their constants are drawn, seeded, from the goods, origins and gates that
 * generated declarations use, so that a realistic share of them match.
 */
final class GeneratedPack {
  private static final String[] HEADINGS = {"0207", "0306", "0805", "0806", "1006", "1511", "1701", "2203",
      "2204", "2208", "3004", "3304", "3926", "4011", "5205", "6109", "6403", "7208", "7210", "7213", "7308",
      "8415", "8471", "8507", "8517", "8528", "8542", "8703", "8704", "8708", "8711", "8714", "9018", "9403",
      "9503", "3808", "4802", "8504", "6203", "8429"};
  private static final String[] ORIGINS = {"CN", "TH", "KR", "JP", "IN", "MY", "ID", "US", "DE", "TW", "KH", "FR"};
  private static final String[] GATES = {"CUA KHAU HUU NGHI", "CUA KHAU TAN THANH", "CANG HAI PHONG",
      "CANG CAT LAI", "CUA KHAU MONG CAI", "SAN BAY NOI BAI", "CUA KHAU LAO CAI", "CANG DA NANG"};
  private static final String[] PROCEDURES = {"A11", "A12", "A31", "E21", "E31", "G11", "G12", "C11"};

  private GeneratedPack() {}

  /** The number of rules in {@code pack}: its criteria, from DRL files and decision table rows. */
  static int ruleCount(RulePack pack) {
    return RiskEngine.builder().pack(pack).build().criteria().size();
  }

  /**
   * Writes {@code base} plus generated criteria, {@code rules} rules in all, into {@code directory}
   * and loads it.
   */
  static RulePack write(RulePack base, int rules, Path directory) {
    int generated = rules - ruleCount(base);
    if (generated < 0) {
      throw new IllegalArgumentException("the base pack alone has more than " + rules + " rules");
    }
    try {
      for (String path : base.paths()) {
        Path target = directory.resolve(path);
        Files.createDirectories(target.getParent());
        if (PackFiles.binary(path)) {
          Files.write(target, PackFiles.bytes(base, path));
          continue;
        }
        String text = base.text(path).orElseThrow();
        if (path.equals(RulePack.MANIFEST)) {
          text = text.replaceFirst("\"id\"\\s*:\\s*\"[^\"]*\"", "\"id\": \"generated-" + rules + "\"");
        }
        Files.writeString(target, text, StandardCharsets.UTF_8);
      }
      Path drl = directory.resolve("rules/generated.drl");
      Files.createDirectories(drl.getParent());
      Files.writeString(drl, drl(generated), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return RulePack.fromDirectory(directory);
  }

  /** The DRL of {@code count} generated criteria, the same for the same count. */
  static String drl(int count) {
    SplittableRandom random = new SplittableRandom(count);
    StringBuilder out = new StringBuilder(count * 400);
    out.append("package riskgate.generated;\n\n")
        .append("import io.riskgate.declaration.Declaration;\n")
        .append("import io.riskgate.declaration.Line;\n")
        .append("\n")
        .append("global io.riskgate.Risk risk;\n")
        .append("global io.riskgate.reference.TraderRegistry traders;\n")
        .append("global io.riskgate.reference.PriceTable prices;\n")
        .append("global io.riskgate.reference.HsLists hsLists;\n")
        .append("global io.riskgate.reference.Watchlists watchlists;\n\n");
    for (int n = 1; n <= count; n++) {
      String code = String.format("GEN-%05d", n);
      String heading = pick(random, HEADINGS);
      String origin = pick(random, ORIGINS);
      out.append("rule \"Generated criterion ").append(n).append("\"\n  @code(\"").append(code).append("\")\nwhen\n");
      switch (n % 6) {
        case 0 -> out.append("  $l : Line( $d : declaration, heading == \"").append(heading).append("\", origin == \"").append(origin)
            .append("\", dutyRate >= ").append(random.nextInt(30)).append(" )\n")
            .append("then\n  risk.hit($d, 5, \"item \" + $l.line() + \" (HS \" + $l.hsCode() + \" from \" + $l.origin() + \") matches ")
            .append(code).append("\");\n");
        case 1 -> out.append("  $d : Declaration( header.borderGate == \"").append(pick(random, GATES))
            .append("\", header.procedureCode == \"").append(pick(random, PROCEDURES)).append("\" )\n")
            .append("then\n  risk.hit($d, 5, \"gate \" + $d.header().borderGate() + \" and procedure \" + $d.header().procedureCode() + \" match ")
            .append(code).append("\");\n");
        case 2 -> out.append("  $d : Declaration( traders.find(header.traderTaxId)!.complianceLevel == ")
            .append(1 + random.nextInt(5)).append(",\n      traders.find(header.traderTaxId).ageInDays(header.registeredAt) < ")
            .append(365 * (1 + random.nextInt(20))).append(" )\n")
            .append("then\n  risk.hit($d, 5, \"trader \" + $d.header().traderTaxId() + \" matches ").append(code).append("\");\n");
        case 3 -> out.append("  $l : Line( $d : declaration, heading == \"").append(heading)
            .append("\", prices.findFor(item)!.isBelowBy(unitValue, ").append(10 + random.nextInt(60)).append(") )\n")
            .append("then\n  risk.hit($d, 5, String.format(\"item %d: unit value %.2f is %d%% below reference (")
            .append(code).append(")\", $l.line(), $l.unitValue(), prices.findFor($l.item()).percentBelow($l.unitValue())));\n");
        case 4 -> out.append("  $l : Line( $d : declaration, origin == \"").append(origin).append("\", hsLists.")
            .append(random.nextBoolean() ? "sensitive" : "priceRisk").append("(hsCode) != null )\n")
            .append("then\n  risk.hit($d, 5, \"item \" + $l.line() + \" (HS \" + $l.hsCode() + \") is listed (")
            .append(code).append(")\");\n");
        default -> out.append("  $d : Declaration( header.consignmentCountry == \"").append(origin)
            .append("\", watchlists.").append(random.nextBoolean() ? "declarant(header.declarant)" : "consignor(header.consignor)")
            .append(" != null )\n")
            .append("then\n  risk.hit($d, 5, \"a party is watchlisted (").append(code).append(")\");\n");
      }
      out.append("end\n\n");
    }
    return out.toString();
  }

  private static String pick(SplittableRandom random, String[] values) {
    return values[random.nextInt(values.length)];
  }
}
