package org.bulwark.core.screening;

/** A hit's contributing records per aggregation feature, kept as bare index arrays until read. */
final class RecordReferences extends FixedKeyMap<ContributingRecords> {

    private final String[] categories;
    private final int[][] records;

    RecordReferences(String[] names, String[] categories, int[][] records) {
        super(names);
        this.categories = categories;
        this.records = records;
    }

    @Override
    ContributingRecords valueAt(int index) {
        return new ContributingRecords(categories[index], records[index]);
    }
}
