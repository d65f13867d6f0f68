package io.sluice.cdk;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in connectors, by name, as {@link ServiceLoader} finds them
 * ({@code META-INF/services/io.sluice.cdk.Source} and {@code ...Destination}). Names may also be
 * given as Airbyte image names: {@code airbyte/source-faker:6.2.1} finds {@code source-faker}.
 * Immutable and thread-safe once loaded.
 */
public final class ConnectorRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectorRegistry.class);
    private static final String AIRBYTE_PREFIX = "airbyte/";

    private final Map<String, Source> sources;
    private final Map<String, Destination> destinations;

    private ConnectorRegistry(Map<String, Source> sources, Map<String, Destination> destinations) {
        this.sources = sources;
        this.destinations = destinations;
    }

    /** The connectors on the class path of this class's loader (and the thread's context loader). */
    public static ConnectorRegistry load() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return load(context != null ? context : ConnectorRegistry.class.getClassLoader());
    }

    /** The connectors {@code loader} can see. A provider that fails to load is logged and skipped. */
    public static ConnectorRegistry load(ClassLoader loader) {
        return of(loadAll(Source.class, loader), loadAll(Destination.class, loader));
    }

    /** A registry of the given instances; the first of two with one name wins. */
    public static ConnectorRegistry of(Collection<? extends Source> sources, Collection<? extends Destination> destinations) {
        return new ConnectorRegistry(byName(sources, Source::name), byName(destinations, Destination::name));
    }

    /** The source called {@code name} ({@code source-postgres}, or {@code airbyte/source-postgres:3.6.0}). */
    public Optional<Source> source(String name) {
        return Optional.ofNullable(sources.get(canonicalName(name)));
    }

    /** The destination called {@code name} ({@code destination-duckdb}, or an Airbyte image name). */
    public Optional<Destination> destination(String name) {
        return Optional.ofNullable(destinations.get(canonicalName(name)));
    }

    /** Source names, sorted. */
    public List<String> sourceNames() {
        return List.copyOf(sources.keySet());
    }

    /** Destination names, sorted. */
    public List<String> destinationNames() {
        return List.copyOf(destinations.keySet());
    }

    /**
     * The connector name in an Airbyte image name: the {@code airbyte/} prefix (after any
     * registry host) and a {@code :tag} are dropped, e.g. {@code airbyte/source-faker:6.2.1} gives
     * {@code source-faker}.
     */
    public static String canonicalName(String name) {
        String n = name.strip();
        int at = n.indexOf('@');
        if (at >= 0) {
            n = n.substring(0, at);
        }
        int slash = n.lastIndexOf('/');
        int colon = n.lastIndexOf(':');
        if (colon > slash) {
            n = n.substring(0, colon);
        }
        int prefix = n.lastIndexOf(AIRBYTE_PREFIX);
        if (prefix >= 0 && n.indexOf('/', prefix + AIRBYTE_PREFIX.length()) < 0) {
            n = n.substring(prefix + AIRBYTE_PREFIX.length());
        }
        return n;
    }

    private static <T> List<T> loadAll(Class<T> type, ClassLoader loader) {
        List<T> found = new java.util.ArrayList<>();
        Iterator<T> it = ServiceLoader.load(type, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError e) {
                LOG.warn("skipping a {} that could not be loaded: {}", type.getSimpleName(), e.getMessage());
            }
        }
        return found;
    }

    private static <T> Map<String, T> byName(Collection<? extends T> connectors, Function<T, String> name) {
        Map<String, T> map = new TreeMap<>();
        for (T connector : connectors) {
            String n = name.apply(connector);
            T previous = map.putIfAbsent(n, connector);
            if (previous != null && previous != connector) {
                LOG.warn("two connectors are named {}: keeping {}, ignoring {}", n,
                        previous.getClass().getName(), connector.getClass().getName());
            }
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
