package io.shardgate.router.plan;

/** Scope named in {@code SET} / {@code @@} references; DEFAULT means as written without one. */
public enum VariableScope {
    DEFAULT, SESSION, GLOBAL
}
