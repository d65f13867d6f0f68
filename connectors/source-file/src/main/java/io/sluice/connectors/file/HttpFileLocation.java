package io.sluice.connectors.file;

import static java.util.Objects.requireNonNull;

import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import io.sluice.cdk.SyncCancelledException;
import io.sluice.connectors.files.FileLocation;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A file behind an HTTP(S) URL, streamed with one GET per {@link #open()}. */
record HttpFileLocation(URI url, boolean browserUserAgent, HttpClient client) implements FileLocation {
    static final String BROWSER_USER_AGENT =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36";
    static final String SLUICE_USER_AGENT = "Sluice source-file";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    HttpFileLocation {
        requireNonNull(url, "url");
        requireNonNull(client, "client");
    }

    static HttpFileLocation of(String url, boolean browserUserAgent) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        return new HttpFileLocation(URI.create(url), browserUserAgent, client);
    }

    /** The URL without user info and query (either may hold a token). */
    @Override
    public String describe() {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() >= 0 ? ":" + url.getPort() : "")
                + (url.getRawPath() == null ? "" : url.getRawPath());
    }

    @Override
    public InputStream open() throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .header("User-Agent", browserUserAgent ? BROWSER_USER_AGENT : SLUICE_USER_AGENT)
                .GET()
                .build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncCancelledException();
        } catch (UnknownHostException e) {
            throw ConnectorException.config("url: unknown host " + url.getHost());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw ConnectorException.transientError("url: cannot connect to " + url.getHost()
                    + (url.getPort() >= 0 ? ":" + url.getPort() : "") + " (" + e.getClass().getSimpleName() + ")", e);
        }
        int status = response.statusCode();
        if (status == 200) {
            return response.body();
        }
        response.body().close();
        String problem = switch (status) {
            case 404, 410 -> "not found";
            case 401 -> "needs authentication";
            case 403 -> "access denied";
            default -> "failed";
        };
        FailureKind kind = status == 429 || status >= 500 ? FailureKind.TRANSIENT : FailureKind.CONFIG;
        throw new ConnectorException(kind, "url: " + describe() + " " + problem + " (HTTP " + status + ")");
    }
}
