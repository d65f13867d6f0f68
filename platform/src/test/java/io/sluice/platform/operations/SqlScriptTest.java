package io.sluice.platform.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SqlScriptTest {

    @Test
    void splitsAtTheSemicolonsThatEndStatements() {
        assertThat(SqlScript.split("create view a as select 1;\n  insert into t values (2) ; ;\nselect 3"))
                .containsExactly("create view a as select 1", "insert into t values (2)", "select 3");
    }

    @Test
    void keepsSemicolonsInsideQuotesDollarQuotesAndComments() {
        String script = """
                insert into t values ('a;b', 'it''s; fine', E'x\\';y');
                select "odd;name" from t; -- a comment; not a statement
                create function f() returns int as $body$ begin return 1; end; $body$ language plpgsql;
                /* block; comment */ select $$;$$, $1
                """;
        assertThat(SqlScript.split(script)).containsExactly(
                "insert into t values ('a;b', 'it''s; fine', E'x\\';y')",
                "select \"odd;name\" from t",
                "-- a comment; not a statement\ncreate function f() returns int as $body$ begin return 1; end; $body$"
                        + " language plpgsql",
                "/* block; comment */ select $$;$$, $1");
    }

    @Test
    void dropsStatementsOfOnlyCommentsAndBlanks() {
        assertThat(SqlScript.split("-- just a note\n;  /* and another */ ; \n")).isEmpty();
    }

    @Test
    void anUnclosedQuoteNamesItsLine() {
        assertThatThrownBy(() -> SqlScript.split("select 1;\nselect 'oops"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("has a ' quote opened on line 2 and never closed");
        assertThatThrownBy(() -> SqlScript.split("select /* never closed"))
                .hasMessage("has a comment opened on line 1 and never closed");
    }
}
