package org.bulwark.onboarding;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.bulwark.core.exchange.FieldSpec;
import org.bulwark.core.exchange.FieldType;
import org.bulwark.core.exchange.TableTemplate;
import org.bulwark.platform.read.ImportTemplate;

/** The published templates of the registry files: .xlsx with drop-down lists and notes, and .csv (UTF-8 with BOM). */
public final class RegistryTemplateFiles {

    private RegistryTemplateFiles() {}

    /** The Excel template: Chinese headers, a sample row, drop-down lists on choice columns, a notes sheet. */
    public static void xlsx(RegistryFileKind kind, OutputStream out) throws IOException {
        String notes = kind == RegistryFileKind.MEMBERS
                ? "户籍成员导入说明：每人一行，户的信息（户编号、村、户类别、住址、联系电话）在该户每位成员的行上重复填写；" + "村可填12位村代码，或同时填写乡镇和村名"
                : "家庭收入导入说明：每户每年度一行，金额单位为元，空白按0计";
        ImportTemplate.write(kind.template(), notes, out);
    }

    /** The CSV template: the header and the sample row, UTF-8 with a byte-order mark so that Excel reads it right. */
    public static void csv(RegistryFileKind kind, OutputStream out) throws IOException {
        TableTemplate template = kind.template();
        String header = template.fields().stream().map(FieldSpec::label).collect(Collectors.joining(","));
        String sample =
                template.fields().stream().map(RegistryTemplateFiles::sample).collect(Collectors.joining(","));
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.write((header + "\r\n" + sample + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private static String sample(FieldSpec field) {
        if (field.example() == null) {
            return "";
        }
        if (field.type() == FieldType.CHOICE) {
            return field.choiceLabel(field.example());
        }
        return field.type() == FieldType.BOOLEAN ? ("true".equals(field.example()) ? "是" : "否") : field.example();
    }

    /** The file name of a template, in Chinese. */
    public static String fileName(RegistryFileKind kind, String extension) {
        return kind.label() + "-导入模板." + extension;
    }

    static List<RegistryFileKind> kinds() {
        return List.of(RegistryFileKind.values());
    }
}
