package io.riskgate.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MergePatchTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The test cases of RFC 7396, appendix A, with single quotes for double. */
  @ParameterizedTest(name = "{0} patched with {1} is {2}")
  @CsvSource(delimiter = '|', textBlock = """
      {'a':'b'}               | {'a':'c'}             | {'a':'c'}
      {'a':'b'}               | {'b':'c'}             | {'a':'b','b':'c'}
      {'a':'b'}               | {'a':null}            | {}
      {'a':'b','b':'c'}       | {'a':null}            | {'b':'c'}
      {'a':['b']}             | {'a':'c'}             | {'a':'c'}
      {'a':'c'}               | {'a':['b']}           | {'a':['b']}
      {'a':{'b':'c'}}         | {'a':{'b':'d','c':null}} | {'a':{'b':'d'}}
      {'a':[{'b':'c'}]}       | {'a':[1]}             | {'a':[1]}
      ['a','b']               | ['c','d']             | ['c','d']
      {'a':'b'}               | ['c']                 | ['c']
      {'a':'foo'}             | null                  | null
      {'a':'foo'}             | "bar"                 | "bar"
      {'e':null}              | {'a':1}               | {'e':null,'a':1}
      [1,2]                   | {'a':'b','c':null}    | {'a':'b'}
      {}                      | {'a':{'bb':{'ccc':null}}} | {'a':{'bb':{}}}
      """)
  void apply_rfc7396AppendixA_givesTheRfcResult(String target, String patch, String result) throws Exception {
    JsonNode before = json(target);
    JsonNode patched = MergePatch.apply(before, json(patch));
    assertThat(patched).isEqualTo(json(result));
    assertThat(before).isEqualTo(json(target));
  }

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text.replace('\'', '"'));
  }
}
