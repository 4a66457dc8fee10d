package io.shardgate.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomFunctionTest {

    private static final String T = "io.shardgate.config.TestFunctions$";

    private static ConfigText withFunction(String function) {
        return ConfigText.valid()
                .with("functions", "- {name: by_id, type: hash-mod, count: 2}\n" + function)
                .with("schemas", "- {name: shop}");
    }

    private static ShardFunction load(String function) throws ConfigException {
        return withFunction(function).load().function("mine").orElseThrow().function();
    }

    @Test
    void isMadeWithItsPropertiesAsText() throws ConfigException {
        ShardFunction function = load("""
                - name: mine
                  type: custom
                  class: io.shardgate.config.EchoFunction
                  count: 4
                  properties: {shards: 4, region: eu, strict: true, ratio: 0.5}
                """);

        assertThat(function).isEqualTo(new EchoFunction(
                Map.of("shards", "4", "region", "eu", "strict", "true", "ratio", "0.5")));
        assertThat(((EchoFunction) function).properties()).containsKeys("shards", "region", "strict", "ratio")
                .isUnmodifiable();
        assertThat(function.shardOf(7L)).isEqualTo(3);
    }

    @Test
    void countAndPropertiesAreOptional() throws ConfigException {
        assertThat(load("- {name: mine, type: custom, class: io.shardgate.config.EchoFunction}"))
                .isEqualTo(new EchoFunction(Map.of()));
        assertThat(load("- {name: mine, type: custom, class: '" + T + "TwoShards'}"))
                .isInstanceOf(TestFunctions.TwoShards.class);
        assertThat(withFunction("- {name: mine, type: custom, class: '" + T + "TwoShards'}").load().functions())
                .contains(new FunctionConfig("mine", "custom", new TestFunctions.TwoShards()));
    }

    @Test
    void countMustMatchTheShardCount() {
        assertThat(withFunction("""
                - {name: mine, type: custom, class: io.shardgate.config.EchoFunction, count: 3}
                - {name: other, type: custom, class: io.shardgate.config.EchoFunction, count: 0}
                """).problems()).containsExactly(
                        "functions[1].count: is 3 but io.shardgate.config.EchoFunction.shardCount() is 2;"
                                + " the two must match",
                        "functions[2].count: must be at least 1, got 0");
    }

    @Test
    void aTableUsesItsShardCount() {
        assertThat(ConfigText.valid().with("functions", """
                - {name: by_id, type: custom, class: io.shardgate.config.EchoFunction, properties: {shards: 3}}
                """).problems()).containsExactly(
                        "schemas[0].tables[0].dataNodes: lists 2 data nodes but function 'by_id' has 3 shards;"
                                + " the two must match");
    }

    @Test
    void whateverIsWrongWithTheClassIsReported() {
        assertThat(withFunction("""
                - {name: a, type: custom, class: com.example.Missing}
                - {name: b, type: custom, class: '%1$sNotAFunction'}
                - {name: c, type: custom, class: '%1$sAbstract'}
                - {name: d, type: custom, class: '%1$sHidden'}
                - {name: e, type: custom, class: '%1$sIntConstructor'}
                - {name: f, type: custom, class: '%1$sZeroShards'}
                - {name: g, type: custom, class: '%1$sFailingInit'}
                - {name: h, type: custom}
                - {name: i, type: custom, class: ''}
                """.formatted(T)).problems()).containsExactly(
                        "functions[1].class: class com.example.Missing not found",
                        "functions[2].class: class " + T + "NotAFunction does not implement"
                                + " io.shardgate.config.ShardFunction",
                        "functions[3].class: class " + T + "Abstract is abstract; name a concrete class",
                        "functions[4].class: class " + T + "Hidden is not public",
                        "functions[5].class: class " + T + "IntConstructor has no public constructor taking"
                                + " Map<String, String> or no arguments",
                        "functions[6]: " + T + "ZeroShards.shardCount() must be at least 1, returned 0",
                        "functions[7].class: class " + T + "FailingInit cannot be loaded: licence file missing",
                        "functions[8].class: required",
                        "functions[9].class: must not be empty");
    }

    @Test
    void constructorExceptionsBecomeProblems() {
        assertThat(withFunction("""
                - {name: mine, type: custom, class: io.shardgate.config.EchoFunction, properties: {shards: many}}
                """).problems()).containsExactly(
                        "functions[1]: new io.shardgate.config.EchoFunction(...) failed: shards must be a number,"
                                + " got 'many'");
    }

    @Test
    void propertiesNeedAConstructorThatTakesThem() {
        assertThat(withFunction("""
                - {name: mine, type: custom, class: '%sTwoShards', properties: {a: b}}
                """.formatted(T)).problems()).containsExactly(
                        "functions[1].properties: class " + T + "TwoShards takes no properties: it has no public"
                                + " constructor taking Map<String, String>");
    }

    @Test
    void propertiesAreAMappingOfScalars() {
        assertThat(withFunction("""
                - {name: a, type: custom, class: io.shardgate.config.EchoFunction, properties: [x]}
                - {name: b, type: custom, class: io.shardgate.config.EchoFunction, properties: {x: [1], y: ~, z: 1}}
                - {name: c, type: custom, class: io.shardgate.config.EchoFunction, propertys: {}}
                """).problems()).containsExactly(
                        "functions[1].properties: expected a mapping, got a list",
                        "functions[2].properties.x: expected a string, number or boolean, got a list",
                        "functions[2].properties.y: required",
                        "functions[3]: unknown key 'propertys'");
    }

    @Test
    void theThreadContextClassLoaderIsAskedFirst() throws ConfigException {
        List<String> asked = new ArrayList<>();
        ClassLoader recording = new ClassLoader(getClass().getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                asked.add(name);
                return super.loadClass(name, resolve);
            }
        };
        ShardFunction function = withContextLoader(recording,
                () -> load("- {name: mine, type: custom, class: io.shardgate.config.EchoFunction}"));

        assertThat(asked).contains("io.shardgate.config.EchoFunction");
        assertThat(function).isEqualTo(new EchoFunction(Map.of()));
    }

    @Test
    void ourOwnClassLoaderIsTheFallback() throws ConfigException {
        ClassLoader knowsNothing = new ClassLoader(null) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                throw new ClassNotFoundException(name);
            }
        };
        assertThat(withContextLoader(knowsNothing,
                () -> load("- {name: mine, type: custom, class: io.shardgate.config.EchoFunction}")))
                .isEqualTo(new EchoFunction(Map.of()));
        assertThat(withContextLoader(null,
                () -> load("- {name: mine, type: custom, class: io.shardgate.config.EchoFunction}")))
                .isEqualTo(new EchoFunction(Map.of()));
    }

    private interface Loading {
        ShardFunction load() throws ConfigException;
    }

    private static ShardFunction withContextLoader(ClassLoader loader, Loading loading) throws ConfigException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return loading.load();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
