package io.sluice.connectors.declarative;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/**
 * Walks the pages of one slice. A fresh instance state is not kept between slices: the reader asks
 * {@link #firstToken()} at the start of each slice and {@link #nextToken} after each page.
 * {@code NoPagination} reads one page; {@code DefaultPaginator} follows a {@link PaginationStrategy}.
 */
sealed interface Paginator permits Paginator.None, Paginator.Default {

    /** The token of the first page (injected only when the strategy asks for it). */
    Optional<Object> firstToken();

    /** Puts the page token (empty on the first page) and the page size into the request. */
    void inject(RequestParts parts, Optional<Object> token, boolean firstPage, TemplateVars vars);

    /** The token of the next page, or empty when this page was the last. */
    Optional<Object> nextToken(PageResult page, Optional<Object> currentToken, TemplateVars vars);

    /** What a page gave: the response, how many records it held and the last of them. */
    record PageResult(ApiResponse response, int recordCount, Optional<Map<String, Object>> lastRecord) {}

    /** {@code NoPagination}. */
    record None() implements Paginator {
        public Optional<Object> firstToken() {
            return Optional.empty();
        }

        public void inject(RequestParts parts, Optional<Object> token, boolean firstPage, TemplateVars vars) {}

        public Optional<Object> nextToken(PageResult page, Optional<Object> currentToken, TemplateVars vars) {
            return Optional.empty();
        }
    }

    /** {@code DefaultPaginator}: a strategy plus where its token and page size go. */
    record Default(PaginationStrategy strategy, Optional<RequestOption> pageTokenOption,
            Optional<RequestOption> pageSizeOption) implements Paginator {

        public Default {
            requireNonNull(strategy, "strategy");
        }

        public Optional<Object> firstToken() {
            return strategy.initialToken();
        }

        public void inject(RequestParts parts, Optional<Object> token, boolean firstPage, TemplateVars vars) {
            if (token.isPresent() && (!firstPage || strategy.injectOnFirstRequest())) {
                pageTokenOption.ifPresent(option -> option.inject(parts, token.get(), vars));
            }
            strategy.pageSize(vars).ifPresent(size ->
                    pageSizeOption.ifPresent(option -> option.inject(parts, size, vars)));
        }

        public Optional<Object> nextToken(PageResult page, Optional<Object> currentToken, TemplateVars vars) {
            return strategy.next(page, currentToken, vars);
        }
    }
}
