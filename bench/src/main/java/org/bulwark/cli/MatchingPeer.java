package org.bulwark.cli;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.bulwark.core.employment.LabourerProfile;
import org.bulwark.core.employment.OpenPosting;
import org.bulwark.core.employment.Reach;
import org.bulwark.core.employment.Skill;
import org.bulwark.core.employment.WorkKind;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The peer of the matching benchmark: PostgreSQL alone on the same postings and a sample of the same labourers, in
 * typed tables of its own (codes as numbers, skills and kinds as bit masks), one statement with a lateral top-N
 * subquery per labourer that reads the postings within the labourer's reach by an index range on the place code. It
 * returns the count and the sum of the posting ids, which must equal the engine's on the same labourers.
 */
final class MatchingPeer {

    /** What the peer found on the sample, and how long the statement took. */
    record Result(long matches, long checksum, double seconds) {}

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    MatchingPeer(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    Result run(List<OpenPosting> postings, List<LabourerProfile> sample, LocalDate day, int top)
            throws SQLException, IOException {
        createTables();
        try {
            copy("peer_posting", postingRows(postings));
            copy("peer_labourer", labourerRows(sample));
            jdbc.sql("analyze peer_posting").update();
            jdbc.sql("analyze peer_labourer").update();
            long t = System.nanoTime();
            Result r = jdbc.sql(QUERY)
                    .param("day", day)
                    .param("top", top)
                    .query((rs, n) -> new Result(rs.getLong(1), rs.getLong(2), 0))
                    .single();
            return new Result(r.matches(), r.checksum(), (System.nanoTime() - t) / 1e9);
        } finally {
            jdbc.sql("drop table if exists peer_posting, peer_labourer").update();
        }
    }

    private static final String QUERY = """
            select count(*), coalesce(sum(m.id), 0)
            from peer_labourer l
            cross join lateral (
                select p.id
                from peer_posting p
                where p.place >= l.lo and p.place < l.hi
                  and p.openings > 0 and p.open_from <= :day and (p.open_to is null or p.open_to >= :day)
                  and (p.skills & ~l.skills) = 0
                  and (l.kinds = 0 or (l.kinds & (1 << p.kind)) <> 0)
                  and p.wage >= l.min_wage
                order by case when p.place = l.home then 0
                              when p.place / 1000 = l.home / 1000 then 1
                              when p.place / 1000000 = l.home / 1000000 then 2
                              when p.place / 100000000 = l.home / 100000000 then 3
                              when p.place / 10000000000 = l.home / 10000000000 then 4
                              else 5 end,
                         p.wage desc, p.skill_count desc, p.id
                limit :top) m
            """;

    private void createTables() {
        jdbc.sql("drop table if exists peer_posting, peer_labourer").update();
        jdbc.sql("""
                create table peer_posting (id bigint primary key, place bigint not null, kind int not null,
                    skills int not null, skill_count int not null, wage int not null, openings int not null,
                    open_from date not null, open_to date)
                """).update();
        jdbc.sql("create index peer_posting_place on peer_posting (place)").update();
        jdbc.sql("""
                create table peer_labourer (person_id bigint primary key, home bigint not null, lo bigint not null,
                    hi bigint not null, kinds int not null, skills int not null, min_wage int not null)
                """).update();
    }

    private static String postingRows(List<OpenPosting> postings) {
        StringBuilder out = new StringBuilder(postings.size() * 64);
        for (OpenPosting p : postings) {
            out.append(p.id())
                    .append('\t')
                    .append(p.place().value())
                    .append('\t')
                    .append(p.kind().ordinal())
                    .append('\t')
                    .append(skillMask(p.requiredSkills()))
                    .append('\t')
                    .append(p.requiredSkills().size())
                    .append('\t')
                    .append(p.monthlyWage())
                    .append('\t')
                    .append(p.openings())
                    .append('\t')
                    .append(p.openFrom())
                    .append('\t')
                    .append(p.openTo() == null ? "\\N" : p.openTo().toString())
                    .append('\n');
        }
        return out.toString();
    }

    private static String labourerRows(List<LabourerProfile> sample) {
        StringBuilder out = new StringBuilder(sample.size() * 64);
        for (LabourerProfile l : sample) {
            long home = Long.parseLong(l.home().value());
            long width = width(l.wishes().farthest());
            long lo = home / width * width;
            Integer min = l.wishes().minMonthlyWage();
            out.append(l.personId())
                    .append('\t')
                    .append(home)
                    .append('\t')
                    .append(lo)
                    .append('\t')
                    .append(lo + width)
                    .append('\t')
                    .append(kindMask(l.wishes().kinds()))
                    .append('\t')
                    .append(skillMask(l.skills()))
                    .append('\t')
                    .append(min == null ? 0 : min)
                    .append('\n');
        }
        return out.toString();
    }

    /** How many place codes a region at the wished reach spans: the range the index reads. */
    private static long width(Reach farthest) {
        return switch (farthest) {
            case VILLAGE -> 1L;
            case TOWNSHIP -> 1_000L;
            case COUNTY -> 1_000_000L;
            case PREFECTURE -> 100_000_000L;
            case PROVINCE -> 10_000_000_000L;
            case ANYWHERE -> 1_000_000_000_000L;
        };
    }

    private static int skillMask(java.util.Set<Skill> skills) {
        return skills.stream().mapToInt(s -> 1 << s.ordinal()).sum();
    }

    private static int kindMask(java.util.Set<WorkKind> kinds) {
        return kinds.stream().mapToInt(k -> 1 << k.ordinal()).sum();
    }

    private void copy(String table, String rows) throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " from stdin", new StringReader(rows));
        }
    }
}
