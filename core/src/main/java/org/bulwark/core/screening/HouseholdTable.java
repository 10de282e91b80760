package org.bulwark.core.screening;

import java.util.Arrays;
import java.util.Objects;
import org.bulwark.core.registry.HouseholdCategory;

/**
 * Registered households in columns, the engine's household input; a household is addressed by its index (0..size-1),
 * which person and record tables use to point at it.
 */
public final class HouseholdTable {

    private static final HouseholdCategory[] CATEGORIES = HouseholdCategory.values();

    private final int size;
    private final long[] id;
    private final String[] villageCode;
    private final byte[] category;
    private final boolean[] monitoredOrAssisted;
    private final int[] members;
    private final double[] netIncome;
    private final double[] netIncomePrevious;
    private volatile VillageHouseholds villageHouseholds;

    private HouseholdTable(Builder builder) {
        this.size = builder.size;
        this.id = Arrays.copyOf(builder.id, size);
        this.villageCode = Arrays.copyOf(builder.villageCode, size);
        this.category = Arrays.copyOf(builder.category, size);
        this.monitoredOrAssisted = Arrays.copyOf(builder.monitoredOrAssisted, size);
        this.members = Arrays.copyOf(builder.members, size);
        this.netIncome = Arrays.copyOf(builder.netIncome, size);
        this.netIncomePrevious = Arrays.copyOf(builder.netIncomePrevious, size);
    }

    private HouseholdTable(
            long[] id,
            String[] villageCode,
            byte[] category,
            int[] members,
            double[] netIncome,
            double[] netIncomePrevious) {
        this.size = id.length;
        this.id = id;
        this.villageCode = villageCode;
        this.category = category;
        this.monitoredOrAssisted = new boolean[size];
        for (int h = 0; h < size; h++) {
            if (category[h] < 0 || category[h] >= CATEGORIES.length) {
                throw new IllegalArgumentException("household " + h + ": no category " + category[h]);
            }
            monitoredOrAssisted[h] = CATEGORIES[category[h]] != HouseholdCategory.ORDINARY;
        }
        this.members = members;
        this.netIncome = netIncome;
        this.netIncomePrevious = netIncomePrevious;
    }

    /**
     * A table over columns filled elsewhere (a columnar store), taken as they are, not copied. {@code category}
     * holds {@link HouseholdCategory} ordinals; a household counts as monitored or assisted unless ordinary; incomes
     * are finite, 0 when unknown.
     */
    public static HouseholdTable ofColumns(
            long[] id,
            String[] villageCode,
            byte[] category,
            int[] members,
            double[] netIncome,
            double[] netIncomePrevious) {
        int size = id.length;
        if (villageCode.length != size
                || category.length != size
                || members.length != size
                || netIncome.length != size
                || netIncomePrevious.length != size) {
            throw new IllegalArgumentException("household columns must all have " + size + " entries");
        }
        return new HouseholdTable(id, villageCode, category, members, netIncome, netIncomePrevious);
    }

    /** A builder that adds households one by one. */
    public static Builder builder() {
        return new Builder();
    }

    /** Number of households. */
    public int size() {
        return size;
    }

    /** The household's id in the registry. */
    public long id(int household) {
        return id[household];
    }

    /** The household's 12-digit village code. */
    public String villageCode(int household) {
        return villageCode[household];
    }

    /** The household's category. */
    public HouseholdCategory category(int household) {
        return CATEGORIES[category[household]];
    }

    /** Whether the household is formerly poor or monitored (or otherwise assisted). */
    public boolean monitoredOrAssisted(int household) {
        return monitoredOrAssisted[household];
    }

    /** Members counted in the household. */
    public int members(int household) {
        return members[household];
    }

    /** Net income of the last 12 months (the latest year), yuan. */
    public double netIncome(int household) {
        return netIncome[household];
    }

    /** Net income of the year before, yuan; 0 when unknown. */
    public double netIncomePrevious(int household) {
        return netIncomePrevious[household];
    }

    byte[] categoryOrdinals() {
        return category;
    }

    boolean[] monitoredOrAssistedColumn() {
        return monitoredOrAssisted;
    }

    int[] membersColumn() {
        return members;
    }

    double[] netIncomeColumn() {
        return netIncome;
    }

    double[] netIncomePreviousColumn() {
        return netIncomePrevious;
    }

    String[] villageCodeColumn() {
        return villageCode;
    }

    /** The households of each village, built on first use and kept, since the table never changes. */
    VillageHouseholds villageHouseholds() {
        VillageHouseholds villages = villageHouseholds;
        if (villages == null) {
            villages = new VillageHouseholds(this);
            villageHouseholds = villages;
        }
        return villages;
    }

    /** Adds households row by row. */
    public static final class Builder {

        private int size;
        private long[] id = new long[16];
        private String[] villageCode = new String[16];
        private byte[] category = new byte[16];
        private boolean[] monitoredOrAssisted = new boolean[16];
        private int[] members = new int[16];
        private double[] netIncome = new double[16];
        private double[] netIncomePrevious = new double[16];

        private Builder() {}

        /**
         * Adds a household and returns its index. It counts as monitored or assisted when its category is formerly
         * poor or monitored; {@link #monitoredOrAssisted(int, boolean)} changes that.
         *
         * @param netIncome         net income of the last 12 months, yuan (0 when unknown)
         * @param netIncomePrevious net income of the year before, yuan (0 when unknown)
         */
        public int add(
                long householdId,
                String village,
                HouseholdCategory householdCategory,
                int memberCount,
                double netIncome,
                double netIncomePrevious) {
            Objects.requireNonNull(householdCategory, "householdCategory");
            requireFinite("netIncome", netIncome);
            requireFinite("netIncomePrevious", netIncomePrevious);
            if (memberCount < 0) {
                throw new IllegalArgumentException("members must not be negative, not " + memberCount);
            }
            if (size == id.length) {
                grow();
            }
            id[size] = householdId;
            villageCode[size] = village;
            category[size] = (byte) householdCategory.ordinal();
            monitoredOrAssisted[size] = householdCategory != HouseholdCategory.ORDINARY;
            members[size] = memberCount;
            this.netIncome[size] = netIncome;
            this.netIncomePrevious[size] = netIncomePrevious;
            return size++;
        }

        /** Overrides whether a household added earlier counts as monitored or assisted. */
        public Builder monitoredOrAssisted(int household, boolean value) {
            Objects.checkIndex(household, size);
            monitoredOrAssisted[household] = value;
            return this;
        }

        /** The table of the households added so far. */
        public HouseholdTable build() {
            return new HouseholdTable(this);
        }

        private void grow() {
            int capacity = id.length * 2;
            id = Arrays.copyOf(id, capacity);
            villageCode = Arrays.copyOf(villageCode, capacity);
            category = Arrays.copyOf(category, capacity);
            monitoredOrAssisted = Arrays.copyOf(monitoredOrAssisted, capacity);
            members = Arrays.copyOf(members, capacity);
            netIncome = Arrays.copyOf(netIncome, capacity);
            netIncomePrevious = Arrays.copyOf(netIncomePrevious, capacity);
        }
    }

    static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, not " + value);
        }
    }
}
