/**
 * The Parquet layout the Spark job reads and writes (docs/spark.md), defined once: {@link ParquetLayout}'s schemas of
 * the four input tables and the hits' column names, the rows as the layout keeps them, {@link LayoutWriter}, the
 * streaming writer of a region's four files, and {@link LayoutReader}, which reads a file back row by row. Plain Java
 * and parquet-java: no Spring, no Spark, so that the Spark module's national generator and the tools'
 * {@code export-parquet} both write it with the same code.
 */
package org.bulwark.layout;
