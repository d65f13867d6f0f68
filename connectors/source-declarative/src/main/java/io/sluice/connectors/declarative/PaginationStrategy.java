package io.sluice.connectors.declarative;

import java.util.Optional;

/**
 * How the next page is found: {@code CursorPagination} (a value from the response, until
 * {@code stop_condition}), {@code OffsetIncrement} and {@code PageIncrement} (until a page
 * shorter than {@code page_size}, or an empty one when no size is set).
 */
sealed interface PaginationStrategy
        permits PaginationStrategy.Cursor, PaginationStrategy.Offset, PaginationStrategy.PageNumber {

    Optional<Object> initialToken();

    boolean injectOnFirstRequest();

    Optional<Integer> pageSize(TemplateVars vars);

    Optional<Object> next(Paginator.PageResult page, Optional<Object> current, TemplateVars vars);

    /** {@code CursorPagination}: {@code cursor_value} from {@code response}, {@code headers}, {@code last_record}. */
    record Cursor(Template cursorValue, Optional<Template> stopCondition, Optional<Integer> size, String streamName)
            implements PaginationStrategy {
        public Optional<Object> initialToken() {
            return Optional.empty();
        }

        public boolean injectOnFirstRequest() {
            return false;
        }

        public Optional<Integer> pageSize(TemplateVars vars) {
            return size;
        }

        public Optional<Object> next(Paginator.PageResult page, Optional<Object> current, TemplateVars vars) {
            TemplateVars pageVars = vars
                    .with("response", page.response().plain(streamName))
                    .with("headers", page.response().templateHeaders())
                    .with("last_record", page.lastRecord().orElse(null))
                    .with("last_page_size", page.recordCount())
                    .with("last_page_token_value", current.orElse(null));
            if (stopCondition.isPresent() && stopCondition.get().test(pageVars)) {
                return Optional.empty();
            }
            Object value = cursorValue.value(pageVars);
            if (value == null || value instanceof String s && (s.isBlank() || s.equals("None"))) {
                return Optional.empty();
            }
            return Optional.of(value);
        }
    }

    /** {@code OffsetIncrement}: the offset grows by the records of each page. */
    record Offset(Optional<Integer> size, boolean injectOnFirstRequest) implements PaginationStrategy {
        public Optional<Object> initialToken() {
            return Optional.of(0L);
        }

        public Optional<Integer> pageSize(TemplateVars vars) {
            return size;
        }

        public Optional<Object> next(Paginator.PageResult page, Optional<Object> current, TemplateVars vars) {
            if (size.isPresent() ? page.recordCount() < size.get() : page.recordCount() == 0) {
                return Optional.empty();
            }
            long offset = current.map(o -> Long.parseLong(TemplateValues.text(o))).orElse(0L);
            return Optional.of(offset + page.recordCount());
        }
    }

    /** {@code PageIncrement}: page numbers from {@code start_from_page}. */
    record PageNumber(Optional<Integer> size, int startFromPage, boolean injectOnFirstRequest)
            implements PaginationStrategy {
        public Optional<Object> initialToken() {
            return Optional.of((long) startFromPage);
        }

        public Optional<Integer> pageSize(TemplateVars vars) {
            return size;
        }

        public Optional<Object> next(Paginator.PageResult page, Optional<Object> current, TemplateVars vars) {
            if (size.isPresent() ? page.recordCount() < size.get() : page.recordCount() == 0) {
                return Optional.empty();
            }
            long number = current.map(o -> Long.parseLong(TemplateValues.text(o))).orElse((long) startFromPage);
            return Optional.of(number + 1);
        }
    }
}
