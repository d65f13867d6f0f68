package io.sluice.connectors.mysql.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.cdk.ValueType;
import org.junit.jupiter.api.Test;

class MySqlTypeTest {

    private static MySqlType type(String dataType, String columnType) {
        return MySqlType.of(dataType, columnType);
    }

    @Test
    void typesMapToValueTypes() {
        assertThat(type("tinyint", "tinyint(1)").valueType()).isEqualTo(ValueType.BOOLEAN);
        assertThat(type("bit", "bit(1)").valueType()).isEqualTo(ValueType.BOOLEAN);
        assertThat(type("tinyint", "tinyint(4)").valueType()).isEqualTo(ValueType.INTEGER);
        assertThat(type("tinyint", "tinyint").valueType()).isEqualTo(ValueType.INTEGER);
        assertThat(type("int", "int(10) unsigned").valueType()).isEqualTo(ValueType.INTEGER);
        assertThat(type("bigint", "bigint(20)").valueType()).isEqualTo(ValueType.INTEGER);
        assertThat(type("bigint", "bigint(20) unsigned").valueType()).isEqualTo(ValueType.NUMBER);
        assertThat(type("bit", "bit(12)").valueType()).isEqualTo(ValueType.INTEGER);
        assertThat(type("year", "year(4)").valueType()).isEqualTo(ValueType.INTEGER);
        assertThat(type("decimal", "decimal(12,2)").valueType()).isEqualTo(ValueType.NUMBER);
        assertThat(type("double", "double").valueType()).isEqualTo(ValueType.NUMBER);
        assertThat(type("datetime", "datetime(6)").valueType()).isEqualTo(ValueType.TIMESTAMP);
        assertThat(type("timestamp", "timestamp").valueType()).isEqualTo(ValueType.TIMESTAMP_TZ);
        assertThat(type("time", "time").valueType()).isEqualTo(ValueType.TIME);
        assertThat(type("json", "json").valueType()).isEqualTo(ValueType.JSON);
        assertThat(new MySqlType("longtext", "longtext", true).valueType()).isEqualTo(ValueType.JSON);
        assertThat(type("enum", "enum('a','b')").valueType()).isEqualTo(ValueType.STRING);
        assertThat(type("point", "point").selectExpression("`p`")).isEqualTo("ST_AsText(`p`)");
        assertThat(type("blob", "blob").jsonSchema().get("contentEncoding").asText()).isEqualTo("base64");
    }

    @Test
    void cursorCastsFollowTheDeclaredPrecision() {
        assertThat(type("int", "int(11)").cursorCast()).hasValue("SIGNED");
        assertThat(type("bigint", "bigint(20) unsigned").cursorCast()).hasValue("UNSIGNED");
        assertThat(type("decimal", "decimal(12,2)").cursorCast()).hasValue("DECIMAL(12,2)");
        assertThat(type("datetime", "datetime(3)").cursorCast()).hasValue("DATETIME(3)");
        assertThat(type("timestamp", "timestamp").cursorCast()).hasValue("DATETIME");
        assertThat(type("varchar", "varchar(20)").cursorCast()).hasValue("BINARY");
        assertThat(type("json", "json").cursorCast()).isEmpty();
        assertThat(type("blob", "blob").cursorCast()).isEmpty();
        assertThat(type("date", "date").mayHoldZeroDates()).isTrue();
    }
}
