package io.sluice.connectors.declarative;

import static io.sluice.connectors.declarative.ApiServer.param;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.protocol.ConnectionStatus;
import io.sluice.protocol.MessageCodec;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled Stripe manifest against a server answering as Stripe documents, synced into DuckDB twice. */
class StripeManifestIT {
    @TempDir
    Path dir;

    private final ApiServer api = new ApiServer();
    private final StripeFake stripe = new StripeFake(api);

    @AfterEach
    void stop() {
        api.close();
    }

    private ObjectNode config(String key) {
        return MessageCodec.mapper().createObjectNode()
                .put("manifest_path", "bundled:stripe")
                .put("client_secret", key)
                .put("account_id", "acct_1Test")
                .put("start_date", "2024-01-01T00:00:00Z")
                .put("api_base", stripe.baseUrl());
    }

    @Test
    void checkNamesABadKeyWithoutShowingIt() {
        ConnectionStatus status = new DeclarativeSource().check(config("sk_test_wrong_key_123"));
        assertThat(status.status()).isEqualTo(ConnectionStatus.Status.FAILED);
        assertThat(status.message().orElseThrow()).contains("401").contains("Invalid API Key provided")
                .doesNotContain("sk_test_wrong_key_123");
        assertThat(new DeclarativeSource().check(config(StripeFake.KEY)).status()).isEqualTo(ConnectionStatus.Status.SUCCEEDED);
    }

    @Test
    void syncsCustomersChargesAndInvoicesIntoDuckDbThenOnlyNewOnes() throws Exception {
        for (int i = 1; i <= 150; i++) {
            stripe.customer(i, i * 3600L);
            stripe.charge(i, i, i * 3600L + 60);
        }
        for (int i = 1; i <= 40; i++) {
            stripe.invoice(i, i, 40L * 86400 + i * 3600L);
        }
        DuckDbSync sync = new DuckDbSync(dir.resolve("stripe.duckdb"));

        sync.run(config(StripeFake.KEY));

        assertThat(sync.count("SELECT count(*) FROM main.customers")).isEqualTo(150);
        assertThat(sync.count("SELECT count(*) FROM main.charges")).isEqualTo(150);
        assertThat(sync.count("SELECT count(*) FROM main.invoices")).isEqualTo(40);
        assertThat(sync.text("SELECT address_city FROM main.customers WHERE id = 'cus_00002'")).isEqualTo("Paris");
        assertThat(sync.count("SELECT amount FROM main.charges WHERE id = 'ch_00007'")).isEqualTo(1007);
        List<RecordedRequest> customerPages = api.requests("/v1/customers").stream()
                .filter(r -> param(r, "starting_after") != null).toList();
        assertThat(customerPages).as("150 customers in one 30-day window take a second page").hasSize(1);
        assertThat(param(customerPages.getFirst(), "starting_after")).isEqualTo("cus_00051");
        RecordedRequest first = api.requests("/v1/customers").getFirst();
        assertThat(param(first, "limit")).isEqualTo("100");
        assertThat(param(first, "created[gte]")).isEqualTo(Long.toString(StripeFake.BASE.getEpochSecond()));
        assertThat(Long.parseLong(param(first, "created[lte]")) - Long.parseLong(param(first, "created[gte]")))
                .as("30-day windows, the last second belonging to the next").isEqualTo(30L * 86400 - 1);
        assertThat(first.getHeaders().get("Stripe-Account")).isEqualTo("acct_1Test");

        stripe.customer(151, 200L * 86400);
        stripe.charge(151, 151, 200L * 86400);
        int requestsBefore = api.requests().size();

        sync.run(config(StripeFake.KEY));

        assertThat(sync.count("SELECT count(*) FROM main.customers")).isEqualTo(151);
        assertThat(sync.count("SELECT count(*) FROM main.charges")).isEqualTo(151);
        assertThat(sync.count("SELECT count(*) FROM main.invoices")).isEqualTo(40);
        assertThat(sync.count("SELECT count(*) FROM main._airbyte_raw_customers"))
                .as("the second sync re-reads only from the saved cursor (its second inclusive)").isLessThanOrEqualTo(153);
        List<RecordedRequest> second = api.requests().subList(requestsBefore, api.requests().size());
        assertThat(second).filteredOn(r -> r.getUrl().encodedPath().equals("/v1/customers"))
                .allMatch(r -> Long.parseLong(param(r, "created[gte]")) >= StripeFake.BASE.getEpochSecond() + 150 * 3600L);
    }
}
