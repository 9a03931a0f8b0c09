package io.riskgate;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;
import java.util.Arrays;

/**
 * A parser that refuses a field name that appears twice in one object, as Jackson's
 * {@code STRICT_DUPLICATE_DETECTION} does, with the same message, but without a {@code HashSet}
 * and its entries per object: the names of each open object go into an open-addressing table of
 * the object's depth, reused by the next object at that depth. Declarations are read by the
 * million in a re-score, and every header, item, document and amount is an object.
 *
 * <p>Every method that moves the parser goes through {@link #nextToken()}: Jackson's own
 * {@code nextFieldName()}, {@code nextTextValue()} and the like do so already, and
 * {@link #nextValue()} and {@link #skipChildren()} are written here in terms of it, so that no
 * name is read past the check. Not thread-safe, as no parser is.
 */
final class UniqueFields extends JsonParserDelegate {
  private static final int FIRST_CAPACITY = 64;  // a power of two, twice a header's field count

  /**
   * The tables of the thread's last parser, taken over by its next one: a parser is made per
   * declaration, and its tables would cost more to allocate than to use.
   */
  private static final ThreadLocal<Levels> LEVELS = ThreadLocal.withInitial(Levels::new);

  private final Levels levels = Levels.take();
  private int depth = -1;

  UniqueFields(JsonParser parser) {
    super(parser);
  }

  @Override
  public JsonToken nextToken() throws IOException {
    JsonToken token = delegate.nextToken();
    if (token == JsonToken.FIELD_NAME) {
      if (!levels.at(depth).add(delegate.currentName())) {
        // Jackson's words, located at the start of the second name rather than past it.
        throw new JsonParseException(this, "Duplicate field '" + delegate.currentName() + "'",
            delegate.currentTokenLocation());
      }
    } else if (token == JsonToken.START_OBJECT) {
      open();
    } else if (token == JsonToken.END_OBJECT) {
      depth--;
    }
    return token;
  }

  @Override
  public JsonToken nextValue() throws IOException {
    JsonToken token = nextToken();
    return token == JsonToken.FIELD_NAME ? nextToken() : token;
  }

  @Override
  public JsonParser skipChildren() throws IOException {
    JsonToken token = currentToken();
    if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
      return this;
    }
    for (int open = 1; open > 0; ) {
      token = nextToken();
      if (token == null) {
        return this;
      }
      if (token.isStructStart()) {
        open++;
      } else if (token.isStructEnd()) {
        open--;
      }
    }
    return this;
  }

  @Override
  public void close() throws IOException {
    levels.inUse = false;
    super.close();
  }

  private void open() {
    depth++;
    levels.open(depth);
  }

  /** One table per depth ([0] is the outermost object), reused by the next object at that depth. */
  private static final class Levels {
    private Level[] levels = new Level[4];
    private int objects;
    /** Whether a parser holds these; one parser inside another gets its own. */
    private boolean inUse;

    static Levels take() {
      Levels cached = LEVELS.get();
      if (cached.inUse) {
        return new Levels();
      }
      cached.inUse = true;
      return cached;
    }

    Level at(int depth) {
      return levels[depth];
    }

    void open(int depth) {
      if (depth == levels.length) {
        levels = Arrays.copyOf(levels, depth * 2);
      }
      if (levels[depth] == null) {
        levels[depth] = new Level();
      }
      if (++objects == 0) {
        // After 2^32 objects the marks come round again: clear them so that none is stale.
        for (Level level : levels) {
          if (level != null) {
            Arrays.fill(level.marks, 0);
          }
        }
        objects = 1;
      }
      levels[depth].open(objects);
    }
  }

  /**
   * The names of one object: a slot holds one of them only if its mark is the object's, so the
   * next object at this depth takes a new mark instead of clearing the table.
   */
  private static final class Level {
    private String[] names = new String[FIRST_CAPACITY];
    private int[] marks = new int[FIRST_CAPACITY];
    private int mark;
    private int size;

    void open(int mark) {
      this.mark = mark;
      this.size = 0;
    }

    /** Adds the name; false if the object holds it already. */
    boolean add(String name) {
      if (size * 2 >= names.length) {
        grow();
      }
      int mask = names.length - 1;
      int hash = name.hashCode();  // cached in the (interned) name
      for (int slot = (hash ^ (hash >>> 16)) & mask; ; slot = (slot + 1) & mask) {
        if (marks[slot] != mark) {
          names[slot] = name;
          marks[slot] = mark;
          size++;
          return true;
        }
        String held = names[slot];
        // Jackson interns field names, so identity settles almost every comparison.
        if (held == name || held.equals(name)) {
          return false;
        }
      }
    }

    private void grow() {
      String[] held = names;
      int[] heldMarks = marks;
      names = new String[held.length * 2];
      marks = new int[held.length * 2];
      size = 0;
      for (int i = 0; i < held.length; i++) {
        if (heldMarks[i] == mark) {
          add(held[i]);
        }
      }
    }
  }
}
