package io.riskgate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.drools.decisiontable.parser.csv.CsvLineParser;

/**
 * Writes an {@code .xlsx} decision table from its CSV form, one sheet per CSV text, so that a test
 * (or the one-off generation of a pack's workbook) has both formats of the same table. The CSV
 * form is Drools' own: a run of cells that end in {@code ...} is one merged cell, written once as
 * a merged region holding the text without the dots.
 */
public final class DecisionTableWorkbook {
  private DecisionTableWorkbook() {}

  /** Writes {@code target}, with a sheet per entry: sheet name to the sheet's CSV text. */
  public static void write(Path target, Map<String, String> sheets) throws IOException {
    try (Workbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(target)) {
      for (Map.Entry<String, String> entry : sheets.entrySet()) {
        Sheet sheet = workbook.createSheet(entry.getKey());
        List<String> lines = entry.getValue().lines().toList();
        for (int r = 0; r < lines.size(); r++) {
          Row row = sheet.createRow(r);
          List<String> cells = new CsvLineParser().parse(lines.get(r));
          int mergeStart = -1;
          for (int c = 0; c < cells.size(); c++) {
            String value = cells.get(c);
            boolean merged = value.endsWith("...");
            if (merged && mergeStart < 0) {
              mergeStart = c;
              set(row.createCell(c), value.substring(0, value.length() - 3));
            } else if (merged) {
              row.createCell(c);  // blank, as a spreadsheet program keeps the cells of a merge
            } else {
              closeMerge(sheet, r, mergeStart, c - 1);
              mergeStart = -1;
              if (!value.isEmpty()) {
                set(row.createCell(c), value);
              }
            }
          }
          closeMerge(sheet, r, mergeStart, cells.size() - 1);
        }
      }
      workbook.write(out);
    }
  }

  private static void set(Cell cell, String value) {
    cell.setCellValue(value);
  }

  private static void closeMerge(Sheet sheet, int row, int first, int last) {
    if (first >= 0 && last > first) {
      sheet.addMergedRegion(new CellRangeAddress(row, row, first, last));
    }
  }
}
