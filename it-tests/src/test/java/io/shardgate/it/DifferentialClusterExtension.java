package io.shardgate.it;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands test classes the one {@link DifferentialCluster} of this JVM: started by the first class that
 * asks, kept in the root context's store, and closed (it is AutoCloseable) when the whole test run
 * ends, so several differential test classes share one loaded cluster.
 */
final class DifferentialClusterExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DifferentialCluster.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DifferentialCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(DifferentialCluster.class, key -> {
            try {
                return DifferentialCluster.start();
            } catch (Exception e) {
                throw new IllegalStateException("the differential cluster did not start", e);
            }
        }, DifferentialCluster.class);
    }
}
