package org.bulwark.demo;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bulwark.core.generate.GeneratedHousehold;
import org.bulwark.core.generate.GeneratedIncome;
import org.bulwark.core.generate.GeneratedPerson;

/** Writes generated households as three UTF-8 CSV files with headers: households, persons, incomes. */
final class GeneratedDataCsv implements Closeable {

    private final CSVPrinter households;
    private final CSVPrinter persons;
    private final CSVPrinter incomes;

    private GeneratedDataCsv(CSVPrinter households, CSVPrinter persons, CSVPrinter incomes) {
        this.households = households;
        this.persons = persons;
        this.incomes = incomes;
    }

    static GeneratedDataCsv open(Path folder) throws IOException {
        Files.createDirectories(folder);
        return new GeneratedDataCsv(
                printer(folder.resolve("households.csv"), "household_number", "village_code", "category", "address",
                        "phone"),
                printer(folder.resolve("persons.csv"), "household_number", "id_number", "name", "sex", "birth_date",
                        "relation", "education", "health", "disability", "labour_capacity", "employment",
                        "employment_place", "employment_months", "schooling", "medical_insured", "pension_insured"),
                printer(folder.resolve("incomes.csv"), "household_number", "year", "wage", "operating", "property",
                        "transfer", "production_cost"));
    }

    void write(GeneratedHousehold h) {
        try {
            households.printRecord(h.householdNumber(), h.villageCode(), h.category(), h.address(), h.phone());
            for (GeneratedPerson p : h.members()) {
                persons.printRecord(h.householdNumber(), p.idNumber(), p.name(), p.sex(), p.birthDate(), p.relation(),
                        p.education(), p.health(), p.disability(), p.labourCapacity(), p.employment(),
                        p.employmentPlace(), p.employmentMonths(), p.schooling(), p.medicalInsured(),
                        p.pensionInsured());
            }
            for (GeneratedIncome i : h.incomes()) {
                incomes.printRecord(h.householdNumber(), i.year(), i.wage(), i.operating(), i.property(),
                        i.transfer(), i.productionCost());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        households.close();
        persons.close();
        incomes.close();
    }

    private static CSVPrinter printer(Path file, String... header) throws IOException {
        return new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader(header).setRecordSeparator('\n').get());
    }
}
