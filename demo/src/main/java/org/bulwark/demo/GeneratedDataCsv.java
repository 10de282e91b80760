package org.bulwark.demo;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bulwark.core.csv.CsvStyles;
import org.bulwark.core.generate.GeneratedHousehold;
import org.bulwark.core.generate.GeneratedIncome;
import org.bulwark.core.generate.GeneratedPerson;

/**
 * Writes generated households as three UTF-8 CSV files with headers (households, persons, incomes), LF line ends,
 * quoted as spreadsheets are sent ({@link CsvStyles#SPREADSHEET}).
 */
final class GeneratedDataCsv implements Closeable {

    private final CsvWriter households;
    private final CsvWriter persons;
    private final CsvWriter incomes;

    private GeneratedDataCsv(CsvWriter households, CsvWriter persons, CsvWriter incomes) {
        this.households = households;
        this.persons = persons;
        this.incomes = incomes;
    }

    static GeneratedDataCsv open(Path folder) throws IOException {
        Files.createDirectories(folder);
        return new GeneratedDataCsv(
                printer(
                        folder.resolve("households.csv"),
                        "household_number",
                        "village_code",
                        "category",
                        "address",
                        "phone"),
                printer(
                        folder.resolve("persons.csv"),
                        "household_number",
                        "id_number",
                        "name",
                        "sex",
                        "birth_date",
                        "relation",
                        "education",
                        "health",
                        "disability",
                        "labour_capacity",
                        "employment",
                        "employment_place",
                        "employment_months",
                        "schooling",
                        "medical_insured",
                        "pension_insured"),
                printer(
                        folder.resolve("incomes.csv"),
                        "household_number",
                        "year",
                        "wage",
                        "operating",
                        "property",
                        "transfer",
                        "production_cost"));
    }

    void write(GeneratedHousehold h) {
        // FastCSV reports a failed write as an UncheckedIOException
        households.writeRecord(
                CsvStyles.cells(h.householdNumber(), h.villageCode(), h.category(), h.address(), h.phone()));
        for (GeneratedPerson p : h.members()) {
            persons.writeRecord(CsvStyles.cells(
                    h.householdNumber(),
                    p.idNumber(),
                    p.name(),
                    p.sex(),
                    p.birthDate(),
                    p.relation(),
                    p.education(),
                    p.health(),
                    p.disability(),
                    p.labourCapacity(),
                    p.employment(),
                    p.employmentPlace(),
                    p.employmentMonths(),
                    p.schooling(),
                    p.medicalInsured(),
                    p.pensionInsured()));
        }
        for (GeneratedIncome i : h.incomes()) {
            incomes.writeRecord(CsvStyles.cells(
                    h.householdNumber(),
                    i.year(),
                    i.wage(),
                    i.operating(),
                    i.property(),
                    i.transfer(),
                    i.productionCost()));
        }
    }

    @Override
    public void close() throws IOException {
        households.close();
        persons.close();
        incomes.close();
    }

    private static CsvWriter printer(Path file, String... header) throws IOException {
        CsvWriter csv =
                CsvStyles.writer(CsvStyles.SPREADSHEET, LineDelimiter.LF).build(file, StandardCharsets.UTF_8);
        csv.writeRecord(header);
        return csv;
    }
}
