package io.riskgate.spark;

import io.riskgate.Assessment;
import io.riskgate.RiskEngine;
import io.riskgate.RiskgateJson;
import io.riskgate.cli.LinesForSpark;
import io.riskgate.declaration.Declaration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Assesses the lines of one partition, a batch at a time, as {@code rescore}'s workers do: each
 * line is bound or rejected with {@code rescore}'s reason, and the declarations of a batch are
 * assessed in one call. Lazy: a partition of any size streams through in constant memory.
 *
 * <p>Each line gives one row of {@link #SCHEMA}: its input file and line, then either the
 * assessment's fields and its JSON line, or (a rejected line) the declaration number if it was
 * readable and the reason.
 */
final class PartitionRescorer implements Iterator<Row> {
  /** The assessment's fields as columns: what {@code rescore} writes, less the time it omits. */
  static final JsonColumns ASSESSMENT = new JsonColumns(Assessment.class, Set.of("assessedAt"));
  static final String FILE = "inputFile";
  static final String LINE = "inputLine";
  static final String JSON = "json";
  static final String REASON = "reason";

  static final StructType SCHEMA = schema();
  /** Where a rejected line's declaration number goes, when it was readable. */
  private static final int DECLARATION = SCHEMA.fieldIndex("declarationNumber");


  private final Iterator<InputFiles.Line> lines;
  private final RiskEngine engine;
  private final RiskgateJson json;
  private final int maxLineChars;
  private final int batch;
  private final ArrayDeque<Row> ready = new ArrayDeque<>();

  PartitionRescorer(Iterator<InputFiles.Line> lines, RiskEngine engine, int maxLineChars, int batch) {
    this.lines = lines;
    this.engine = engine;
    this.json = RiskgateJson.builder().maxDeclarationChars(maxLineChars).build();
    this.maxLineChars = maxLineChars;
    this.batch = batch;
  }

  private static StructType schema() {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField(FILE, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(LINE, DataTypes.LongType, false));
    fields.addAll(List.of(ASSESSMENT.schema().fields()));
    fields.add(DataTypes.createStructField(JSON, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(REASON, DataTypes.StringType, true));
    return DataTypes.createStructType(fields);
  }

  @Override
  public boolean hasNext() {
    if (ready.isEmpty() && lines.hasNext()) {
      assessBatch();
    }
    return !ready.isEmpty();
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return ready.poll();
  }

  private void assessBatch() {
    List<InputFiles.Line> taken = new ArrayList<>(batch);
    List<Declaration> declarations = new ArrayList<>(batch);
    List<InputFiles.Line> assessedLines = new ArrayList<>(batch);
    Row[] rows = new Row[batch];
    while (taken.size() < batch && lines.hasNext()) {
      InputFiles.Line line = lines.next();
      LinesForSpark.Read read = LinesForSpark.read(json,
          new LinesForSpark.Line(line.number(), line.bytes(), line.length()), maxLineChars);
      if (read.declaration() != null) {
        declarations.add(read.declaration());
        assessedLines.add(line);
      } else {
        rows[taken.size()] = rejected(line, read.rejectedDeclaration(), read.reason());
      }
      taken.add(line);
    }
    List<Assessment> assessments = declarations.isEmpty() ? List.of() : engine.assessAll(declarations);
    int next = 0;
    for (int i = 0; i < taken.size(); i++) {
      if (rows[i] == null) {
        // Same order as taken: the declarations were added in line order.
        rows[i] = assessed(assessedLines.get(next), assessments.get(next));
        next++;
      }
      ready.add(rows[i]);
    }
  }

  private Row assessed(InputFiles.Line line, Assessment assessment) {
    Object[] fields = ASSESSMENT.values(assessment);
    Object[] row = new Object[fields.length + 4];
    row[0] = line.file();
    row[1] = line.number();
    System.arraycopy(fields, 0, row, 2, fields.length);
    row[fields.length + 2] = LinesForSpark.assessmentLine(json, assessment);
    return RowFactory.create(row);
  }

  private static Row rejected(InputFiles.Line line, String declaration, String reason) {
    Object[] row = new Object[SCHEMA.size()];
    row[0] = line.file();
    row[1] = line.number();
    row[DECLARATION] = declaration;
    row[row.length - 1] = reason;
    return RowFactory.create(row);
  }
}
