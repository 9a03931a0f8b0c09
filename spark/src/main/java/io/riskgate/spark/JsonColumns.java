package io.riskgate.spark;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.riskgate.Evidence;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Spark columns for the engine's values, taken from the properties Jackson writes: an
 * {@code Assessment} becomes a struct of the same fields, under the same names and in the same
 * order, that {@code rescore} writes to JSON; hits an array of structs, the pack a struct. Derived
 * rather than written out, so a field added to {@code Hit} or {@code Assessment} reaches the
 * Parquet output without a change here.
 *
 * <p>Strings, numbers and booleans map to Spark's types, enums to their names, the engine's values
 * to structs, lists and sets to arrays, maps with string keys to maps; anything else (a
 * {@code BigDecimal}, a date) to its text, exact as JSON writes it. A hit's {@link Evidence} is a
 * map of text: its values are of many types, which a column of one type cannot hold, and its text
 * is what JSON holds (numbers plain, dates ISO 8601), so {@code CAST(evidence['declared'] AS
 * DECIMAL(18,4))} reads a number back.
 *
 * <p>Immutable and thread-safe once built.
 */
final class JsonColumns {
  /** Jackson's view of the engine's types; only introspected, never used to write. */
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final List<Property> properties;
  private final StructType schema;

  /** The columns of {@code type}, less the {@code skipped} top-level properties. */
  JsonColumns(Class<?> type, Set<String> skipped) {
    this.properties = properties(MAPPER.constructType(type), skipped);
    this.schema = struct(properties);
  }

  StructType schema() {
    return schema;
  }

  /** The values of {@code bean}'s properties (less the skipped ones), in schema order. */
  Object[] values(Object bean) {
    return values(properties, bean);
  }

  /** One property Jackson writes: its name, type and how to read it. */
  private record Property(String name, JavaType type, AnnotatedMember accessor, List<Property> nested) {}

  private static List<Property> properties(JavaType type, Set<String> skipped) {
    SerializationConfig config = MAPPER.getSerializationConfig();
    BeanDescription description = config.introspect(type);
    List<Property> properties = new ArrayList<>();
    for (BeanPropertyDefinition definition : description.findProperties()) {
      AnnotatedMember accessor = definition.getAccessor();
      if (accessor == null || skipped.contains(definition.getName())) {
        continue;
      }
      // Hit writes its evidence through a private accessor, as Jackson does.
      accessor.fixAccess(true);
      JavaType propertyType = accessor.getType();
      JavaType element = propertyType.isContainerType() ? propertyType.getContentType() : propertyType;
      List<Property> nested = isBean(element) ? properties(element, Set.of()) : List.of();
      properties.add(new Property(definition.getName(), propertyType, accessor, nested));
    }
    return List.copyOf(properties);
  }

  /** The engine's own values become structs; the JDK's types and Evidence do not. */
  private static boolean isBean(JavaType type) {
    Class<?> raw = type.getRawClass();
    return raw.getPackageName().startsWith("io.riskgate") && !raw.isEnum() && raw != Evidence.class;
  }

  private static StructType struct(List<Property> properties) {
    List<StructField> fields = new ArrayList<>();
    for (Property property : properties) {
      fields.add(DataTypes.createStructField(property.name(), typeOf(property.type(), property.nested()), true));
    }
    return DataTypes.createStructType(fields);
  }

  private static DataType typeOf(JavaType type, List<Property> nested) {
    Class<?> raw = type.getRawClass();
    if (raw == Evidence.class) {
      return DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, true);
    }
    if (type.isCollectionLikeType() || type.isArrayType()) {
      return DataTypes.createArrayType(typeOf(type.getContentType(), nested), true);
    }
    if (type.isMapLikeType()) {
      return DataTypes.createMapType(DataTypes.StringType, typeOf(type.getContentType(), nested), true);
    }
    if (isBean(type)) {
      return struct(nested);
    }
    if (raw == int.class || raw == Integer.class || raw == short.class || raw == Short.class) {
      return DataTypes.IntegerType;
    }
    if (raw == long.class || raw == Long.class) {
      return DataTypes.LongType;
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return DataTypes.BooleanType;
    }
    if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
      return DataTypes.DoubleType;
    }
    return DataTypes.StringType;
  }

  private static Object[] values(List<Property> properties, Object bean) {
    Object[] values = new Object[properties.size()];
    for (int i = 0; i < values.length; i++) {
      Property property = properties.get(i);
      values[i] = value(property.accessor().getValue(bean), property.type(), property.nested());
    }
    return values;
  }

  private static Object value(Object value, JavaType type, List<Property> nested) {
    if (value == null) {
      return null;
    }
    if (value instanceof Evidence evidence) {
      Map<String, String> texts = new LinkedHashMap<>();
      evidence.asMap().forEach((name, item) -> texts.put(name, item == null ? null : text(item)));
      return scala.jdk.javaapi.CollectionConverters.asScala(texts);
    }
    if (value instanceof Collection<?> collection) {
      // An array, not a java.util.List: Spark's row encoder takes arrays and Scala sequences.
      JavaType element = type.getContentType();
      Object[] array = isBean(element) ? new Row[collection.size()] : new Object[collection.size()];
      int i = 0;
      for (Object item : collection) {
        array[i++] = value(item, element, nested);
      }
      return array;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> converted = new LinkedHashMap<>();
      map.forEach((key, item) -> converted.put(String.valueOf(key), value(item, type.getContentType(), nested)));
      return scala.jdk.javaapi.CollectionConverters.asScala(converted);
    }
    if (isBean(type)) {
      return RowFactory.create(values(nested, value));
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    if (value instanceof Short s) {
      return Integer.valueOf(s);
    }
    if (value instanceof Float f) {
      return Double.valueOf(f);
    }
    if (value instanceof String || value instanceof Integer || value instanceof Long || value instanceof Boolean
        || value instanceof Double) {
      return value;
    }
    return text(value);
  }

  /** A value as JSON writes it: numbers in full without an exponent, dates and times ISO 8601. */
  private static String text(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof Number number) {
      // As the assessment JSON writes it: whole numbers as they are, others from their own digits
      // in plain form (a double's toString may use an exponent; 100.0 stays 100.0).
      return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
          || value instanceof java.math.BigInteger ? value.toString() : new BigDecimal(number.toString()).toPlainString();
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    return value.toString();  // text, and dates and times, whose toString is ISO 8601
  }
}
