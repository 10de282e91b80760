package org.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bulwark.casework.CaseFigures;
import org.bulwark.casework.CaseStatistics;
import org.bulwark.casework.CaseworkStatistics;
import org.bulwark.casework.RosterFile;
import org.bulwark.casework.RosterImport;
import org.bulwark.casework.RosterPreview;
import org.bulwark.core.generate.RosterExpectation;
import org.bulwark.demo.OnboardingFiles;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.onboarding.ImportPreview;
import org.bulwark.onboarding.RegistryImports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A county onboarded from the generator's files on a database of its own (望谟县, 2,000 households, a roster of 200):
 * registry and incomes through preview and commit of the registry import, the roster through the roster import, then
 * the casework statistics the 监测统计 page shows (all time up to today) equal what the generator worked out from the
 * roster alone, figure by figure and type by type.
 */
class OnboardingCountyTest {

    static final String COUNTY = "522326";

    @TempDir
    Path temp;

    @Test
    void theStatisticsShowExactlyTheRostersCounts() throws IOException {
        Path files = temp.resolve("files");
        try (ConfigurableApplicationContext context = Platform.start(
                        false,
                        Map.of(
                                "bulwark.database.embedded.data-dir",
                                temp.resolve("pg").toString()));
                var county = CurrentUser.actAs(
                        BulwarkUser.system("onboarding-test", Role.COUNTY_APPROVER, COUNTY + "000000"))) {
            OnboardingFiles.Written written =
                    context.getBean(OnboardingFiles.class).write(COUNTY, 2000, 200, 11, files);
            assertThat(written.rosterHouseholds()).isEqualTo(200);
            assertThat(written.rosterRows()).isGreaterThan(200);

            RegistryImports imports = context.getBean(RegistryImports.class);
            ImportPreview members =
                    imports.preview(files.resolve(OnboardingFiles.MEMBERS), OnboardingFiles.MEMBERS, COUNTY, n -> {});
            assertThat(members.refused()).isEmpty();
            assertThat(members.counts().householdsNew()).isEqualTo(2000);
            assertThat(members.counts().personsNew()).isEqualTo(written.persons());
            imports.commit(members.id());
            ImportPreview incomes =
                    imports.preview(files.resolve(OnboardingFiles.INCOMES), OnboardingFiles.INCOMES, COUNTY, n -> {});
            assertThat(incomes.refused()).isEmpty();
            assertThat(incomes.counts().incomesNew()).isEqualTo(written.incomes());
            imports.commit(incomes.id());

            RosterImport roster = context.getBean(RosterImport.class);
            RosterPreview done = roster.commit(read(files.resolve(OnboardingFiles.ROSTER)));
            assertThat(done.problems()).isEmpty();
            assertThat(done.count(RosterPreview.Outcome.NEW)).isEqualTo(200);

            CaseworkStatistics statistics = context.getBean(CaseworkStatistics.class);
            expectFigures(statistics.of(null, null, null), written.expected());
            // the same roster again stores nothing and changes no figure
            RosterPreview again = roster.commit(read(files.resolve(OnboardingFiles.ROSTER)));
            assertThat(again.count(RosterPreview.Outcome.UNCHANGED)).isEqualTo(200);
            expectFigures(statistics.of(null, null, null), written.expected());
        }
    }

    private static org.bulwark.casework.RosterRead read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return RosterFile.read(in, file.getFileName().toString());
        }
    }

    private static void expectFigures(CaseStatistics shown, RosterExpectation expected) {
        CaseFigures t = shown.total();
        RosterExpectation.Figures e = expected.total();
        assertThat(t.regionCode()).isEqualTo(COUNTY + "000000");
        assertThat(new long[] {
                    t.identifiedHouseholds(), t.identifiedPersons(),
                    t.monitoredHouseholds(), t.monitoredPersons(),
                    t.eliminatedHouseholds(), t.eliminatedPersons(),
                    t.reenteredHouseholds()
                })
                .containsExactly(
                        e.identifiedHouseholds(),
                        e.identifiedPersons(),
                        e.monitoredHouseholds(),
                        e.monitoredPersons(),
                        e.eliminatedHouseholds(),
                        e.eliminatedPersons(),
                        expected.reenteredHouseholds());
        assertThat(shown.byType()).containsExactlyInAnyOrderEntriesOf(expected.identifiedByType());
        assertThat(shown.byRisk()).containsExactlyInAnyOrderEntriesOf(expected.byRiskCode());
        // the townships of the county add up to it
        assertThat(shown.parts().stream()
                        .mapToLong(CaseFigures::identifiedHouseholds)
                        .sum())
                .isEqualTo(e.identifiedHouseholds());
    }
}
