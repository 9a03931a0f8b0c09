package io.riskgate.internal.drools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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
  void aNameSeenBefore_resolvesTheCurrentValue_afterClearAndRemove() {
    SessionGlobals globals = new SessionGlobals();
    String asDroolsPassesIt = new String("prices");
    globals.setGlobal("risk", "risk of batch 1");
    globals.setGlobal("prices", "table of batch 1");
    assertThat(globals.resolveGlobal(asDroolsPassesIt)).isEqualTo("table of batch 1");

    globals.clear();
    assertThat(globals.resolveGlobal(asDroolsPassesIt)).isNull();
    globals.setGlobal("prices", "table of batch 2");
    assertThat(globals.resolveGlobal(asDroolsPassesIt)).isEqualTo("table of batch 2");

    globals.removeGlobal("prices");
    assertThat(globals.resolveGlobal(asDroolsPassesIt)).isNull();
    assertThat(globals.resolveGlobal("risk")).isNull();
  }

  @Test
  void manyNameObjects_sharingMemoSlots_eachResolveTheirOwnGlobal() {
    SessionGlobals globals = new SessionGlobals();
    for (int i = 0; i < 10; i++) {
      globals.setGlobal("g" + i, i);
    }
    List<String> uses = new ArrayList<>();
    for (int n = 0; n < 5_000; n++) {  // more name objects than the 1,024 memo slots: collisions replace
      uses.add(new String("g" + n % 10));
    }

    for (int round = 0; round < 2; round++) {
      for (int n = 0; n < uses.size(); n++) {
        assertThat(globals.resolveGlobal(uses.get(n))).isEqualTo(n % 10);
      }
    }
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
