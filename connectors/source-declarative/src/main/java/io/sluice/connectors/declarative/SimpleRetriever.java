package io.sluice.connectors.declarative;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import io.sluice.cdk.RowJson;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code SimpleRetriever}: the records of one slice, page by page. For each page it builds the
 * request (requester options, then the slice's options from the cursor and partition router, then
 * the paginator's token and page size, then credentials), sends it, selects and filters the
 * records, transforms them and hands them to the sink, then asks the paginator for the next page.
 */
record SimpleRetriever(HttpRequester requester, Paginator paginator, RecordSelector selector,
        List<Transformation> transformations, RestClient client, String streamName) {

    /** Receives records; returns false to stop reading (enough records for a sample or a check). */
    interface RecordSink {
        boolean accept(ObjectNode record);
    }

    /** Adds a slice's own request options (cursor interval, partition value). */
    interface SliceOptions {
        void inject(RequestParts parts, TemplateVars vars);
    }

    /** Reads the slice; returns false when the sink asked to stop. */
    boolean read(StreamSlice slice, TemplateVars streamVars, SliceOptions sliceOptions, RecordSink sink) {
        TemplateVars vars = streamVars.withSlice(slice);
        Optional<Object> token = paginator.firstToken();
        boolean first = true;
        while (true) {
            Object pageToken = first || token.isEmpty() ? Map.of() : Map.of("next_page_token", token.get());
            TemplateVars pageVars = vars.with("next_page_token", pageToken);
            RequestParts parts = new RequestParts();
            requester.addOptions(parts, pageVars);
            sliceOptions.inject(parts, pageVars);
            paginator.inject(parts, token, first, pageVars);
            requester.authenticator().apply(parts, pageVars);
            HttpRequest request = requester.build(parts, pageVars, client.timeout());
            Optional<ApiResponse> response = client.send(request, requester.errorHandler(), pageVars, "stream " + streamName);
            if (response.isEmpty()) {
                return true;
            }
            List<ObjectNode> records = selector.select(response.get(), pageVars);
            for (ObjectNode record : records) {
                Supplier<Map<String, Object>> plain = () -> plain(record);
                if (!selector.keep(plain, pageVars)) {
                    continue;
                }
                for (Transformation transformation : transformations) {
                    transformation.apply(record, () -> plain(record), pageVars);
                }
                if (!sink.accept(record)) {
                    return false;
                }
            }
            Optional<Map<String, Object>> last = records.isEmpty() ? Optional.empty() : Optional.of(plain(records.getLast()));
            Optional<Object> next = paginator.nextToken(
                    new Paginator.PageResult(response.get(), records.size(), last), token, pageVars);
            if (next.isEmpty()) {
                return true;
            }
            if (!first && next.equals(token)) {
                throw new ConnectorException(FailureKind.SYSTEM, "stream " + streamName
                        + ": the paginator gave the same next-page token twice in a row; stopping instead of looping", null);
            }
            token = next;
            first = false;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> plain(ObjectNode record) {
        return (Map<String, Object>) RowJson.toPlain(record);
    }
}
