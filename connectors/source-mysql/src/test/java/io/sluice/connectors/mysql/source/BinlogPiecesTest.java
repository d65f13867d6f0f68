package io.sluice.connectors.mysql.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.BitSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pieces of binlog CDC that need no server: positions, GTIDs, value conversion, WKT. */
class BinlogPiecesTest {

    @Test
    void positionsOrderByFileNumberThenOffsetAndRoundTripThroughState() {
        BinlogPosition a = new BinlogPosition("mysql-bin.000009", 9_000, Optional.empty());
        BinlogPosition b = new BinlogPosition("mysql-bin.000010", 4, Optional.of("0-1-42"));
        assertThat(a).isLessThan(b);
        assertThat(a.cursor()).isLessThan(b.cursor());
        assertThat(b.cursor()).isEqualTo(10 * 10_000_000_000L + 4);
        assertThat(BinlogPosition.fromJson(b.toJson())).contains(b);
        assertThat(BinlogPosition.fromJson(a.toJson()).orElseThrow().gtid()).isEmpty();
        assertThat(BinlogPosition.fromJson(io.sluice.protocol.MessageCodec.mapper().createObjectNode())).isEmpty();
    }

    @Test
    void gtidPositionsFollowCommittedTransactions() {
        GtidTracker mariaDb = new GtidTracker(BinlogDialect.MARIADB, Optional.of("0-1-10,1-1-3"));
        mariaDb.begin("0-1-11");
        assertThat(mariaDb.current()).contains("0-1-10,1-1-3");
        mariaDb.commit();
        assertThat(mariaDb.current()).contains("0-1-11,1-1-3");

        GtidTracker mySql = new GtidTracker(BinlogDialect.MYSQL, Optional.empty());
        mySql.begin("3e11fa47-71ca-11e1-9e33-c80aa9429562:5");
        mySql.commit();
        mySql.begin("3e11fa47-71ca-11e1-9e33-c80aa9429562:6");
        mySql.commit();
        assertThat(mySql.current()).contains("3e11fa47-71ca-11e1-9e33-c80aa9429562:5-6");
    }

    @Test
    void binlogValuesConvertAsTheStandardReadDoes() {
        assertThat(values("int", "int(10) unsigned").convert(-1)).isEqualTo(4294967295L);
        assertThat(values("tinyint", "tinyint(3) unsigned").convert(-1)).isEqualTo(255L);
        assertThat(values("bigint", "bigint(20) unsigned").convert(-1L))
                .isEqualTo(new BigDecimal("18446744073709551615"));
        assertThat(values("tinyint", "tinyint(1)").convert(1)).isEqualTo(true);
        BitSet bits = new BitSet();
        bits.set(0);
        bits.set(2);
        assertThat(values("bit", "bit(5)").convert(bits)).isEqualTo(5L);
        BitSet high = new BitSet();
        high.set(63);
        assertThat(values("bit", "bit(64)").convert(high)).isEqualTo(BigInteger.ONE.shiftLeft(63));
        assertThat(values("float", "float").convert(1.1f)).isEqualTo(1.1d);
        assertThat(values("date", "date").convert(1_709_164_800_000_000L)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(values("date", "date").convert(Long.MIN_VALUE)).isNull();
        assertThat(values("time", "time").convert(45_296_000_000L)).isEqualTo(LocalTime.of(12, 34, 56));
        assertThat(values("time", "time").convert(100_000_000_000L)).as("past 24 h").isNull();
        BinlogValues e = BinlogValues.of(MySqlType.of("enum", "enum('small','it''s')"), StandardCharsets.UTF_8, 247,
                "enum('Small','It''s')");
        assertThat(e.convert(2)).isEqualTo("It's");
        BinlogValues s = BinlogValues.of(MySqlType.of("set", "set('x','y','z')"), StandardCharsets.UTF_8, 248,
                "set('x','y','z')");
        assertThat(s.convert(5L)).isEqualTo("x,z");
        assertThat(values("varchar", "varchar(10)").convert("héllo".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("héllo");
        assertThat(values("blob", "blob").convert(new byte[] {0, -1})).isEqualTo("AP8=");
        assertThat(BinlogTables.charset("latin1").decode(ByteBuffer.wrap(new byte[] {(byte) 0xE9})).toString())
                .isEqualTo("é");
        assertThat(BinlogTables.charset("binary")).isNull();
    }

    @Test
    void geometriesBecomeWktAsStAsTextWritesIt() {
        ByteBuffer point = ByteBuffer.allocate(4 + 21).order(ByteOrder.LITTLE_ENDIAN);
        point.putInt(0).put((byte) 1).putInt(1).putDouble(1.5).putDouble(-2);
        assertThat(Wkt.fromMySql(point.array())).isEqualTo("POINT(1.5 -2)");
        ByteBuffer multi = ByteBuffer.allocate(4 + 9 + 2 * 21).order(ByteOrder.LITTLE_ENDIAN);
        multi.putInt(0).put((byte) 1).putInt(4).putInt(2);
        multi.put((byte) 1).putInt(1).putDouble(1).putDouble(1);
        multi.put((byte) 1).putInt(1).putDouble(2).putDouble(2);
        assertThat(Wkt.fromMySql(multi.array())).isEqualTo("MULTIPOINT(1 1,2 2)");
    }

    private static BinlogValues values(String dataType, String columnType) {
        return BinlogValues.of(MySqlType.of(dataType, columnType), StandardCharsets.UTF_8, 0, columnType);
    }
}
