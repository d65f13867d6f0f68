package io.sluice.cdk.jdbc;

import java.util.Properties;

/** Airbyte's {@code jdbc_url_params} ({@code key1=value1&key2=value2}) as driver properties. */
public final class JdbcUrlParams {
    private JdbcUrlParams() {}

    /** The pairs of {@code params}; pairs without a key or an {@code =} are left out. */
    public static Properties parse(String params) {
        Properties p = new Properties();
        for (String pair : params.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                p.setProperty(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        return p;
    }
}
