package io.shardgate.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@code custom} function: an application class implementing {@link ShardFunction}, made with
 * the configured {@code properties}. Whatever goes wrong in loading or making it is reported as a
 * problem of the entry, since a broken plug-in is a configuration mistake like any other.
 */
final class CustomFunctionReader {

    private static final Set<String> KEYS = Set.of("name", "type", "class", "count", "properties");

    private CustomFunctionReader() {
    }

    static ShardFunction read(YamlValue entry, YamlMapping function) {
        function.allowOnly(KEYS);
        YamlValue classValue = function.get("class");
        String className = classValue.nonEmptyString();
        YamlValue countValue = function.get("count");
        Integer count = countValue.absent() ? null : countValue.integer(1, Integer.MAX_VALUE);
        YamlValue propertiesValue = function.get("properties");
        Map<String, String> properties = propertiesValue.absent() ? Map.of() : properties(propertiesValue);
        if (className == null || properties == null) {
            return null;
        }
        Class<?> type = load(classValue, className);
        if (type == null) {
            return null;
        }
        ShardFunction instance = instantiate(entry, classValue, propertiesValue, type, properties);
        if (instance == null) {
            return null;
        }
        int shardCount;
        try {
            shardCount = instance.shardCount();
        } catch (RuntimeException e) {
            entry.problem(className + ".shardCount() failed: " + message(e));
            return null;
        }
        if (shardCount < 1) {
            entry.problem(className + ".shardCount() must be at least 1, returned " + shardCount);
            return null;
        }
        if (count != null && count != shardCount) {
            countValue.problem("is " + count + " but " + className + ".shardCount() is " + shardCount
                    + "; the two must match");
            return null;
        }
        return countValue.absent() || count != null ? instance : null;
    }

    /** Values are handed over as text, whatever YAML made of them: {@code 4} and {@code '4'} alike. */
    private static Map<String, String> properties(YamlValue value) {
        YamlMapping mapping = value.mapping();
        if (mapping == null) {
            return null;
        }
        Map<String, String> properties = new LinkedHashMap<>();
        boolean complete = true;
        for (Map.Entry<String, YamlValue> property : mapping.values().entrySet()) {
            Object raw = property.getValue().raw();
            if (raw instanceof String || raw instanceof Number || raw instanceof Boolean) {
                properties.put(property.getKey(), raw.toString());
            } else {
                property.getValue().wrongType("a string, number or boolean");
                complete = false;
            }
        }
        return complete ? Collections.unmodifiableMap(properties) : null;
    }

    private static Class<?> load(YamlValue classValue, String className) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader own = ConfigLoader.class.getClassLoader();
        // the context loader sees an application's classes in containers and plug-in hosts; our own
        // loader is the fallback when there is none or it does not know the class
        for (ClassLoader loader : context == null || context == own ? List.of(own) : List.of(context, own)) {
            try {
                Class<?> type = Class.forName(className, true, loader);
                if (!ShardFunction.class.isAssignableFrom(type)) {
                    classValue.problem("class " + className + " does not implement " + ShardFunction.class.getName());
                    return null;
                }
                if (!Modifier.isPublic(type.getModifiers())) {
                    classValue.problem("class " + className + " is not public");
                    return null;
                }
                if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
                    classValue.problem("class " + className + " is abstract; name a concrete class");
                    return null;
                }
                return type;
            } catch (ClassNotFoundException notHere) {
                // try the next loader
            } catch (LinkageError e) {
                classValue.problem("class " + className + " cannot be loaded: " + message(e));
                return null;
            }
        }
        classValue.problem("class " + className + " not found");
        return null;
    }

    private static ShardFunction instantiate(YamlValue entry, YamlValue classValue, YamlValue propertiesValue,
            Class<?> type, Map<String, String> properties) {
        String className = type.getName();
        Constructor<?> withProperties = publicConstructor(type, Map.class);
        Constructor<?> noArguments = publicConstructor(type);
        if (withProperties == null && noArguments == null) {
            classValue.problem("class " + className
                    + " has no public constructor taking Map<String, String> or no arguments");
            return null;
        }
        if (withProperties == null && !propertiesValue.absent()) {
            propertiesValue.problem("class " + className
                    + " takes no properties: it has no public constructor taking Map<String, String>");
            return null;
        }
        try {
            Object instance = withProperties != null
                    ? withProperties.newInstance(properties)
                    : noArguments.newInstance();
            return (ShardFunction) instance;
        } catch (InvocationTargetException e) {
            entry.problem("new " + className + "(...) failed: " + message(e.getCause()));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            entry.problem("new " + className + "(...) failed: " + message(e));
        }
        return null;
    }

    private static Constructor<?> publicConstructor(Class<?> type, Class<?>... parameters) {
        try {
            return type.getConstructor(parameters);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    // an ExceptionInInitializerError, for one, has no message of its own but its cause's
    private static String message(Throwable e) {
        if (e.getMessage() != null && !e.getMessage().isBlank()) {
            return e.getMessage();
        }
        return e.getCause() != null ? message(e.getCause()) : e.getClass().getName();
    }
}
