package org.bulwark.onboarding;

import java.util.List;
import java.util.function.LongConsumer;

/**
 * What an import is doing, for a page or a command line to show while a large file is read and stored: the phase,
 * the rows read (as a {@link LongConsumer}, so that a lambda counting rows is one), the households written. Called
 * on the importing thread; every method but {@link #accept} does nothing unless overridden.
 */
@FunctionalInterface
public interface ImportProgress extends LongConsumer {

    /** Hears nothing. */
    ImportProgress NONE = rows -> {};

    /** The steps of an import, in order, with their Chinese names. */
    enum Phase {
        /** The file opened, its kind found by its header, its hash taken. */
        READING("读取"),
        /** Its rows read and checked one by one. */
        CHECKING("核对"),
        /** Its rows matched against the registry. */
        MATCHING("比对"),
        /** The commit's writing. */
        WRITING("写入");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The rows read so far (in {@link Phase#CHECKING}). */
    @Override
    void accept(long rows);

    /** The import entered this phase. */
    default void phase(Phase phase) {}

    /** The households sent to the database so far (in {@link Phase#WRITING}). */
    default void written(long households) {}

    /** A step of {@link Phase#WRITING} begins, named in Chinese (写入户, 写入人员, 登记本次导入的户). */
    default void step(String step) {}

    /**
     * Every row refused or withheld, not cut to the preview's {@link ImportPreview#LISTED}: for the file of rows to fix
     * and send again.
     */
    default void refused(List<RowRefusal> rows) {}
}
