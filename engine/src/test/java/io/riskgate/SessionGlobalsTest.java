package io.riskgate;

import static org.assertj.core.api.Assertions.assertThat;

import org.drools.core.base.MapGlobalResolver;
import org.junit.jupiter.api.Test;

/** The resolver that replaces Drools' map in the engine's sessions keeps a map's contract. */
class SessionGlobalsTest {

  @Test
  void resolveGlobal_findsByEqualName_notOnlyTheSameString() {
    SessionGlobals globals = new SessionGlobals();
    globals.setGlobal("prices", "table");

    assertThat(globals.resolveGlobal(new String("prices"))).isEqualTo("table");
    assertThat(globals.resolveGlobal("price")).isNull();
  }

  @Test
  void setGlobal_twice_replacesTheValue() {
    SessionGlobals globals = new SessionGlobals();
    globals.setGlobal("risk", "first");
    globals.setGlobal("risk", "second");

    assertThat(globals.resolveGlobal("risk")).isEqualTo("second");
    assertThat(globals.getGlobalKeys()).containsExactly("risk");
  }

  @Test
  void manyGlobals_growTheArrays_andEachKeepsItsValue() {
    SessionGlobals globals = new SessionGlobals();
    for (int i = 0; i < 20; i++) {
      globals.setGlobal("g" + i, i);
    }

    for (int i = 0; i < 20; i++) {
      assertThat(globals.resolveGlobal("g" + i)).isEqualTo(i);
    }
  }

  @Test
  void removeGlobal_removesThatOneOnly() {
    SessionGlobals globals = new SessionGlobals();
    globals.setGlobal("a", 1);
    globals.setGlobal("b", 2);
    globals.setGlobal("c", 3);

    globals.removeGlobal("a");

    assertThat(globals.resolveGlobal("a")).isNull();
    assertThat(globals.resolveGlobal("b")).isEqualTo(2);
    assertThat(globals.resolveGlobal("c")).isEqualTo(3);
    assertThat(globals.getGlobalKeys()).containsExactlyInAnyOrder("b", "c");
  }

  @Test
  void clear_forgetsEveryGlobal_andTheResolverTakesNewOnes() {
    SessionGlobals globals = new SessionGlobals();
    globals.setGlobal("risk", "old batch");

    globals.clear();
    globals.setGlobal("prices", "table");

    assertThat(globals.resolveGlobal("risk")).isNull();
    assertThat(globals.get("prices")).isEqualTo("table");
    assertThat(globals.getGlobalKeys()).containsExactly("prices");
  }

  @Test
  void delegate_answersNamesThisResolverDoesNotHold() {
    MapGlobalResolver delegate = new MapGlobalResolver();
    delegate.setGlobal("traders", "registry");
    SessionGlobals globals = new SessionGlobals();
    globals.setDelegate(delegate);
    globals.set("traders", "own");
    globals.set("risk", "risk");

    assertThat(globals.resolveGlobal("traders")).isEqualTo("own");
    globals.removeGlobal("traders");
    assertThat(globals.resolveGlobal("traders")).isEqualTo("registry");
  }
}
