package org.bulwark.onboarding;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bulwark.core.contact.PhoneNumber;
import org.bulwark.core.exchange.RowProblem;
import org.bulwark.core.exchange.TableTemplate;
import org.bulwark.core.identity.IdentityNumber;
import org.bulwark.core.identity.Sex;
import org.bulwark.core.region.RegionCode;
import org.bulwark.core.registry.Disability;
import org.bulwark.core.registry.Education;
import org.bulwark.core.registry.Employment;
import org.bulwark.core.registry.EmploymentPlace;
import org.bulwark.core.registry.Health;
import org.bulwark.core.registry.HouseholdCategory;
import org.bulwark.core.registry.LabourCapacity;
import org.bulwark.core.registry.RegistryTemplates;
import org.bulwark.core.registry.Relation;
import org.bulwark.core.registry.Schooling;
import org.bulwark.identity.RegionScope;
import org.bulwark.platform.read.FileRejectedException;
import org.bulwark.platform.read.RowSource;
import org.bulwark.platform.read.TemplateRows;
import org.bulwark.region.Regions;
import org.bulwark.registry.ImportedPerson;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Reads a registry file: which kind it is (by its header), each row checked and typed, villages resolved. */
@Component
class RegistryFileReader {

    private static final int PROGRESS_EVERY = 10_000;

    private final Regions regions;
    private final Clock clock;
    private final long maxBytes;

    RegistryFileReader(
            Regions regions, Clock clock, @Value("${bulwark.exchange.max-file-bytes:2147483648}") long maxBytes) {
        this.regions = regions;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    RegistryFile read(Path file, String fileName, String countyCode, RegionScope scope, ImportProgress progress)
            throws IOException {
        progress.phase(ImportProgress.Phase.READING);
        RegistryFileKind kind = kindOf(file, fileName);
        String sha256 = sha256(file);
        VillageIndex villages = kind == RegistryFileKind.MEMBERS ? new VillageIndex(regions, countyCode, scope) : null;
        List<MemberLine> members = new ArrayList<>();
        List<IncomeLine> incomes = new ArrayList<>();
        List<RowRefusal> refused = new ArrayList<>();
        long rows = 0;
        TemplateRows.CellRewriter rewriter = kind == RegistryFileKind.MEMBERS ? RegistryFileReader::rewrite : null;
        try (TemplateRows reader =
                TemplateRows.open(file, fileName, kind.template(), LocalDate.now(clock), maxBytes, rewriter)) {
            progress.phase(ImportProgress.Phase.CHECKING);
            while (reader.hasNext()) {
                TemplateRows.Row row = reader.next();
                if (++rows % PROGRESS_EVERY == 0) {
                    progress.accept(rows);
                }
                Values values = new Values(kind.template(), row);
                if (!row.valid()) {
                    row.problems().forEach(p -> refused.add(refusal(values, p)));
                } else if (kind == RegistryFileKind.MEMBERS) {
                    member(values, villages, members, refused);
                } else {
                    incomes.add(income(values));
                }
            }
        }
        if (rows % PROGRESS_EVERY != 0) {
            progress.accept(rows);
        }
        return new RegistryFile(
                fileName, sha256, kind, RegionCode.parse(scope.prefix()).value(), rows, members, incomes, refused);
    }

    /** The file's kind, by the columns of its header: 身份证号 makes it a members file, 年度 an incomes file. */
    private static RegistryFileKind kindOf(Path file, String fileName) throws IOException {
        List<String> header;
        try (RowSource source = TemplateRows.openSource(file, fileName, Long.MAX_VALUE)) {
            header = source.header();
        }
        for (RegistryFileKind kind : RegistryFileKind.values()) {
            String key = kind == RegistryFileKind.MEMBERS ? "id_number" : "year";
            String label = kind.template().field(key).label();
            if (header.contains(label) || header.contains(key)) {
                return kind;
            }
        }
        throw new FileRejectedException(
                FileRejectedException.Reason.MALFORMED, "第1行（列名）既不是“户籍成员”模板（有“身份证号”列）也不是“家庭收入”模板（有“年度”列）");
    }

    private static RowRefusal refusal(Values values, RowProblem problem) {
        String column = values.template.position(problem.field()) >= 0
                ? values.template.field(problem.field()).label()
                : problem.field();
        return new RowRefusal(values.row.number(), values.text("household_number"), column, problem.message(), false);
    }

    private static void member(Values v, VillageIndex villages, List<MemberLine> members, List<RowRefusal> refused) {
        VillageIndex.Resolved village = villages.resolve(v.text("village_code"), v.text("township"), v.text("village"));
        if (village.code() == null) {
            refused.add(new RowRefusal(
                    v.row.number(), v.text("household_number"), village.column(), village.reason(), false));
            return;
        }
        IdentityNumber id = IdentityNumber.parse(v.text("id_number"), LocalDate.of(2999, 1, 1));
        ImportedPerson person = new ImportedPerson(
                null,
                id.value(),
                v.text("name"),
                id.sex(),
                id.birthDate(),
                v.choice("relation", Relation.class),
                v.choice("education", Education.class),
                v.choice("health", Health.class),
                v.choice("disability", Disability.class) == null
                        ? Disability.NONE
                        : v.choice("disability", Disability.class),
                v.choice("labour_capacity", LabourCapacity.class),
                v.choice("employment", Employment.class),
                v.choice("employment_place", EmploymentPlace.class),
                v.value("employment_months") == null ? null : ((Long) v.value("employment_months")).intValue(),
                v.choice("schooling", Schooling.class),
                Boolean.TRUE.equals(v.value("medical_insured")),
                Boolean.TRUE.equals(v.value("pension_insured")));
        String phone = v.text("phone");
        PhoneNumber parsedPhone =
                phone == null ? null : PhoneNumber.parse(phone).orElse(null);
        if (phone != null && parsedPhone == null) {
            refused.add(new RowRefusal(
                    v.row.number(),
                    v.text("household_number"),
                    "联系电话",
                    "联系电话：“" + phone + "”不是手机号（13–19开头的11位数字）或带区号的固定电话",
                    false));
            return;
        }
        String sexProblem = sexProblem(v, id);
        if (sexProblem != null) {
            refused.add(new RowRefusal(v.row.number(), v.text("household_number"), "性别", sexProblem, false));
            return;
        }
        members.add(new MemberLine(
                v.row.number(),
                v.text("household_number"),
                village.code(),
                v.choice("category", HouseholdCategory.class),
                v.text("address"),
                parsedPhone == null ? null : parsedPhone.value(),
                person));
    }

    /** Sex and birth date, where given, must be those the identity number says. */
    private static String sexProblem(Values v, IdentityNumber id) {
        Sex sex = v.choice("sex", Sex.class);
        if (sex != null && sex != id.sex()) {
            return "性别：与身份证号不符（身份证号为" + (id.sex() == Sex.MALE ? "男" : "女") + "）";
        }
        Object birth = v.value("birth_date");
        if (birth != null && !birth.equals(id.birthDate())) {
            return "出生日期：与身份证号不符（身份证号为" + id.birthDate() + "）";
        }
        return null;
    }

    private static IncomeLine income(Values v) {
        return new IncomeLine(
                v.row.number(),
                v.text("household_number"),
                ((Long) v.value("year")).intValue(),
                v.amount("wage"),
                v.amount("operating"),
                v.amount("property"),
                v.amount("transfer"),
                v.amount("production_cost"));
    }

    /**
     * Words that say two things: 残疾 in 健康状况 leaves the health unknown and needs a grade in 残疾等级; 省外务工 in 务工状况
     * also says where, when 务工地点 is blank.
     */
    static void rewrite(long row, String[] cells, List<RowProblem> problems) {
        TableTemplate t = RegistryTemplates.MEMBERS;
        int health = t.position("health");
        int disability = t.position("disability");
        if (RegistryTemplates.HEALTH_DISABLED.equals(cells[health])) {
            cells[health] = null;
            String grade = cells[disability];
            if (grade == null || grade.equals("无") || grade.equals("否") || grade.equalsIgnoreCase("NONE")) {
                problems.add(new RowProblem(row, "disability", "disability_grade", "残疾等级：健康状况填“残疾”时须填写残疾等级（一级至四级）"));
            }
        }
        int employment = t.position("employment");
        int place = t.position("employment_place");
        EmploymentPlace at = cells[employment] == null ? null : RegistryTemplates.EMPLOYED_AT.get(cells[employment]);
        if (at != null && cells[place] == null) {
            cells[place] = at.name();
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid row's values by field name. */
    private record Values(TableTemplate template, TemplateRows.Row row) {

        Object value(String field) {
            int position = template.position(field);
            return row.values()[position];
        }

        String text(String field) {
            int position = template.position(field);
            Object value = row.values()[position];
            return value != null ? value.toString() : row.cells()[position];
        }

        <E extends Enum<E>> E choice(String field, Class<E> type) {
            Object value = value(field);
            return value == null ? null : Enum.valueOf(type, value.toString());
        }

        BigDecimal amount(String field) {
            Object value = value(field);
            return value == null ? BigDecimal.ZERO : (BigDecimal) value;
        }
    }
}
