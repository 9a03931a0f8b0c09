package io.riskgate.spark;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
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
 * Spark columns for the engine's records, taken from their components: an {@code Assessment}
 * becomes a struct of the same fields that {@code rescore} writes to JSON (Jackson names a
 * record's fields after its components), hits an array of structs, the pack a struct. Derived
 * rather than written out, so a field added to {@code Hit} or {@code Assessment} reaches the
 * Parquet output without a change here.
 *
 * <p>Strings, numbers and booleans map to Spark's types, enums to their names, records to
 * structs, lists and sets to arrays, maps with string keys to maps; anything else (a
 * {@code BigDecimal}, a date) to its text, exact as JSON writes it.
 */
final class RecordColumns {
  private final Class<?> type;
  private final Set<String> skipped;
  private final StructType schema;

  RecordColumns(Class<? extends Record> type, Set<String> skipped) {
    this.type = type;
    this.skipped = skipped;
    this.schema = (StructType) typeOf(type, skipped);
  }

  StructType schema() {
    return schema;
  }

  /** The values of {@code record}'s components (less the skipped ones), in schema order. */
  Object[] values(Record record) {
    List<Object> values = new ArrayList<>();
    for (RecordComponent component : type.getRecordComponents()) {
      if (!skipped.contains(component.getName())) {
        values.add(value(accessor(component, record), component.getGenericType()));
      }
    }
    return values.toArray();
  }

  private static DataType typeOf(Type type, Set<String> skipped) {
    Class<?> raw = raw(type);
    if (raw == String.class || raw.isEnum()) {
      return DataTypes.StringType;
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
    if (raw.isRecord()) {
      List<StructField> fields = new ArrayList<>();
      for (RecordComponent component : raw.getRecordComponents()) {
        if (!skipped.contains(component.getName())) {
          fields.add(DataTypes.createStructField(component.getName(),
              typeOf(component.getGenericType(), Set.of()), true));
        }
      }
      return DataTypes.createStructType(fields);
    }
    if (Collection.class.isAssignableFrom(raw)) {
      return DataTypes.createArrayType(typeOf(argument(type, 0), Set.of()), true);
    }
    if (Map.class.isAssignableFrom(raw)) {
      return DataTypes.createMapType(DataTypes.StringType, typeOf(argument(type, 1), Set.of()), true);
    }
    return DataTypes.StringType;
  }

  private static Object value(Object value, Type type) {
    if (value == null) {
      return null;
    }
    Class<?> raw = raw(type);
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value instanceof Short s ? Integer.valueOf(s) : value instanceof Float f ? Double.valueOf(f) : value;
    }
    if (value instanceof Record record) {
      List<Object> values = new ArrayList<>();
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        values.add(value(accessor(component, record), component.getGenericType()));
      }
      return RowFactory.create(values.toArray());
    }
    if (value instanceof Collection<?> collection) {
      // An array, not a java.util.List: Spark's row encoder takes arrays and Scala sequences.
      Type element = argument(type, 0);
      Object[] array = new Object[collection.size()];
      int i = 0;
      for (Object item : collection) {
        array[i++] = value(item, element);
      }
      return element instanceof Class<?> c && c.isRecord() ? toRows(array) : array;
    }
    if (value instanceof Map<?, ?> map) {
      Type element = argument(type, 1);
      Map<String, Object> converted = new java.util.LinkedHashMap<>();
      map.forEach((key, item) -> converted.put(String.valueOf(key), value(item, element)));
      return scala.jdk.javaapi.CollectionConverters.asScala(converted);
    }
    return raw == Object.class ? String.valueOf(value) : value.toString();
  }

  private static Row[] toRows(Object[] array) {
    Row[] rows = new Row[array.length];
    for (int i = 0; i < array.length; i++) {
      rows[i] = (Row) array[i];
    }
    return rows;
  }

  private static Object accessor(RecordComponent component, Record record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
    }
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    return Object.class;
  }

  private static Type argument(Type type, int index) {
    return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
  }
}
